import { writeSync } from 'node:fs';

/** How long one line may wait for a full pipe before it is dropped. */
const fullPipeWaitMs = 1000;
const pauseMs = 10;

const pause = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * Log lines written to a file descriptor (standard output by default) synchronously, one write per line as
 * pino's default does, except that a broken destination never holds the bot: pino's default (sonic-boom)
 * retries a failed write every 100 ms for ever in its flush at exit, so a bot whose log reader had gone
 * (a closed pipe) never finished stopping. Here a failed write turns logging off; a full pipe (EAGAIN) is
 * waited on for at most a second per line, then the line is dropped.
 */
export function fdDestination(fd = 1): { write(line: string): void } {
  let broken = false;
  return {
    write(line: string) {
      if (broken) return;
      let rest = Buffer.from(line, 'utf8');
      let waited = 0;
      while (rest.length > 0) {
        try {
          rest = rest.subarray(writeSync(fd, rest));
        } catch (err) {
          const code = (err as NodeJS.ErrnoException).code;
          if (code !== 'EAGAIN' || waited >= fullPipeWaitMs) {
            broken = code !== 'EAGAIN';
            return;
          }
          pause(pauseMs);
          waited += pauseMs;
        }
      }
    },
  };
}

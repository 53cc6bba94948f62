import { Writable } from 'node:stream';
import pino from 'pino';
import { fdDestination } from './log-destination';

/**
 * Errors are logged by kind and where they were thrown, never by message: an SDK's message can quote the request
 * (restify's JSON errors quote the body, a zod error the input). The stack is kept to its frames for that reason.
 */
const errKind = (err: unknown) => {
  if (!(err instanceof Error)) return err;
  const { code, statusCode } = err as { code?: unknown; statusCode?: unknown };
  const frames = (err.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line));
  return { name: err.name, code, statusCode, stack: frames.join('\n') };
};

/**
 * Structured logs. Only ids, codes and enumerated values go in: never message text, names or
 * anything typed by a user (patient privacy). The serializers hold for libraries given this logger too
 * (restify logs `req`, `res` and `err` objects, and a request's body with them). `level` defaults to info;
 * the default destination survives a closed pipe (./log-destination.ts).
 */
export function makeLogger(
  level: string | undefined,
  destination: pino.DestinationStream = fdDestination(),
): pino.Logger {
  return pino(
    {
      level: level ?? 'info',
      base: { app: 'bcbm-consult' },
      redact: ['text', 'req.body', '*.text', 'body', 'value', '*.value'],
      serializers: {
        req: (req: { method?: string; url?: string }) => ({
          method: req.method,
          path: req.url?.split('?')[0],
        }),
        res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
        err: errKind,
      },
    },
    destination,
  );
}

export type Logger = pino.Logger;

/**
 * The running bot's logger. Someone trying the bot on their own machine (local mode, a terminal) gets
 * one readable line per event and only warnings and errors; a deployment (Microsoft credentials set)
 * or any output that is not a terminal gets pino's JSON at info, for a log collector. LOG_LEVEL, when
 * set, wins either way.
 */
export function botLogger(
  settings: { level: string | undefined; localMode: boolean },
  out: NodeJS.WriteStream = process.stdout,
): pino.Logger {
  const readable = settings.localMode && out.isTTY === true;
  // On stdout itself the pipe-safe writer is used; another stream (a test's) is written as given.
  if (!readable) return makeLogger(settings.level, out === process.stdout ? undefined : out);
  return makeLogger(settings.level ?? 'warn', lineWriter(out));
}

const levelNames: Record<number, string> = {
  10: 'TRACE',
  20: 'DEBUG',
  30: 'INFO',
  40: 'WARN',
  50: 'ERROR',
  60: 'FATAL',
};
// Always the same on every line, so not worth the space on a terminal.
const omitted = new Set(['level', 'time', 'msg', 'pid', 'hostname', 'app']);
// Errors are logged by kind (name and code), never by message (see errKind): so is their one-line form.
const shortError = (value: unknown) => {
  if (!value || typeof value !== 'object') return JSON.stringify(value);
  const { name, code } = value as { name?: unknown; code?: unknown };
  return [name, code].filter((x) => x !== undefined).join(' ') || JSON.stringify(value);
};

/** One pino JSON line, already redacted, as `HH:MM:SS LEVEL message key=value …`. */
function formatLine(json: string): string {
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return json;
  }
  const time = new Date(typeof entry.time === 'number' ? entry.time : Date.now()).toTimeString().slice(0, 8);
  const level = levelNames[entry.level as number] ?? String(entry.level);
  const fields = Object.entries(entry)
    .filter(([key]) => !omitted.has(key))
    .map(([key, value]) =>
      key === 'err'
        ? `err=${shortError(value)}`
        : `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`,
    );
  const line = [time, level.padEnd(5), entry.msg ?? '', ...fields].filter((part) => part !== '').join(' ');
  // An error's stack goes below its line, indented, instead of as one long escaped string.
  const stack = (entry.err as { stack?: unknown } | undefined)?.stack;
  return typeof stack === 'string' ? `${line}\n    ${stack.split('\n').join('\n    ')}` : line;
}

/** A destination that prints each pino line through `formatLine`. */
function lineWriter(out: NodeJS.WritableStream): Writable {
  return new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n')) if (line) out.write(`${formatLine(line)}\n`);
      done();
    },
  });
}

import { PassThrough } from 'node:stream';
import { botLogger } from '../src/log';

/** A stand-in for stdout that says whether it is a terminal and keeps what was written. */
function output(isTTY: boolean) {
  const stream = Object.assign(new PassThrough(), { isTTY }) as unknown as NodeJS.WriteStream;
  let written = '';
  stream.on('data', (chunk: Buffer) => (written += chunk.toString()));
  return { stream, lines: () => written.split('\n').filter(Boolean) };
}

describe('the bot logger', () => {
  it('on a terminal in local mode, prints only warnings and errors, one readable line each', () => {
    const out = output(true);
    const log = botLogger({ level: undefined, localMode: true }, out.stream);
    log.info({ url: 'http://127.0.0.1:3978' }, 'listening');
    log.warn({ conversation: 'c-1', code: 'stale_card', text: 'Jane Doe, MRN 99887766' }, 'refused');
    expect(out.lines()).toHaveLength(1);
    expect(out.lines()[0]).toMatch(
      /^\d\d:\d\d:\d\d WARN  refused conversation=c-1 code=stale_card text=\[Redacted\]$/,
    );
  });

  it('puts an error stack under its line, not inside it, and never the error message', () => {
    const out = output(true);
    // An SDK's error message can quote what was typed; only the kind and the frames are logged.
    botLogger({ level: undefined, localMode: true }, out.stream).error(
      { err: Object.assign(new Error('disk full for Jane Doe'), { code: 'ENOSPC' }) },
      'turn failed',
    );
    expect(out.lines()[0]).toMatch(/ ERROR turn failed err=Error ENOSPC$/);
    expect(out.lines()[1]).toMatch(/^ {8}at /);
    expect(out.lines().join('\n')).not.toContain('Jane Doe');
  });

  it('lets LOG_LEVEL win on a terminal', () => {
    const out = output(true);
    botLogger({ level: 'info', localMode: true }, out.stream).info({ storage: 'sqlite' }, 'listening');
    expect(out.lines()[0]).toMatch(/ INFO  listening storage=sqlite$/);
  });

  it.each([
    ['not a terminal', false, true],
    ['in production (Microsoft credentials set)', true, false],
  ])('writes JSON at info when %s', (_name, isTTY, localMode) => {
    const out = output(isTTY);
    const log = botLogger({ level: undefined, localMode }, out.stream);
    log.debug('hidden');
    log.info({ text: 'typed by a user' }, 'listening');
    expect(out.lines().map((l) => JSON.parse(l) as unknown)).toEqual([
      expect.objectContaining({ level: 30, msg: 'listening', app: 'bcbm-consult', text: '[Redacted]' }),
    ]);
  });
});

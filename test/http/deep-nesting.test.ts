import { connect } from 'node:net';
import { useSlackServer } from '../support/fake-slack';
import { activity } from '../support/server';

/**
 * Deeply nested JSON inside `value`, sent as a client uploads a large body: in pieces, with a Content-Length or
 * chunked. Every request gets its status code, and the upload is never cut off by a reset connection (a
 * client that is still sending when the connection is reset sees an error, not the 413).
 */
const running = useSlackServer();
const server = () => running().server;

interface Sent {
  status: number;
  body: string;
  /** The socket error the client met (ECONNRESET, EPIPE), if any, before it closed the connection itself. */
  error?: string;
}

/** Writes the request 64 KB at a time and reads the whole answer; then it closes the connection itself. */
function upload(path: string, body: string, framing: 'length' | 'chunked'): Promise<Sent> {
  const { port } = new URL(server().url);
  const bytes = Buffer.from(body);
  return new Promise((resolve) => {
    const socket = connect(Number(port), '127.0.0.1');
    let answer = '';
    let error: string | undefined;
    let written = false;
    let answered = false;
    // The client closes once it has sent everything and read the whole answer (which may come first).
    const finish = () => {
      if (written && answered) socket.end();
    };
    const done = () => {
      const [head = '', rest = ''] = answer.split('\r\n\r\n');
      resolve({
        status: Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0),
        body: rest,
        ...(error ? { error } : {}),
      });
    };
    socket.on('data', (d: Buffer) => {
      answer += d.toString('latin1');
      const length = /content-length: (\d+)/i.exec(answer)?.[1];
      const [, rest] = answer.split('\r\n\r\n');
      answered =
        length !== undefined && rest !== undefined && Buffer.byteLength(rest, 'latin1') >= Number(length);
      finish();
    });
    socket.on('error', (err: NodeJS.ErrnoException) => (error = err.code ?? err.message));
    socket.on('close', done);
    socket.write(
      `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\n` +
        (framing === 'length' ? `Content-Length: ${bytes.length}` : 'Transfer-Encoding: chunked') +
        '\r\n\r\n',
    );
    const piece = 64 * 1024;
    const next = (at: number) => {
      if (socket.destroyed) return;
      if (at >= bytes.length) {
        socket.write(framing === 'chunked' ? '0\r\n\r\n' : '', () => {
          written = true;
          finish();
        });
        return;
      }
      const part = bytes.subarray(at, at + piece);
      socket.write(framing === 'chunked' ? `${part.length.toString(16)}\r\n` : '');
      socket.write(part);
      socket.write(framing === 'chunked' ? '\r\n' : '', () => setTimeout(() => next(at + piece), 2));
    };
    next(0);
  });
}

const nested = {
  arrays: (levels: number) => `${'['.repeat(levels)}${']'.repeat(levels)}`,
  objects: (levels: number) => `${'{"a":'.repeat(levels)}{}${'}'.repeat(levels)}`,
};
const withValue = (value: string) => JSON.stringify(activity({ value: '@value' })).replace('"@value"', value);

const cases = [10_000, 100_000].flatMap((levels) =>
  (['arrays', 'objects'] as const).flatMap((shape) =>
    (['length', 'chunked'] as const).map((framing) => {
      const body = withValue(nested[shape](levels));
      return { levels, shape, framing, body, tooLarge: body.length > 256 * 1024 };
    }),
  ),
);

describe('deeply nested JSON inside value', () => {
  it.each(cases)(
    '/api/messages answers $levels levels of $shape ($framing) with its 4xx, without resetting the upload',
    async ({ body, framing, tooLarge }) => {
      const sent = await upload('/api/messages', body, framing);
      expect(sent.error).toBeUndefined();
      if (tooLarge) expect(sent).toMatchObject({ status: 413, body: expect.stringContaining('larger than') });
      else
        expect(sent).toMatchObject({
          status: 400,
          body: expect.stringContaining('value: nested deeper than 64'),
        });
    },
  );

  it.each(cases.filter((c) => c.tooLarge))(
    '/api/slack/events answers $levels levels of $shape ($framing) with 413, without resetting the upload',
    async ({ body, framing }) => {
      const sent = await upload('/api/slack/events', body, framing);
      expect(sent.error).toBeUndefined();
      expect(sent.status).toBe(413);
    },
  );

  it('keeps serving afterwards', async () => {
    expect((await fetch(`${server().url}/healthz`)).status).toBe(200);
  });
});

import { request } from 'node:http';
import type { Activity } from '../support/server';
import { activity, post, type Running, startServer } from '../support/server';
import { plainTextOf } from '../support/plain-text';

let server: Running;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

const conversation = { id: 'bad-input-1' } as Activity['conversation'];
const summary = async () =>
  (await post(server.url, activity({ conversation, text: 'summary' }))).activities
    .map(plainTextOf)
    .join('\n');

/** A POST with exactly these headers (node:http, so Host and Origin are ours to set). */
function raw(
  body: string,
  headers: Record<string, string>,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const { hostname, port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const req = request({ host: hostname, port, path: '/api/messages', method: 'POST', headers }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
        }),
      );
    });
    req.on('error', reject);
    req.end(body);
  });
}

const json = { 'content-type': 'application/json' };

describe('what /api/messages refuses', () => {
  let before: string;
  beforeAll(async () => {
    await post(server.url, activity({ conversation, text: 'start' }));
    await post(server.url, activity({ conversation, text: '1' }));
    before = await summary();
    expect(before).toContain('Consult type: New symptom, metastases suspected');
  });
  afterAll(async () => {
    // None of the refused requests below touched the consult in progress.
    expect(await summary()).toBe(before);
  });

  it('refuses a form-encoded "restart" with 415 (a web page could post that form across sites)', async () => {
    const form = new URLSearchParams({
      type: 'message',
      text: 'restart',
      channelId: 'emulator',
      'conversation[id]': 'bad-input-1',
    }).toString();
    expect((await raw(form, { 'content-type': 'application/x-www-form-urlencoded' })).status).toBe(415);
    const asJson = JSON.stringify(activity({ conversation, text: 'restart' }));
    for (const type of ['text/plain', 'multipart/form-data; boundary=x', 'application/json; charset=latin1'])
      expect((await raw(asJson, { 'content-type': type })).status).toBe(415);
    expect((await raw(asJson, {})).status).toBe(415);
    expect(await summary()).toBe(before);
  });

  it('refuses, in local mode, a browser request from any page but its own (403)', async () => {
    const asJson = JSON.stringify(activity({ conversation, text: 'restart' }));
    const { host } = new URL(server.url);
    for (const origin of ['https://evil.example', 'null', `https://${host}`, 'http://localhost.evil.example'])
      expect((await raw(asJson, { ...json, origin })).status).toBe(403);
    // A page on another site whose name was rebound to 127.0.0.1 sends its own name as Host and Origin.
    const port = new URL(server.url).port;
    const rebound = `evil.example:${port}`;
    expect((await raw(asJson, { ...json, host: rebound, origin: `http://${rebound}` })).status).toBe(403);
    expect(await summary()).toBe(before);
  });

  it("accepts the local page's own origin, no origin (Emulator, curl) and Teams' content type", async () => {
    const say = (headers: Record<string, string>) =>
      raw(
        JSON.stringify(
          activity({ conversation: { id: 'bad-input-ok' } as Activity['conversation'], text: 'help' }),
        ),
        headers,
      );
    expect((await say({ ...json, origin: server.url })).status).toBe(200);
    expect((await say(json)).status).toBe(200);
    expect((await say({ 'content-type': 'application/json; charset=utf-8' })).status).toBe(200);
  });

  const deep = (levels: number) => `${'{"a":'.repeat(levels)}{}${'}'.repeat(levels)}`;
  const base = () => JSON.stringify(activity({ conversation, text: 'restart' }));
  /** The body with one top-level field replaced by raw JSON (or removed). */
  const withField = (field: string, rawValue: string | undefined) => {
    const a = JSON.parse(base()) as Record<string, unknown>;
    delete a[field];
    const rest = JSON.stringify(a).slice(1, -1);
    return rawValue === undefined ? `{${rest}}` : `{"${field}":${rawValue},${rest}}`;
  };
  const cases: [string, string, string][] = [
    ['a missing type', withField('type', undefined), 'type'],
    ['a numeric type', withField('type', '5'), 'type'],
    ['an unknown activity type', withField('type', '"bogus"'), 'type'],
    ['a numeric channelId', withField('channelId', '5'), 'channelId'],
    ['a numeric serviceUrl', withField('serviceUrl', '5'), 'serviceUrl'],
    ['a serviceUrl that is not a web URL', withField('serviceUrl', '"file:///etc/passwd"'), 'serviceUrl'],
    ['a conversation without an id', withField('conversation', '{"name":"x"}'), 'conversation.id'],
    ['5,000 levels in from', withField('from', deep(5000)), 'from'],
    ['5,000 levels in recipient', withField('recipient', deep(5000)), 'recipient'],
    [
      '5,000 levels in conversation',
      withField('conversation', `{"id":"x","a":${deep(5000)}}`),
      'conversation',
    ],
    ['a numeric text', withField('text', '5'), 'text'],
    [
      'a mention without mentioned',
      withField('entities', '[{"type":"mention","text":"x"}]'),
      'entities.0.mentioned',
    ],
    ['__proto__ in value', withField('value', '{"__proto__":{"polluted":true}}'), 'value'],
    [
      'constructor.prototype in channelData',
      withField('channelData', '{"constructor":{"prototype":{}}}'),
      'channelData',
    ],
    ['an unparseable timestamp', withField('timestamp', '"yesterday"'), 'timestamp'],
  ];

  it.each(cases)('refuses %s with 400 naming the field', async (_name, body, field) => {
    const res = await raw(body, json);
    expect(res.status).toBe(400);
    expect(res.body.field).toBe(field);
    expect(String(res.body.error)).toMatch(new RegExp(`^${field.replace(/\./g, '\\.')}: `));
  });

  it('refuses invalid JSON and a body that is not an object with 400, and a body over 256 KB with 413', async () => {
    expect((await raw('{"type":"message",', json)).status).toBe(400);
    expect((await raw('[{"type":"message"}]', json)).status).toBe(400);
    expect((await raw(withField('text', JSON.stringify('x'.repeat(300 * 1024))), json)).status).toBe(413);
  });

  it('leaves Object.prototype alone', () => {
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('what /api/messages does not handle', () => {
  it('answers an invoke it does not handle (a message extension query) with 400, not 501', async () => {
    const res = await raw(
      JSON.stringify(
        activity({
          type: 'invoke',
          name: 'composeExtension/query',
          channelId: 'msteams',
          deliveryMode: undefined,
          conversation: { id: 'a:invoke-1' } as Activity['conversation'],
          value: { commandId: 'search', parameters: [] },
        }),
      ),
      json,
    );
    expect(res.status).toBe(400);
  });
});

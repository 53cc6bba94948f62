import { request } from 'node:http';
import type { Activity } from '../support/server';
import type { ActionsBlock, Button } from '@slack/web-api';
import { pathway } from '../../src/content';
import { activity } from '../support/server';
import { plainTextOf } from '../support/plain-text';
import { nowSeconds, signature, signedHeaders, useSlackServer, waitFor } from '../support/fake-slack';
import { appMention, blockActions, botUser, newTs } from '../support/slack-payloads';

/**
 * A consult that belongs to a channel is reached only through that channel's authenticated edge. Here Slack is
 * on and there are no Microsoft credentials (local mode: nothing authenticates /api/messages), as in
 * docs/slack.md; the requests are an attacker's, who knows a Slack thread's channel and ts (any member does).
 */
const running = useSlackServer();
const server = () => running().server;
const slack = () => running().slack;

/** A POST with exactly these headers (node:http, so Host and Origin are ours to set). */
function raw(
  path: string,
  body: string,
  headers: Record<string, string>,
): Promise<{ status: number; body: { error?: string; field?: string; activities?: Partial<Activity>[] } }> {
  const { hostname, port } = new URL(server().url);
  return new Promise((resolve, reject) => {
    const req = request({ host: hostname, port, path, method: 'POST', headers }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : {} }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const json = { 'content-type': 'application/json' };

const signedEvent = (body: unknown) => {
  const text = JSON.stringify(body);
  return raw('/api/slack/events', text, signedHeaders(text, 'application/json'));
};

const questionsIn = (channel: string, thread: string) =>
  slack().calls.filter(
    (c) =>
      c.method === 'chat.postMessage' &&
      c.channel === channel &&
      c.thread_ts === thread &&
      c.blocks.some((b) => b.type === 'actions'),
  );

const firstButton = (call: { blocks: unknown[] }) =>
  (call.blocks as ActionsBlock[]).filter((b) => b.type === 'actions')[0]!.elements[0] as Button;

/** A real Slack consult: a signed mention starts it in its thread and a signed click answers question 1. */
async function slackConsult() {
  const channel = `C0EDGE${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`;
  const thread = newTs();
  const user = 'U0DRSLACK';
  expect(
    (await signedEvent(appMention({ channel, user, ts: thread, text: `<@${botUser}> start` }))).status,
  ).toBe(200);
  const q1 = await waitFor(() => questionsIn(channel, thread)[0], 'question 1 in the thread');
  const button = firstButton(q1);
  const click = new URLSearchParams({
    payload: JSON.stringify(
      blockActions({
        user,
        channel,
        messageTs: q1.postedTs!,
        threadTs: thread,
        button: { action_id: button.action_id!, value: button.value!, text: button.text.text },
      }),
    ),
  }).toString();
  const clicked = await raw(
    '/api/slack/events',
    click,
    signedHeaders(click, 'application/x-www-form-urlencoded'),
  );
  expect(clicked.status).toBe(200);
  await waitFor(() => questionsIn(channel, thread)[1], 'question 2 in the thread');
  await server().app.idle();
  const key = `slack:${channel}:${thread}`;
  const stored = await server().app.store.load(key);
  // The consult is kept where it always was: a Slack thread's key did not move.
  expect(stored && 'value' in stored && (stored.value as { log: unknown[] }).log).toHaveLength(1);
  return { channel, thread, key, stored, button };
}

/** An activity naming the Slack thread, as an attacker posts it to /api/messages (asking for the replies). */
const naming = (channelId: string, conversationId: string, fields: Partial<Activity>) =>
  JSON.stringify(
    activity({ channelId, conversation: { id: conversationId } as Activity['conversation'], ...fields }),
  );

describe("a Slack thread's consult", () => {
  it('is refused on /api/messages without a Slack signature: no summary, no answer, nothing posted (403)', async () => {
    const { channel, thread, key, stored, button } = await slackConsult();
    const before = slack().calls.length;
    const summary = await raw(
      '/api/messages',
      naming('slack', `${channel}:${thread}`, { text: 'summary' }),
      json,
    );
    expect(summary.status).toBe(403);
    expect(summary.body).toEqual({
      error: 'channelId: slack is served at its own endpoint only',
      field: 'channelId',
    });
    const value = JSON.parse(button.value!) as Record<string, unknown>;
    const click = await raw('/api/messages', naming('slack', `${channel}:${thread}`, { value }), json);
    expect(click.status).toBe(403);
    // Signed as Slack would sign it: a signature means nothing on /api/messages.
    const body = naming('Slack', `${channel}:${thread}`, { text: 'restart' });
    const forged = await raw('/api/messages', body, signedHeaders(body, 'application/json'));
    expect(forged.status).toBe(403);

    await server().app.idle();
    expect(slack().calls.length).toBe(before);
    expect(await server().app.store.load(key)).toEqual(stored);
  });

  it.each(['msteams', 'emulator', 'webchat'])(
    "is not reached by naming its conversation under channel %s: that is a local consult of the caller's own",
    async (channelId) => {
      const { channel, thread, key, stored } = await slackConsult();
      const say = async (fields: Partial<Activity>) => {
        const res = await raw('/api/messages', naming(channelId, `${channel}:${thread}`, fields), json);
        expect(res.status).toBe(200);
        return (res.body.activities ?? []).map(plainTextOf).join('\n');
      };
      // A first message of a consult of its own (the welcome), whose summary has none of the thread's answers.
      expect(await say({ text: 'summary' })).toContain(pathway.welcome);
      expect(await say({ text: 'summary' })).toContain('(no answers yet)');
      await say({ text: 'restart' });
      expect(await server().app.store.load(`local:${channelId}:${channel}:${thread}`)).toBeDefined();
      await server().app.idle();
      expect(await server().app.store.load(key)).toEqual(stored);
    },
  );

  it('is refused on /api/slack/events without a valid signature (401), and nothing is posted in the thread', async () => {
    const { channel, thread, key, stored } = await slackConsult();
    const before = slack().calls.length;
    const event = JSON.stringify(
      appMention({ channel, user: 'U0MALLORY', threadTs: thread, text: `<@${botUser}> restart` }),
    );
    const ts = nowSeconds();
    for (const headers of [
      json,
      {
        ...json,
        'x-slack-request-timestamp': String(ts),
        'x-slack-signature': signature(event, ts, 'guessed'),
      },
      { ...json, 'x-slack-request-timestamp': String(ts), 'x-slack-signature': 'v0=' + '0'.repeat(64) },
    ])
      expect((await raw('/api/slack/events', event, headers)).status).toBe(401);
    await server().app.idle();
    expect(slack().calls.length).toBe(before);
    expect(await server().app.store.load(key)).toEqual(stored);
  });
});

describe('local mode', () => {
  it.each([
    ['the public name a reverse proxy forwards', 'consult.example.org'],
    ['a rebound DNS name', 'evil.example'],
    ['an address of this machine that is not loopback', '10.1.2.3'],
  ])('refuses a request whose Host is %s, with or without an Origin (403)', async (_what, name) => {
    const port = new URL(server().url).port;
    const body = naming('emulator', 'edge-host', { text: 'start' });
    for (const host of [name, `${name}:${port}`]) {
      for (const origin of [undefined, `http://${host}`]) {
        const res = await raw('/api/messages', body, { ...json, host, ...(origin ? { origin } : {}) });
        expect(res.status).toBe(403);
        expect(res.body.error).toMatch(/only this machine/);
      }
    }
    expect(await server().app.store.load('local:emulator:edge-host')).toBeUndefined();
  });

  it('answers loopback names, and keeps its consults under local: (a Teams-shaped activity too)', async () => {
    const port = new URL(server().url).port;
    for (const [host, id] of [
      [`127.0.0.1:${port}`, 'edge-v4'],
      [`localhost:${port}`, 'edge-name'],
    ] as const) {
      const res = await raw('/api/messages', naming('msteams', id, { text: 'start' }), { ...json, host });
      expect(res.status).toBe(200);
      expect(await server().app.store.load(`local:msteams:${id}`)).toBeDefined();
      expect(await server().app.store.load(`msteams:${id}`)).toBeUndefined();
    }
  });
});

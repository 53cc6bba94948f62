import { Writable } from 'node:stream';
import type { Activity } from '../support/server';
import { tryAgainNote } from '../../src/view/strings';
import { makeLogger } from '../../src/log';
import type { App } from '../../src/server';
import { notes } from '../../src/view/strings';
import { startConnector } from '../support/connector';
import { activity, post, startServer } from '../support/server';
import { plainTextOf } from '../support/plain-text';
import { signedHeaders, slackEnv, startFakeSlack, waitFor, type FakeSlack } from '../support/fake-slack';
import { slackCorpus, slackWitness, type SlackCase } from '../support/slack-event-corpus';
import { imMessage } from '../support/slack-payloads';
import { activityCorpus, witnessId, type Case } from '../support/activity-corpus';
import { figure } from '../support/figures';

/**
 * A generated, seeded corpus of bad and hostile requests against one real server (restify, CloudAdapter,
 * Slack route): every request gets a 4xx or a polite answer, never a 5xx; the process keeps serving; a
 * consult in progress is untouched; nothing typed comes back as markup; nothing typed reaches the logs.
 */
const seed = 20261201;
const concurrency = 4;

let app: App;
let url: string;
let slack: FakeSlack;
let connector: Awaited<ReturnType<typeof startConnector>>;
let logs = '';

beforeAll(async () => {
  slack = await startFakeSlack();
  connector = await startConnector();
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      logs += chunk.toString();
      done();
    },
  });
  const server = await startServer(slackEnv(slack.url), makeLogger('debug', sink));
  app = server.app;
  url = server.url;
});

afterAll(async () => {
  await app.close();
  await slack.close();
  await connector.close();
});

const say = async (conversationId: string, text: string) =>
  (await post(url, activity({ conversation: { id: conversationId } as Activity['conversation'], text })))
    .activities;
const texts = (replies: Partial<Activity>[]) => replies.map(plainTextOf).join('\n');
const failed = (text: string) => text.includes(notes.failed) || text.includes(tryAgainNote);

/** Runs `work` over `items`, `concurrency` at a time; worker `w` gets its own index. */
async function pool<T>(items: T[], work: (item: T, worker: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      while (next < items.length) await work(items[next++]!, worker);
    }),
  );
}

/**
 * What went wrong, one line per request; each distinct refusal (status and the field named, or the error where
 * no field is) with its count, and the distinct messages (the same field refused for another type of value).
 */
const problems: string[] = [];
const reasons = new Map<string, number>();
const messages = new Set<string>();
function countRefusal(status: number, refusal: { error?: string; field?: string }) {
  const reason = `${status} ${refusal.field ?? refusal.error ?? ''}`;
  reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
  messages.add(`${status} ${refusal.error ?? ''}`);
}

let ownSerial = 0;

async function runActivity(c: Case, worker: number): Promise<void> {
  const conversationId =
    c.conversation === 'witness'
      ? witnessId
      : c.conversation === 'open'
        ? `corpus-open-${worker}`
        : `corpus-own-${++ownSerial}`;
  const body = c.body
    .replace('"@open"', JSON.stringify(conversationId))
    .replace('"@own"', JSON.stringify(conversationId))
    .replace('"@connector"', JSON.stringify(connector.url))
    // A delivery id seen before is acknowledged and ignored: each request is a new delivery.
    .replace('"@id"', JSON.stringify(`corpus-${++ownSerial}`));
  const res = await fetch(`${url}/api/messages`, { method: 'POST', headers: c.headers, body });
  const text = await res.text();
  const fail = (why: string) => {
    problems.push(`${c.kind}: ${why} (HTTP ${res.status}) ${body.slice(0, 160)}`);
  };
  if (res.status >= 500) return fail('a 5xx');
  if (c.expect.refused) {
    if (res.status < 400) return fail('not refused');
    const refusal = JSON.parse(text) as { error?: string; field?: string };
    countRefusal(res.status, refusal);
    if (c.expect.status && res.status !== c.expect.status) return fail(`expected ${c.expect.status}`);
    if (c.expect.field && refusal.field !== c.expect.field)
      return fail(`expected the refusal to name ${c.expect.field}, it named ${refusal.field}`);
    return;
  }
  if (res.status >= 400) {
    // An invoke the bot does not offer is refused by design; nothing else valid may be.
    if (c.kind !== 'Teams invokes') return fail('refused');
    countRefusal(res.status, { error: 'an invoke the bot does not handle' });
    return;
  }
  const replies = text ? ((JSON.parse(text) as { activities?: Partial<Activity>[] }).activities ?? []) : [];
  if (c.expect.message && replies.length === 0) return fail('no reply');
  if (failed(texts(replies))) return fail('the turn failed');
  const shown = JSON.stringify(replies);
  for (const marker of c.markers ?? []) if (shown.includes(marker)) return fail(`echoed ${marker}`);
}

async function runSlack(c: SlackCase): Promise<void> {
  const res = await fetch(`${url}/api/slack/events`, { method: 'POST', headers: c.headers, body: c.body });
  const text = await res.text();
  if (!c.statuses.includes(res.status))
    problems.push(
      `${c.kind}: HTTP ${res.status}, expected ${c.statuses.join(' or ')} ${c.body.slice(0, 160)}`,
    );
  if (res.status >= 400 && res.status < 500)
    countRefusal(res.status, { error: `slack: ${(JSON.parse(text) as { error?: string }).error}` });
}

describe('a generated corpus of bad input', () => {
  const activities = activityCorpus(seed);
  const slackCases = slackCorpus(seed);

  it('gets a 4xx or a polite reply for every request, changes no consult in progress, echoes no markup', async () => {
    expect(activities.length).toBeGreaterThanOrEqual(1000);
    // The consult that must come out unchanged, and one open consult per worker to aim answers at.
    await say(witnessId, 'start');
    await say(witnessId, '1');
    await say(witnessId, 'none');
    const witnessBefore = texts(await say(witnessId, 'summary'));
    const storedBefore = await app.store.load(`local:emulator:${witnessId}`);
    expect(witnessBefore).toContain('Consult type: New symptom, metastases suspected');
    for (let w = 0; w < concurrency; w++) await say(`corpus-open-${w}`, 'start');
    const start = JSON.stringify(imMessage({ channel: slackWitness, user: 'U0WITNESS', text: 'start' }));
    const started = await fetch(`${url}/api/slack/events`, {
      method: 'POST',
      headers: signedHeaders(start, 'application/json'),
      body: start,
    });
    expect(started.status).toBe(200);
    await waitFor(
      () =>
        slack.calls.find(
          (call) => call.channel === slackWitness && call.blocks.some((b) => b.type === 'actions'),
        ),
      'the Slack witness consult',
    );
    const slackCallsBefore = slack.calls.filter((call) => call.channel === slackWitness).length;

    await pool(activities, runActivity);
    await pool(slackCases, (c) => runSlack(c));
    await app.idle();

    // Slack: every event for the bot was answered in its channel, and no answer anywhere carries markup.
    for (const c of slackCases.filter((s) => s.channel)) {
      const calls = slack.calls.filter((call) => call.channel === c.channel);
      if (calls.length === 0) problems.push(`${c.kind}: no reply in ${c.channel}`);
    }
    for (const call of slack.calls) {
      const shown = `${call.text} ${JSON.stringify(call.blocks)}`;
      if (failed(shown)) problems.push(`slack: a turn failed in ${call.channel}`);
      for (const marker of [
        '<!channel>',
        '<!here>',
        '<!everyone>',
        '<@U0ATTACK>',
        '<!subteam',
        '<https://evil',
      ])
        if (shown.includes(marker)) problems.push(`slack: ${marker} posted in ${call.channel}`);
    }
    for (const call of connector.calls)
      if (failed(JSON.stringify(call.body))) problems.push(`teams: a turn failed at ${call.path}`);

    expect(problems.slice(0, 40)).toEqual([]);
    // Still serving, the consult in progress as it was (in the store too), nothing typed in the logs.
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    expect(texts(await say(witnessId, 'summary'))).toBe(witnessBefore);
    expect(await app.store.load(`local:emulator:${witnessId}`)).toEqual(storedBefore);
    expect(slack.calls.filter((call) => call.channel === slackWitness)).toHaveLength(slackCallsBefore);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(logs).not.toMatch(/PWNED|U0ATTACK|<!here>|<!channel>/);

    figure(
      `bad-input corpus (seed ${seed}): ${activities.length} activities to /api/messages, ` +
        `${slackCases.length} requests to /api/slack/events; ${reasons.size} distinct 4xx reasons ` +
        `(${messages.size} distinct messages):\n` +
        [...reasons.entries()]
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([r, n]) => `  ${n} × ${r}`)
          .join('\n'),
    );
    expect(reasons.size).toBeGreaterThanOrEqual(30);
  }, 120_000);
});

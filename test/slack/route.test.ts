import type { ActionsBlock, Button, KnownBlock } from '@slack/web-api';
import { pathway } from '../../src/content';
import type { App } from '../../src/server';
import { startServer } from '../support/server';
import { feedbackWording } from '../../src/view/feedback';
import { notes } from '../../src/view/strings';
import { slackLimits, type SlackButtonValue } from '../../src/view/slack-blocks';
import {
  nowSeconds,
  signature,
  slackEnv,
  startFakeSlack,
  waitFor,
  type FakeSlack,
  type SlackCall,
} from '../support/fake-slack';
import {
  appMention,
  blockActions,
  botUser,
  imMessage,
  newTs,
  urlVerification,
} from '../support/slack-payloads';

let slack: FakeSlack;
let app: App;
let url: string;

beforeAll(async () => {
  slack = await startFakeSlack();
  const server = await startServer(slackEnv(slack.url));
  app = server.app;
  url = server.url;
});

afterAll(async () => {
  await app.close();
  await slack.close();
});

interface SendOptions {
  timestamp?: number;
  /** null: no signature header at all. */
  signature?: string | null;
  headers?: Record<string, string>;
}

async function send(raw: string, contentType: string, o: SendOptions = {}) {
  const timestamp = o.timestamp ?? nowSeconds();
  const headers: Record<string, string> = {
    'content-type': contentType,
    'x-slack-request-timestamp': String(timestamp),
    ...o.headers,
  };
  const sig = o.signature === undefined ? signature(raw, timestamp) : o.signature;
  if (sig !== null) headers['x-slack-signature'] = sig;
  const res = await fetch(`${url}/api/slack/events`, { method: 'POST', headers, body: raw });
  return { status: res.status, body: await res.text() };
}

const postEvent = (body: unknown, o?: SendOptions) => send(JSON.stringify(body), 'application/json', o);

const postClick = (payload: unknown, o?: SendOptions) =>
  send(
    new URLSearchParams({ payload: JSON.stringify(payload) }).toString(),
    'application/x-www-form-urlencoded',
    o,
  );

const posts = (channel: string, threadTs?: string) =>
  slack.calls.filter(
    (c) => c.method === 'chat.postMessage' && c.channel === channel && c.thread_ts === threadTs,
  );

const updatesOf = (ts: string | undefined) =>
  slack.calls.filter((c) => c.method === 'chat.update' && c.ts === ts);

const callsTo = (channel: string) => slack.calls.filter((c) => c.channel === channel);

function buttons(call: SlackCall): Button[] {
  return call.blocks
    .filter((b): b is ActionsBlock => b.type === 'actions')
    .flatMap((b) => b.elements.filter((e): e is Button => e.type === 'button'));
}

/** A question: answer buttons (not the feedback buttons that follow a recommendation). */
const isQuestion = (call: SlackCall) =>
  buttons(call).some((b) => 'question' in (JSON.parse(b.value ?? '{}') as object));

const valueOf = (b: Button) => JSON.parse(b.value ?? '{}') as SlackButtonValue;

/** All the text a message shows in its blocks: its text objects, not ids, urls or button values. */
function shown(blocks: KnownBlock[]): string {
  const out: string[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      if ((o.type === 'mrkdwn' || o.type === 'plain_text') && typeof o.text === 'string') out.push(o.text);
      else Object.values(o).forEach(visit);
    }
  };
  visit(blocks);
  return out.join('\n');
}

let channelSerial = 0;
const newChannel = (prefix: 'C' | 'D') => `${prefix}0TEST${String(++channelSerial).padStart(4, '0')}`;

/** A barrier: a fresh DM consult started and answered, so everything sent before it has been handled. */
async function settle(): Promise<void> {
  const dm = newChannel('D');
  expect((await postEvent(imMessage({ channel: dm, user: 'U0BARRIER', text: 'start' }))).status).toBe(200);
  await waitFor(() => posts(dm).find(isQuestion), 'the barrier consult');
}

type Plan = Partial<Record<string, string>>;

/** The button to click: the planned answer for this question, else the first option. */
function choose(question: SlackCall, plan: Plan): Button {
  const all = buttons(question);
  return all.find((b) => valueOf(b).answer === plan[valueOf(b).question]) ?? all[0]!;
}

interface Clicked {
  question: SlackCall;
  button: Button;
  update: SlackCall;
}

/** Clicks the bot's buttons, question after question, until a turn posts no question: the recommendation. */
async function clickThrough(channel: string, threadTs: string | undefined, user: string, plan: Plan) {
  const clicked: Clicked[] = [];
  let question = await waitFor(() => posts(channel, threadTs).find(isQuestion), 'the first question');
  for (let guard = 0; guard < 40; guard++) {
    const button = choose(question, plan);
    const before = posts(channel, threadTs).length;
    const res = await postClick(
      blockActions({
        user,
        channel,
        messageTs: question.postedTs!,
        threadTs,
        button: { action_id: button.action_id!, value: button.value!, text: button.text.text },
      }),
    );
    expect(res.status).toBe(200);
    // The update comes after the turn's messages: once it is there, the turn is complete.
    const update = await waitFor(() => updatesOf(question.postedTs)[0], 'the clicked question to be updated');
    clicked.push({ question, button, update });
    const after = posts(channel, threadTs).slice(before);
    const next = after.find(isQuestion);
    if (!next) return { clicked, last: after };
    question = next;
  }
  throw new Error('the consult did not end');
}

function expectRecommendation(messages: SlackCall[]) {
  expect(messages.length).toBeGreaterThan(0);
  const first = messages[0]!.blocks[0];
  expect(first?.type).toBe('header');
  const title = first?.type === 'header' ? first.text.text : '';
  expect(pathway.outcomes.map((o) => o.title)).toContain(title);
  const everything = messages.map((m) => shown(m.blocks)).join('');
  expect(everything).toContain(pathway.disclaimer.replace(/&/g, '&amp;').slice(0, 40));
  expect(everything).toContain(pathway.version);
  for (const m of messages) {
    expect(m.blocks.length).toBeLessThanOrEqual(slackLimits.blocksPerMessage);
    expect(m.text.length).toBeGreaterThan(0);
  }
}

describe('a consult in Slack', () => {
  it('runs in the thread of a channel mention and is clicked through to the recommendation', async () => {
    const channel = newChannel('C');
    const root = newTs();
    const user = 'U0DRTHREAD';
    const res = await postEvent(appMention({ channel, user, ts: root, text: `<@${botUser}> start` }));
    expect(res.status).toBe(200);
    const { clicked, last } = await clickThrough(channel, root, user, { imagingResult: 'parenchymal' });

    expectRecommendation(last);
    expect(clicked.length).toBeGreaterThan(8);
    // Everything went into the mention's thread, with the bot token.
    const all = callsTo(channel);
    expect(all.filter((c) => c.method === 'chat.postMessage').every((c) => c.thread_ts === root)).toBe(true);
    expect(all.every((c) => c.authorization === 'Bearer xoxb-test')).toBe(true);
    // The first reply is the welcome; question 1 follows.
    expect(all[0]!.text).toContain(pathway.welcome.slice(0, 30));
    // In a channel the answers are attributed by display name, never by a mention that would notify.
    expect(last.map((m) => shown(m.blocks)).join('')).toContain(`(Dr ${user})`);
    expect(last.map((m) => shown(m.blocks)).join('')).not.toContain(`<@${user}>`);
    expect(slack.lookups.filter((u) => u === user)).toHaveLength(1); // looked up once, then cached
  });

  it('runs in a direct message, the details of the recommendation in a thread under its bottom line', async () => {
    const dm = newChannel('D');
    const user = 'U0DRDIRECT';
    expect((await postEvent(imMessage({ channel: dm, user, text: 'start' }))).status).toBe(200);
    const { clicked, last } = await clickThrough(dm, undefined, user, { scenario: 'knownProgression' });

    expectRecommendation(last);
    expect(clicked.length).toBeGreaterThan(4);
    // Questions are messages of their own; only the recommendation's details are replies, all in one thread.
    const threaded = callsTo(dm).filter((c) => c.method === 'chat.postMessage' && c.thread_ts !== undefined);
    expect(threaded.length).toBeGreaterThan(0);
    expect(new Set(threaded.map((c) => c.thread_ts)).size).toBe(1);
    // One person, one consult: no attribution in a DM.
    expect(clicked.every((c) => !shown(c.update.blocks).includes(`Dr ${user}`))).toBe(true);
  });

  it('replaces the clicked question with the chosen answer and no buttons', async () => {
    const channel = newChannel('C');
    const root = newTs();
    const user = 'U0DRUPDATE';
    await postEvent(appMention({ channel, user, ts: root, text: `<@${botUser}> start` }));
    const question = await waitFor(() => posts(channel, root).find(isQuestion), 'question 1');
    const button = buttons(question)[1]!;
    await postClick(
      blockActions({
        user,
        channel,
        messageTs: question.postedTs!,
        threadTs: root,
        button: { action_id: button.action_id!, value: button.value!, text: button.text.text },
      }),
    );
    const update = await waitFor(() => updatesOf(question.postedTs)[0], 'the update');
    expect(update.channel).toBe(channel);
    expect(update.blocks.some((b) => b.type === 'actions')).toBe(false);
    expect(shown(update.blocks)).toContain(button.text.text);
    expect(shown(update.blocks)).toContain(`Dr ${user}`);
    expect(update.text).toContain(button.text.text);
  });
});

describe('Slack threads', () => {
  it('are separate consults: two threads of one channel are two consults', async () => {
    const channel = newChannel('C');
    const [a, b] = [newTs(), newTs()];
    await postEvent(appMention({ channel, user: 'U0DRA', ts: a, text: `<@${botUser}> start` }));
    await postEvent(appMention({ channel, user: 'U0DRB', ts: b, text: `<@${botUser}> start` }));
    const qa = await waitFor(() => posts(channel, a).find(isQuestion), 'question 1 in thread a');
    const qb = await waitFor(() => posts(channel, b).find(isQuestion), 'question 1 in thread b');
    expect(valueOf(buttons(qa)[0]!).consultId).not.toBe(valueOf(buttons(qb)[0]!).consultId);

    // Answering in thread a moves only thread a on.
    const click = buttons(qa)[0]!;
    await postClick(
      blockActions({
        user: 'U0DRA',
        channel,
        messageTs: qa.postedTs!,
        threadTs: a,
        button: { action_id: click.action_id!, value: click.value!, text: click.text.text },
      }),
    );
    await waitFor(() => updatesOf(qa.postedTs)[0], 'thread a updated');
    expect(posts(channel, a).filter(isQuestion)).toHaveLength(2);
    expect(posts(channel, b).filter(isQuestion)).toHaveLength(1);
    // A typed command in thread b still sees question 1 of its own consult.
    await postEvent(appMention({ channel, user: 'U0DRB', threadTs: b, text: `<@${botUser}> summary` }));
    const summary = await waitFor(() => posts(channel, b)[2], 'the summary in thread b');
    expect(summary.text).toContain('(no answers yet)');
  });
});

describe('a click on an old card', () => {
  it('changes nothing and says so', async () => {
    const channel = newChannel('C');
    const root = newTs();
    const user = 'U0DRSTALE';
    await postEvent(appMention({ channel, user, ts: root, text: `<@${botUser}> start` }));
    const q1 = await waitFor(() => posts(channel, root).find(isQuestion), 'question 1');
    const [first, second] = buttons(q1);
    const click = (b: Button) =>
      postClick(
        blockActions({
          user,
          channel,
          messageTs: q1.postedTs!,
          threadTs: root,
          button: { action_id: b.action_id!, value: b.value!, text: b.text.text },
        }),
      );
    await click(first!);
    await waitFor(() => updatesOf(q1.postedTs)[0], 'question 1 updated');
    const q2 = posts(channel, root).filter(isQuestion)[1]!;
    const before = posts(channel, root).length;

    // The old card still shows its buttons in a client that has not refreshed: click another answer on it.
    await click(second!);
    const [notice, again] = await waitFor(() => {
      const after = posts(channel, root).slice(before);
      return after.length >= 2 && after;
    }, 'the stale notice and the current question');
    expect(notice!.text).toBe(notes.stale);
    expect(valueOf(buttons(again!)[0]!)).toEqual(valueOf(buttons(q2)[0]!));
    await settle();
    expect(updatesOf(q1.postedTs)).toHaveLength(1);
    expect(posts(channel, root)).toHaveLength(before + 2);
  });
});

describe('Slack request verification', () => {
  const cases: [string, (raw: string) => SendOptions][] = [
    ['a wrong signature', (raw) => ({ signature: signature(raw, nowSeconds(), 'another-secret') })],
    [
      'a timestamp older than five minutes',
      (raw) => {
        const old = nowSeconds() - 5 * 60 - 30;
        return { timestamp: old, signature: signature(raw, old) };
      },
    ],
    [
      'a timestamp more than five minutes ahead',
      (raw) => {
        const ahead = nowSeconds() + 5 * 60 + 30;
        return { timestamp: ahead, signature: signature(raw, ahead) };
      },
    ],
    ['a missing signature', () => ({ signature: null })],
    ['a signature of another body', () => ({ signature: signature('{}', nowSeconds()) })],
  ];

  it.each(cases)('refuses %s with 401, and nothing is posted', async (_name, options) => {
    const channel = newChannel('C');
    const body = appMention({ channel, user: 'U0MALLORY', text: `<@${botUser}> start` });
    const res = await postEvent(body, options(JSON.stringify(body)));
    expect(res.status).toBe(401);
    const click = blockActions({
      user: 'U0MALLORY',
      channel,
      messageTs: newTs(),
      button: {
        action_id: 'x',
        value: JSON.stringify({ question: 'scenario', answer: 'newSymptoms' }),
        text: 'x',
      },
    });
    const raw = new URLSearchParams({ payload: JSON.stringify(click) }).toString();
    expect((await postClick(click, options(raw))).status).toBe(401);
    await settle();
    expect(callsTo(channel)).toEqual([]);
  });

  it('answers url_verification with the challenge once the signature checks out', async () => {
    const res = await postEvent(urlVerification('3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P'));
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({
      challenge: '3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P',
    });
    const forged = await postEvent(urlVerification('abc'), { signature: 'v0=00' });
    expect(forged.status).toBe(401);
  });
});

describe('Slack deliveries', () => {
  it('handles a retried event (same event_id, X-Slack-Retry-Num: 1) once', async () => {
    const channel = newChannel('C');
    const event = appMention({
      channel,
      user: 'U0DRRETRY',
      text: `<@${botUser}> start`,
      eventId: 'Ev0RETRY0001',
    });
    expect((await postEvent(event)).status).toBe(200);
    await waitFor(() => posts(channel, event.event.ts as string).find(isQuestion), 'question 1');
    const count = callsTo(channel).length;
    const retry = await postEvent(event, {
      headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' },
    });
    expect(retry.status).toBe(200);
    await settle();
    expect(callsTo(channel)).toHaveLength(count);
  });

  it('acknowledges at once and answers after the acknowledgement', async () => {
    const channel = newChannel('C');
    const started = Date.now();
    const res = await postEvent(appMention({ channel, user: 'U0DRFAST', text: `<@${botUser}> start` }));
    expect(res.status).toBe(200);
    expect(res.body).toBe('');
    expect(Date.now() - started).toBeLessThan(3000);
    await waitFor(() => callsTo(channel).find(isQuestion), 'question 1');
  });

  it('ignores its own messages, other bots, edits and events it does not handle', async () => {
    const dm = newChannel('D');
    const channel = newChannel('C');
    const ignored = [
      // The bot's own post in a DM comes back as message.im.
      imMessage({ channel: dm, user: botUser, text: 'Question 1', extra: { bot_id: 'B0BOT0001' } }),
      imMessage({ channel: dm, text: 'from a bot', extra: { bot_id: 'B0OTHER01', subtype: 'bot_message' } }),
      imMessage({ channel: dm, user: 'U0OTHERBOT', text: 'start', extra: { bot_id: 'B0OTHER02' } }),
      imMessage({ channel: dm, user: 'U0DREDIT', text: 'start', extra: { subtype: 'message_changed' } }),
      appMention({
        channel,
        user: 'U0OTHERBOT',
        text: `<@${botUser}> start`,
        extra: { bot_id: 'B0OTHER02' },
      }),
      // A message in a channel without a mention (not subscribed, but never answered).
      imMessage({ channel, user: 'U0DRCHAN', text: 'start', extra: { channel_type: 'channel' } }),
    ];
    for (const e of ignored) expect((await postEvent(e)).status).toBe(200);
    expect(
      (await postEvent({ type: 'app_rate_limited', team_id: 'T123ABC456', minute_rate_limited: 1 })).status,
    ).toBe(200);
    await settle();
    expect(callsTo(dm)).toEqual([]);
    expect(callsTo(channel)).toEqual([]);
  });
});

describe('feedback in Slack', () => {
  it('asks under the plan; a click is replaced by what was chosen, the reason and part follow, then thanks', async () => {
    const dm = newChannel('D');
    const user = 'U0DRFEEDBACK';
    expect((await postEvent(imMessage({ channel: dm, user, text: 'start' }))).status).toBe(200);
    const { last } = await clickThrough(dm, undefined, user, { scenario: 'knownProgression' });
    /** Clicks the button with this text on a message, and waits for that message to be replaced. */
    const clickOn = async (message: SlackCall, text: string) => {
      const button = buttons(message).find((b) => b.text.text === text)!;
      const before = posts(dm).length;
      await postClick(
        blockActions({
          user,
          channel: dm,
          messageTs: message.postedTs!,
          button: { action_id: button.action_id!, value: button.value!, text },
        }),
      );
      const update = await waitFor(() => updatesOf(message.postedTs)[0], `the ${text} click`);
      expect(buttons(update)).toEqual([]);
      expect(shown(update.blocks)).toContain(text);
      return posts(dm).slice(before);
    };
    const ask = last.find((m) => shown(m.blocks).includes(feedbackWording.ask))!;
    expect(buttons(ask).map((b) => b.text.text)).toEqual(['Helpful', 'Not helpful']);
    const [reasons] = await clickOn(ask, 'Not helpful');
    expect(shown(reasons!.blocks)).toContain(feedbackWording.reason);
    const [parts] = await clickOn(reasons!, 'Wrong');
    expect(buttons(parts!)[0]!.text.text).toBe(feedbackWording.wholePlan);
    const [thanks] = await clickOn(parts!, feedbackWording.wholePlan);
    expect(thanks!.text).toBe(feedbackWording.thanks);
    const stored = [];
    for await (const f of app.store.feedback()) stored.push(f);
    expect(stored).toContainEqual(expect.objectContaining({ helpful: false, reason: 'wrong', item: 'plan' }));
  });
});

import type { Activity } from '../support/server';
import type { ActionsBlock, Button, SectionBlock } from '@slack/web-api';
import { notes } from '../../src/view/strings';
import { startConnector, type ConnectorCall } from '../support/connector';
import { startServer, type Running } from '../support/server';
import {
  nowSeconds,
  signature,
  slackEnv,
  startFakeSlack,
  waitFor,
  type FakeSlack,
} from '../support/fake-slack';
import { appMention, blockActions, botUser, newTs } from '../support/slack-payloads';
import { alice as teamsAlice, bob as teamsBob, teamsBot, tenant } from '../support/teams-people';
import { cardActions, emergencyCase, rightOf, wrongOf } from './support';

// Payload shapes as in test/teams and test/slack (Microsoft's and Slack's published examples).
const bot = teamsBot;
const alice = { ...teamsAlice, name: 'Alice Trainee' };
const bob = { ...teamsBob, name: 'Bob Trainee' };

let server: Running;
let connector: Awaited<ReturnType<typeof startConnector>>;
let slack: FakeSlack;
beforeAll(async () => {
  slack = await startFakeSlack();
  connector = await startConnector();
  // One Slack member and one Teams user named as educators, as an admin would fill it in.
  server = await startServer({
    ...slackEnv(slack.url),
    TRAINING_EDUCATORS: `UEDUCAT01, ${teamsAlice.aadObjectId}`,
  });
});
afterAll(async () => {
  await server.close();
  await connector.close();
  await slack.close();
});

type Card = {
  body: { text?: string }[];
  actions?: { data: Record<string, unknown>; title: string; type: string }[];
  refresh?: { action: { verb: string; data: Record<string, unknown> }; userIds: string[] };
};
/** Every TextBlock's text in a card, in order, columns included. */
const cardText = (c: unknown): string => {
  if (Array.isArray(c)) return c.map(cardText).filter(Boolean).join('\n');
  if (typeof c !== 'object' || c === null) return '';
  const o = c as Record<string, unknown>;
  if (o.type === 'TextBlock') return String(o.text);
  return ['body', 'columns', 'items']
    .map((k) => cardText(o[k]))
    .filter(Boolean)
    .join('\n');
};

describe('several learners in one Teams group chat', () => {
  const conversation = {
    id: '19:training-group-1@thread.v2',
    conversationType: 'groupChat',
    isGroup: true,
    tenantId: tenant.id,
  } as Activity['conversation'];
  let n = 0;
  const teams = (o: Partial<Activity>): Partial<Activity> => ({
    type: 'message',
    id: `f:${1700000000000 + ++n}`,
    timestamp: new Date(),
    channelId: 'msteams',
    serviceUrl: connector.url,
    recipient: bot,
    conversation,
    channelData: { tenant },
    ...o,
  });
  const mention = (text: string, from: typeof alice) =>
    teams({
      from,
      text: `<at>${bot.name}</at> ${text}`,
      entities: [{ type: 'mention', mentioned: bot, text: `<at>${bot.name}</at>` }],
    });
  const invoke = (from: typeof alice, data: unknown, verb = 'train', trigger = 'manual') =>
    teams({
      type: 'invoke',
      name: 'adaptiveCard/action',
      from,
      value: { action: { type: 'Action.Execute', verb, data }, trigger },
    });
  async function deliver(
    a: Partial<Activity>,
  ): Promise<{ body: { value?: Card } | undefined; sent: ConnectorCall[] }> {
    const before = connector.calls.length;
    const res = await fetch(`${server.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(a),
    });
    expect(res.status).toBe(200);
    const text = await res.text();
    return { body: text ? JSON.parse(text) : undefined, sent: connector.calls.slice(before) };
  }
  const cardOf = (call: ConnectorCall | undefined) =>
    (call?.body.attachments as { content: Card }[] | undefined)?.[0]?.content;

  it('shares the case, shows each reveal to the learner who chose alone, and scores each separately', async () => {
    const c = emergencyCase(server.app.training.cases);
    const [first, second] = c.decisions;
    const started = await deliver(mention(`train ${c.id}`, alice));
    const shared = cardOf(started.sent[0]);
    expect(cardText(shared)).toContain(`Case ${c.id}.`);
    const buttons = cardActions(shared) as NonNullable<Card['actions']>;
    // Every option written out whole and numbered; its button carries the number, the label as its tooltip.
    const options = first!.decision.options;
    const rows = (shared!.body as unknown[])
      .filter((b) => (b as { type: string }).type === 'ColumnSet')
      .map((r) => [cardActions(r)[0]?.title, cardText(r)]);
    expect(rows).toEqual(options.map((o, i) => [String(i + 1), o.label]));
    expect(buttons.map((b) => b.title)).toEqual(options.map((_, i) => String(i + 1)));
    expect(buttons.map((b) => (b as { tooltip?: string }).tooltip)).toEqual(options.map((o) => o.label));
    expect(buttons.every((b) => b.type === 'Action.Execute' && b.data.attempt === undefined)).toBe(true);
    const pick = (actions: Card['actions'], choice: string) =>
      actions!.find((b) => b.data.choice === choice)!.data;

    const a1 = await deliver(invoke(alice, pick(buttons, rightOf(first!))));
    expect(a1.sent).toEqual([]); // nothing posted to the chat: the reveal is in Alice's own view of the card
    expect(cardText(a1.body?.value)).toMatch(/^Correct\. The pathway's choice: /);
    expect(a1.body?.value?.refresh?.userIds).toEqual([alice.id]);
    expect(cardText(a1.body?.value)).toContain(
      `Decision 2 of ${c.decisions.length}: ${second!.decision.title}`,
    );

    const b1 = await deliver(invoke(bob, pick(buttons, wrongOf(first!))));
    expect(b1.sent).toEqual([]);
    expect(cardText(b1.body?.value)).toMatch(/^Incorrect\. The pathway's choice: /);
    expect(b1.body?.value?.refresh?.userIds).toEqual([bob.id]);

    // Teams refreshes Alice's view of the card: her own next decision, not Bob's.
    const refreshed = await deliver(
      invoke(alice, a1.body!.value!.refresh!.action.data, 'trainView', 'automatic'),
    );
    expect(cardText(refreshed.body?.value)).toContain(`Decision 2 of ${c.decisions.length}`);

    // Bob clicks a button on Alice's view: it is not his attempt, so nothing changes.
    const aliceNext = cardActions(a1.body!.value) as NonNullable<Card['actions']>;
    const bobOnAlice = await deliver(invoke(bob, pick(aliceNext, rightOf(second!))));
    expect(cardText(bobOnAlice.body?.value)).toContain(notes.stale);
    const a2 = await deliver(invoke(alice, pick(aliceNext, rightOf(second!))));
    expect(cardText(a2.body?.value)).toMatch(/^Correct\./);

    // `score` in the group posts no record, only a button that shows each tapper their own, to them alone.
    const asked = await deliver(mention('score', alice));
    expect(asked.sent).toHaveLength(1);
    const posted = JSON.stringify(asked.sent[0]!.body);
    expect(posted).not.toMatch(/Your record:|right \(|Recent cases/);
    expect(cardText(cardOf(asked.sent[0]))).toContain('Your record is for you alone: tap Show my record');
    const show = cardOf(asked.sent[0])!.actions!.find((b) => b.title === 'Show my record')!;
    expect(show).toMatchObject({ type: 'Action.Execute', data: { trainScore: true } });

    const aliceScore = await deliver(invoke(alice, show.data));
    const bobScore = await deliver(invoke(bob, show.data));
    expect([...aliceScore.sent, ...bobScore.sent]).toEqual([]); // nothing more posted to the chat
    expect(aliceScore.body?.value?.refresh).toEqual({
      action: { type: 'Action.Execute', verb: 'train', data: { trainScore: true } },
      userIds: [alice.id],
    });
    expect(bobScore.body?.value?.refresh?.userIds).toEqual([bob.id]);
    const said = (r: { body: { value?: Card } | undefined }) => cardText(r.body?.value);
    expect(said(aliceScore)).toContain(`- ${first!.decision.title}: 1/1 right`);
    expect(said(aliceScore)).toContain(`- ${second!.decision.title}: 1/1 right`);
    expect(said(aliceScore)).toMatch(
      new RegExp(`- Case ${c.id}, \\d{4}-\\d\\d-\\d\\d: 2/${c.decisions.length} right so far`),
    );
    expect(said(bobScore)).toContain(`- ${first!.decision.title}: 0/1 right`);
    expect(said(bobScore)).not.toContain(second!.decision.title);
  });

  it('refuses `train report` to a listed educator whose id the channel did not prove (local mode)', async () => {
    const r = await deliver(mention('train report', alice));
    expect(r.sent.map((s) => cardText(cardOf(s)) || s.body.text).join('\n')).toBe(
      'Sorry, the training report is for educators only.',
    );
  });
});

describe('several learners in one Slack thread', () => {
  const channel = 'C0TRAIN01';
  async function send(raw: string, contentType: string) {
    const ts = nowSeconds();
    const res = await fetch(`${server.url}/api/slack/events`, {
      method: 'POST',
      headers: {
        'content-type': contentType,
        'x-slack-request-timestamp': String(ts),
        'x-slack-signature': signature(raw, ts),
      },
      body: raw,
    });
    expect(res.status).toBe(200);
  }
  const event = (body: unknown) => send(JSON.stringify(body), 'application/json');
  const click = (payload: unknown) =>
    send(
      new URLSearchParams({ payload: JSON.stringify(payload) }).toString(),
      'application/x-www-form-urlencoded',
    );
  // A trainee's buttons: in actions blocks, or beside an option's text (a section's accessory).
  const buttonsOf = (blocks: unknown[]) =>
    (blocks as (ActionsBlock | SectionBlock)[]).flatMap((b) =>
      b.type === 'actions'
        ? (b.elements as Button[])
        : b.type === 'section' && b.accessory?.type === 'button'
          ? [b.accessory]
          : [],
    );
  const ephemeralsTo = (user: string) =>
    slack.calls.filter((c) => c.method === 'chat.postEphemeral' && c.user === user);

  it('posts the case in the thread, each reveal as an ephemeral message to the learner who chose', async () => {
    const c = emergencyCase(server.app.training.cases);
    const [first, second] = c.decisions;
    const thread = newTs();
    const before = slack.calls.length;
    await event(appMention({ text: `<@${botUser}> train ${c.id}`, channel, user: 'UALICE01', ts: thread }));
    const posted = await waitFor(
      () => slack.calls.slice(before).find((x) => x.method === 'chat.postMessage'),
      'the case',
    );
    expect(posted.thread_ts).toBe(thread);
    expect(posted.text).toContain(`Case ${c.id}.`);
    const button = (buttons: Button[], choice: string) =>
      buttons.find((b) => JSON.parse(b.value!).choice === choice)!;
    const shared = buttonsOf(posted.blocks);
    // Every option written out whole, each in a section of its own with its number and a button carrying it.
    const options = first!.decision.options;
    const rows = (posted.blocks as SectionBlock[])
      .filter((b) => b.type === 'section' && b.accessory)
      .map((b) => [b.text!.text, (b.accessory as Button).text.text]);
    expect(rows).toEqual(options.map((o, i) => [`*${i + 1}*  ${o.label}`, String(i + 1)]));
    expect(shared.map((b) => b.text.text)).toEqual(options.map((_, i) => String(i + 1)));
    expect(shared.map((b) => b.accessibility_label)).toEqual(options.map((o) => o.label));
    const press = (user: string, b: Button, messageTs: string, threadTs?: string) =>
      click(
        blockActions({
          user,
          channel,
          messageTs,
          ...(threadTs ? { threadTs } : {}),
          button: { action_id: b.action_id ?? '', value: b.value!, text: 'x' },
        }),
      );

    await press('UALICE01', button(shared, rightOf(first!)), posted.postedTs!, thread);
    const aliceReveal = await waitFor(() => ephemeralsTo('UALICE01')[0], 'Alice’s reveal');
    expect(aliceReveal.text).toMatch(/^Correct\. The pathway's choice: /);
    expect(aliceReveal.thread_ts).toBe(thread);

    await press('UBOB0001', button(shared, wrongOf(first!)), posted.postedTs!, thread);
    const bobReveal = await waitFor(() => ephemeralsTo('UBOB0001')[0], 'Bob’s reveal');
    expect(bobReveal.text).toMatch(/^Incorrect\. The pathway's choice: /);

    // Alice's next decision is on her ephemeral message; Slack may send its click without the thread.
    await press('UALICE01', button(buttonsOf(aliceReveal.blocks), rightOf(second!)), '1700009999.000001');
    const aliceSecond = await waitFor(() => ephemeralsTo('UALICE01')[1], 'Alice’s second reveal');
    expect(aliceSecond.text).toMatch(/^Correct\./);
    expect(aliceSecond.thread_ts).toBe(thread);

    const publicText = slack.calls
      .slice(before)
      .filter((x) => x.method === 'chat.postMessage')
      .map((x) => x.text)
      .join('\n');
    expect(publicText).not.toMatch(/Correct|Incorrect|pathway's choice/);

    await event(appMention({ text: `<@${botUser}> score`, channel, user: 'UBOB0001', threadTs: thread }));
    const bobScore = await waitFor(
      () => ephemeralsTo('UBOB0001').find((x) => x.text.startsWith('Your record')),
      'Bob’s score',
    );
    expect(bobScore.text).toContain(`- ${first!.decision.title}: 0/1 right`);
    expect(bobScore.text).not.toContain(second!.decision.title);
    const publicAfter = slack.calls.slice(before).filter((x) => x.method === 'chat.postMessage');
    expect(publicAfter.map((x) => x.text).join('\n')).not.toContain('Your record');
  });

  it('gives `train report` to the educator named in TRAINING_EDUCATORS and refuses it to anyone else', async () => {
    const thread = newTs();
    const before = slack.calls.length;
    await event(appMention({ text: `<@${botUser}> train report`, channel, user: 'UBOB0001', ts: thread }));
    const refused = await waitFor(
      () => ephemeralsTo('UBOB0001').find((x) => x.thread_ts === thread),
      'refusal',
    );
    expect(refused.text).toBe('Sorry, the training report is for educators only.');
    await event(
      appMention({ text: `<@${botUser}> train report`, channel, user: 'UEDUCAT01', threadTs: thread }),
    );
    const report = await waitFor(
      () => slack.calls.slice(before).find((x) => x.text?.startsWith('Training report')),
      'the report',
    );
    expect(report.text).toMatch(/^Training report \(aggregates only\): [1-9]\d* attempts, \d+ completed/);
    expect(report.text).toMatch(/- Emergency action: \d+% right of [1-9]\d*/);
    expect(report.text).not.toMatch(/UALICE|UBOB|Alice|Bob/);
    expect(slack.calls.slice(before).filter((x) => x.text?.startsWith('Training report'))).toHaveLength(1);
  });
});

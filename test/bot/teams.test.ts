import type { Activity } from '../support/server';
import { pathway } from '../../src/content';
import { feedbackWording } from '../../src/view/feedback';
import { notes } from '../../src/view/strings';
import { startConnector, type ConnectorCall } from '../support/connector';
import { startServer, type Running } from '../support/server';
import { alice, bob, teamsBot, tenant } from '../support/teams-people';

// Shapes follow Microsoft's published Teams payload examples (personal and channel messages,
// mention entities, `;messageid=` thread ids, installationUpdate, adaptiveCard/action invokes).
const bot = teamsBot;
const channel = '19:malejcou081i20ojmlcau0@thread.skype';

let server: Running;
let connector: Awaited<ReturnType<typeof startConnector>>;
beforeAll(async () => {
  server = await startServer();
  connector = await startConnector();
});
afterAll(async () => {
  await server.close();
  await connector.close();
});

let n = 0;
function teams(overrides: Partial<Activity> & { conversation: Activity['conversation'] }): Partial<Activity> {
  n++;
  return {
    type: 'message',
    id: `f:${1600000000000 + n}`,
    timestamp: new Date(),
    channelId: 'msteams',
    serviceUrl: connector.url,
    from: alice,
    recipient: bot,
    entities: [{ type: 'clientInfo', locale: 'en-GB', country: 'GB', platform: 'Web' }],
    channelData: { tenant },
    locale: 'en-GB',
    ...overrides,
  };
}
const personal = (id: string) =>
  ({ id, conversationType: 'personal', tenantId: tenant.id }) as Activity['conversation'];
const thread = (messageId: string) =>
  ({
    id: `${channel};messageid=${messageId}`,
    isGroup: true,
    conversationType: 'channel',
    tenantId: tenant.id,
  }) as Activity['conversation'];
const channelData = {
  channel: { id: channel },
  team: { id: '19:12d021jdoijsaeoaue0u@thread.skype' },
  tenant,
};

function mention(text: string, conversation: Activity['conversation'], from = alice): Partial<Activity> {
  return teams({
    conversation,
    from,
    channelData,
    text: `<at>${bot.name}</at> ${text}`,
    entities: [{ type: 'mention', mentioned: bot, text: `<at>${bot.name}</at>` }],
  });
}

function click(
  conversation: Activity['conversation'],
  data: unknown,
  from = alice,
  id?: string,
): Partial<Activity> {
  return teams({
    type: 'invoke',
    name: 'adaptiveCard/action',
    conversation,
    from,
    ...(id ? { id } : {}),
    channelData: conversation?.conversationType === 'channel' ? channelData : { tenant },
    value: { action: { type: 'Action.Execute', id: 'act', verb: 'answer', data }, trigger: 'manual' },
  });
}

/** Posts like the Bot Connector does (no expectReplies), returning the HTTP answer and what the bot sent back. */
async function deliver(
  activity: Partial<Activity>,
): Promise<{ status: number; body: unknown; sent: ConnectorCall[] }> {
  const before = connector.calls.length;
  const res = await fetch(`${server.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(activity),
  });
  const text = await res.text();
  return {
    status: res.status,
    body: text ? JSON.parse(text) : undefined,
    sent: connector.calls.slice(before),
  };
}

type Card = {
  body: { text?: string }[];
  actions?: { data: Record<string, unknown>; title: string; type: string }[];
  fallbackText?: string;
};
const cardOf = (call: ConnectorCall) =>
  (call.body.attachments as { content: Card }[] | undefined)?.[0]?.content;
const plain = (calls: ConnectorCall[]) =>
  calls.map((c) => (c.body.text as string) ?? cardOf(c)?.fallbackText ?? '').join('\n');
/** The answer buttons of the last question card (not the feedback card that follows a recommendation). */
const lastButtons = (calls: ConnectorCall[]) =>
  [...calls]
    .reverse()
    .map(cardOf)
    .find((c) => c?.actions?.some((a) => 'question' in a.data))?.actions ?? [];

/** Clicks through to the recommendation, always taking the first option (Alice and Bob taking turns in channels). */
async function clickThrough(conversation: Activity['conversation'], first: ConnectorCall[], users = [alice]) {
  let sent = first;
  for (let turn = 0; turn < 20; turn++) {
    const buttons = lastButtons(sent);
    if (!buttons.length) return sent;
    expect(buttons.every((b) => b.type === 'Action.Execute')).toBe(true);
    const res = await deliver(click(conversation, buttons[0]!.data, users[turn % users.length]));
    expect(res.status).toBe(200);
    const answered = (res.body as { value: Card }).value;
    expect(answered.actions).toBeUndefined(); // the answered card is replaced in place, nothing left to click
    expect(answered.body.map((b) => b.text).join(' ')).toContain(buttons[0]!.title);
    sent = res.sent;
  }
  throw new Error('no recommendation after 20 answers');
}

describe('Microsoft Teams', () => {
  it('welcomes once when the app is installed in a personal chat, not again when the bot is added', async () => {
    const conversation = personal('a:welcome-1');
    const install = await deliver(teams({ type: 'installationUpdate', action: 'add', conversation }));
    expect(install.sent).toHaveLength(1);
    expect(plain(install.sent)).toContain(pathway.disclaimer);
    expect(plain(install.sent)).toContain('Type start');
    const added = await deliver(teams({ type: 'conversationUpdate', conversation, membersAdded: [bot] }));
    expect(added.sent).toHaveLength(0);
  });

  it('does not post a welcome for each member who joins a team', async () => {
    const res = await deliver(
      teams({
        type: 'conversationUpdate',
        conversation: thread('join'),
        channelData: { ...channelData, eventType: 'teamMemberAdded' },
        membersAdded: [{ id: bob.id, name: bob.name }],
      }),
    );
    expect(res.sent).toHaveLength(0);
  });

  it('runs a whole consult in a personal chat, replying to the Bot Connector at serviceUrl', async () => {
    const conversation = personal('a:personal-1');
    const start = await deliver(teams({ conversation, text: 'start' }));
    expect(start.status).toBe(200);
    expect(start.sent[0]!.path).toMatch(/^\/amer\/v3\/conversations\/a%3Apersonal-1\/activities\//);
    const last = await clickThrough(conversation, start.sent);
    const text = plain(last);
    expect(text).toContain('Sources');
    expect(text).toContain(pathway.disclaimer);
  });

  it("answers in a channel thread only when mentioned, and shows the sender's own answers by display name, others' as another clinician", async () => {
    const conversation = thread('1481567603816');
    const unmentioned = await deliver(teams({ conversation, channelData, text: 'start' }));
    expect(unmentioned.sent).toHaveLength(0);
    const start = await deliver(mention('start', conversation));
    expect(start.sent[0]!.path).toContain(encodeURIComponent(`${channel};messageid=1481567603816`));
    await clickThrough(conversation, start.sent, [alice, bob]);
    const bobs = plain((await deliver(mention('summary', conversation, bob))).sent);
    expect(bobs).toMatch(/Consult type: .*\(another clinician\)/);
    expect(bobs).toMatch(/Emergency signs: .*\(Bob Registrar\)/);
    const alices = plain((await deliver(mention('summary', conversation, alice))).sent);
    expect(alices).toMatch(/Consult type: .*\(Alice Oncologist\)/);
    expect(alices).toMatch(/Emergency signs: .*\(another clinician\)/);
    expect(bobs + alices).not.toMatch(/29:|[0-9a-f]{16}/);
  });

  it('keeps two threads in one channel as two independent consults', async () => {
    const one = thread('1700000000001');
    const two = thread('1700000000002');
    const a = await deliver(mention('start', one));
    await deliver(mention('start', two));
    await deliver(click(one, lastButtons(a.sent)[1]!.data)); // thread one: known progression
    const summaryTwo = await deliver(mention('summary', two));
    expect(plain(summaryTwo.sent)).toContain('(no answers yet)');
    const summaryOne = await deliver(mention('summary', one));
    expect(plain(summaryOne.sent)).toContain('Known metastases, progressing');
  });

  it('acknowledges and ignores a duplicate delivery of the same activity, so no answer is applied twice', async () => {
    const conversation = personal('a:dup-1');
    const start = await deliver(teams({ conversation, text: 'start' }));
    const data = lastButtons(start.sent)[0]!.data;
    const first = await deliver(click(conversation, data, alice, 'f:dup-click'));
    expect(first.sent.length).toBeGreaterThan(0);
    const again = await deliver(click(conversation, data, alice, 'f:dup-click'));
    expect(again.status).toBe(200);
    expect(again.body).toEqual({
      statusCode: 200,
      type: 'application/vnd.microsoft.activity.message',
      value: notes.duplicate,
    });
    expect(again.sent).toHaveLength(0);
    const typedTwice = teams({ conversation, text: '1' });
    await deliver(typedTwice);
    expect((await deliver(typedTwice)).sent).toHaveLength(0);
    const summary = plain((await deliver(teams({ conversation, text: 'summary' }))).sent);
    expect(summary.match(/Consult type:/g)).toHaveLength(1);
    expect(summary.match(/Emergency signs:/g)).toHaveLength(1);
    expect(summary).not.toContain('Seizure:');
  });

  it('replaces a stale universal-action card with "out of date" and changes nothing', async () => {
    const conversation = personal('a:stale-1');
    const start = await deliver(teams({ conversation, text: 'start' }));
    const old = lastButtons(start.sent)[0]!.data;
    await deliver(click(conversation, old));
    const stale = await deliver(click(conversation, old));
    const card = (stale.body as { value: Card }).value;
    expect(card.body.map((b) => b.text).join(' ')).toContain(notes.stale);
    expect(card.actions).toBeUndefined();
    expect(plain(stale.sent)).toContain('Is there an emergency right now?');
    const summary = plain((await deliver(teams({ conversation, text: 'summary' }))).sent);
    expect(summary.match(/Consult type:/g)).toHaveLength(1);
  });
});

describe('Teams question cards', () => {
  it('use universal actions with an Action.Submit fallback carrying the same data, on card version 1.5', async () => {
    const start = await deliver(teams({ conversation: personal('a:fallback-1'), text: 'start' }));
    const card = [...start.sent]
      .reverse()
      .map(cardOf)
      .find((c) => c?.actions) as Card & {
      version: string;
      actions: { type: string; data: unknown; fallback: { type: string; data: unknown } }[];
    };
    expect(card.version).toBe('1.5');
    for (const a of card.actions) {
      expect(a.type).toBe('Action.Execute');
      expect(a.fallback).toEqual({ type: 'Action.Submit', title: expect.any(String), data: a.data });
    }
  });

  it('accept the fallback Action.Submit click (a message whose value is the card data)', async () => {
    const conversation = personal('a:fallback-2');
    const start = await deliver(teams({ conversation, text: 'start' }));
    const data = lastButtons(start.sent)[0]!.data;
    const res = await deliver(teams({ conversation, value: data }));
    expect(plain(res.sent)).toContain('Is there an emergency right now?');
  });
});

describe('feedback on a recommendation in Teams', () => {
  it('replaces each clicked feedback card by what was chosen, asks the reason and the part, then thanks', async () => {
    const conversation = personal('a:feedback-1');
    const start = await deliver(teams({ conversation, text: 'start' }));
    const plan = await clickThrough(conversation, start.sent);
    const ask = cardOf(plan.at(-1)!)!;
    expect(ask.body[0]!.text).toBe(feedbackWording.ask);
    const execute = (title: string, card: Card) => {
      const action = card.actions!.find((a) => a.title === title)!;
      expect(action.type).toBe('Action.Execute');
      return action.data;
    };
    const notHelpful = await deliver(click(conversation, execute('Not helpful', ask)));
    const replaced = (notHelpful.body as { value: Card }).value;
    expect(replaced.actions).toBeUndefined();
    expect(replaced.body.map((b) => b.text).join(' ')).toContain('✔ Not helpful');
    const reasons = cardOf(notHelpful.sent.at(-1)!)!;
    expect(reasons.body[0]!.text).toBe(feedbackWording.reason);
    const reason = await deliver(click(conversation, execute('Unclear', reasons)));
    expect((reason.body as { value: Card }).value.body.map((b) => b.text).join(' ')).toContain('✔ Unclear');
    const parts = cardOf(reason.sent.at(-1)!)!;
    // Teams merges the choice set's value into the Send button's data.
    const sent = await deliver(click(conversation, { ...execute('Send', parts), item: 'plan' }));
    expect((sent.body as { value: Card }).value.body.map((b) => b.text).join(' ')).toContain(
      `✔ ${feedbackWording.wholePlan}`,
    );
    expect(plain(sent.sent)).toBe(feedbackWording.thanks);
    // The same Helpful button clicked later (a re-sent card) is not counted again.
    const again = await deliver(click(conversation, execute('Helpful', ask)));
    expect((again.body as { value: Card }).value.body.map((b) => b.text)).toEqual([notes.feedbackAlready]);
    expect(again.sent).toEqual([]);
  });
});

import type { ActionsBlock, Button } from '@slack/web-api';
import { parseInput } from '../../dialogs/parse-input';
import { consultMessages } from '../../src/channels/render';
import { channels } from '../../src/channels/table';
import { activityFromClick, BlockActions } from '../../src/slack/payloads';
import type { SlackMessage } from '../../src/view/slack-blocks';
import { feedbackWording, reasonLabels } from '../../src/view/feedback';
import type { View } from '../../src/view/view';
import { blockActions } from '../support/slack-payloads';

// The feedback control as Teams, Web Chat (the page) and Slack receive it: the JSON each client renders, and
// that what a click posts back is what the bot reads as feedback.

const at = { consultId: '2f1c6a8e-4b7d-4c1e-9a51-0c2b7d3e9f10', step: 7 };
const ask: View = { kind: 'feedbackAsk', ...at };
const reasons: View = { kind: 'feedbackReason', ...at };
const items: View = {
  kind: 'feedbackItem',
  ...at,
  reason: 'outdated',
  items: [
    { value: 'plan', label: feedbackWording.wholePlan },
    { value: 'interimUrgentImaging', label: 'Urgent MRI today' },
  ],
};

type Card = {
  version: string;
  fallbackText?: string;
  body: Record<string, unknown>[];
  actions: {
    type: string;
    title: string;
    verb?: string;
    data: unknown;
    fallback?: { type: string; data: unknown };
  }[];
};
const cardOf = (view: View, channel: (typeof channels)[keyof typeof channels]) => {
  const [m] = consultMessages(view, channel);
  return m!.attachments![0]!.content as Card;
};
const slackOf = (view: View) =>
  (consultMessages(view, channels.slack)[0]!.channelData as { blockKit: SlackMessage[] }).blockKit;
const buttonsOf = (messages: SlackMessage[]) =>
  messages
    .flatMap((m) => m.blocks)
    .filter((b): b is ActionsBlock => b.type === 'actions')
    .flatMap((b) => b.elements as Button[]);

describe('the feedback control in Teams (Adaptive Card 1.5, universal actions)', () => {
  it('shows the question with Helpful and Not helpful buttons that carry the recommendation they are about', () => {
    const card = cardOf(ask, channels.msteams);
    expect(card.version).toBe('1.5');
    expect(card.body[0]).toMatchObject({ type: 'TextBlock', text: feedbackWording.ask });
    expect(card.actions).toEqual([
      {
        type: 'Action.Execute',
        title: 'Helpful',
        verb: 'feedback',
        data: { feedback: 'helpful', ...at },
        fallback: { type: 'Action.Submit', title: 'Helpful', data: { feedback: 'helpful', ...at } },
      },
      {
        type: 'Action.Execute',
        title: 'Not helpful',
        verb: 'feedback',
        data: { feedback: 'notHelpful', ...at },
        fallback: { type: 'Action.Submit', title: 'Not helpful', data: { feedback: 'notHelpful', ...at } },
      },
    ]);
    // Teams shows the plain text of a card as its fallback, not beside it.
    expect(card.fallbackText).toContain(feedbackWording.ask);
  });

  it('asks the reason with one button per enumerated reason', () => {
    const card = cardOf(reasons, channels.msteams);
    expect(card.body[0]).toMatchObject({ text: feedbackWording.reason });
    expect(card.actions.map((a) => [a.title, a.data])).toEqual(
      (['wrong', 'outdated', 'unclear', 'missing', 'other'] as const).map((reason) => [
        reasonLabels[reason],
        { feedback: 'notHelpful', reason, ...at },
      ]),
    );
  });

  it('asks the part with a choice set whose value the Send button posts as `item`', () => {
    const card = cardOf(items, channels.msteams);
    expect(card.body[1]).toMatchObject({
      type: 'Input.ChoiceSet',
      id: 'item',
      isRequired: true,
      choices: [
        { title: feedbackWording.wholePlan, value: 'plan' },
        { title: 'Urgent MRI today', value: 'interimUrgentImaging' },
      ],
    });
    expect(card.actions).toHaveLength(1);
    expect(card.actions[0]).toMatchObject({
      type: 'Action.Execute',
      title: 'Send',
      data: { feedback: 'notHelpful', reason: 'outdated', ...at },
    });
    // What Teams posts back: the button's data with the chosen value merged in.
    const posted = { ...(card.actions[0]!.data as object), item: 'interimUrgentImaging' };
    expect(parseInput(undefined, posted)).toEqual({
      kind: 'feedback',
      feedback: 'notHelpful',
      reason: 'outdated',
      item: 'interimUrgentImaging',
      ...at,
    });
  });
});

describe('the feedback control in Web Chat and the local page', () => {
  it('uses Action.Submit buttons with the same data, and the text beside the card', () => {
    const [m] = consultMessages(ask, channels.default);
    expect(m!.text).toBe(`${feedbackWording.ask} ${feedbackWording.askHint}`);
    const card = m!.attachments![0]!.content as Card;
    expect(card.actions.map((a) => [a.type, a.title, a.data])).toEqual([
      ['Action.Submit', 'Helpful', { feedback: 'helpful', ...at }],
      ['Action.Submit', 'Not helpful', { feedback: 'notHelpful', ...at }],
    ]);
  });
});

describe('the feedback control in Slack (Block Kit)', () => {
  it('shows the question and two buttons whose value is the data, read back as feedback when clicked', () => {
    const messages = slackOf(ask);
    expect(messages).toHaveLength(1);
    expect(messages[0]!.blocks[0]).toEqual({
      type: 'section',
      text: { type: 'mrkdwn', text: `*${feedbackWording.ask}*` },
    });
    const buttons = buttonsOf(messages);
    expect(buttons.map((b) => [b.text.text, JSON.parse(b.value!)])).toEqual([
      ['Helpful', { feedback: 'helpful', ...at }],
      ['Not helpful', { feedback: 'notHelpful', ...at }],
    ]);
    expect(new Set(buttons.map((b) => b.action_id)).size).toBe(2);
    // A click as Slack sends it becomes the activity whose value the bot reads as feedback.
    const activity = activityFromClick(
      BlockActions.parse(
        blockActions({
          user: 'U1',
          channel: 'D1',
          messageTs: '1.000002',
          button: { action_id: buttons[1]!.action_id!, value: buttons[1]!.value!, text: 'Not helpful' },
        }),
      ),
    );
    expect(parseInput(undefined, activity!.value)).toMatchObject({
      kind: 'feedback',
      feedback: 'notHelpful',
      ...at,
    });
  });

  it('offers the reasons and the parts as buttons, a long label whole above its cut button', () => {
    expect(buttonsOf(slackOf(reasons)).map((b) => JSON.parse(b.value!).reason)).toEqual([
      'wrong',
      'outdated',
      'unclear',
      'missing',
      'other',
    ]);
    const long = 'A'.repeat(100);
    const view: View = { ...(items as Extract<View, { kind: 'feedbackItem' }>) };
    view.items = [...view.items, { value: 'longOne', label: long }];
    const messages = slackOf(view);
    const buttons = buttonsOf(messages);
    expect(buttons.map((b) => JSON.parse(b.value!).item)).toEqual([
      'plan',
      'interimUrgentImaging',
      'longOne',
    ]);
    expect(buttons[2]!.text.text).toHaveLength(75);
    expect(JSON.stringify(messages[0]!.blocks)).toContain(long);
  });
});

describe('the feedback control in the terminal', () => {
  it('is plain text with numbered choices', () => {
    const [m] = consultMessages(items, channels.terminal);
    expect(m!.text).toBe(
      `${feedbackWording.item}\n  1) ${feedbackWording.wholePlan}\n  2) Urgent MRI today\n${feedbackWording.reply}`,
    );
  });
});

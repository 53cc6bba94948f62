import type { ActionsBlock, Button, KnownBlock } from '@slack/web-api';
import { feedbackChoices, feedbackPrompt, type FeedbackView } from './feedback';

/** Slack's button text and actions-block limits (src/view/slack-blocks.ts names them all). */
const buttonText = 75;
const perActions = 25;

/** Slack's three control characters (as escapeMrkdwn in slack-blocks.ts, which imports this file). */
const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * A feedback view as Block Kit: its question, then one button per choice, each carrying its data as JSON in
 * `value` (as the answer buttons do); a label too long for a button is cut there and shown whole above.
 */
export function feedbackBlocks(view: Exclude<FeedbackView, { kind: 'feedbackThanks' }>): KnownBlock[] {
  const choices = feedbackChoices(view);
  const long = choices.filter((c) => c.label.length > buttonText).map((c) => c.label);
  const buttons: Button[] = choices.map((c, i) => ({
    type: 'button',
    action_id: `feedback.${i + 1}`,
    text: {
      type: 'plain_text',
      text: c.label.length > buttonText ? `${c.label.slice(0, buttonText - 1)}…` : c.label,
      emoji: true,
    },
    value: JSON.stringify(c.data),
  }));
  const blocks: KnownBlock[] = [
    { type: 'section', text: { type: 'mrkdwn', text: `*${feedbackPrompt(view)}*` } },
    ...(long.length
      ? [{ type: 'context' as const, elements: [{ type: 'mrkdwn' as const, text: escape(long.join('\n')) }] }]
      : []),
  ];
  for (let i = 0; i < buttons.length; i += perActions)
    blocks.push({
      type: 'actions',
      // New per consult, revision and view, as Slack asks of a block_id.
      block_id: `${view.kind}.${view.consultId}.${view.step}.${i}`,
      elements: buttons.slice(i, i + perActions),
    } satisfies ActionsBlock);
  return blocks;
}

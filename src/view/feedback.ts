/**
 * Feedback on a recommendation, as every channel shows it: the helpful / not helpful control, the reasons
 * "not helpful" offers, the part it concerns, and the thanks. Enumerated choices only: nothing is typed in,
 * so nothing typed can reach the editors' report.
 */

/** The reasons "not helpful" offers (the values are the contract's and the report's; never renamed). */
export const feedbackReasons = ['wrong', 'outdated', 'unclear', 'missing', 'other'] as const;
export type FeedbackReason = (typeof feedbackReasons)[number];

export const reasonLabels: Record<FeedbackReason, string> = {
  wrong: 'Wrong',
  outdated: 'Outdated',
  unclear: 'Unclear',
  missing: 'Missing something',
  other: 'Other',
};

export const isFeedbackReason = (r: unknown): r is FeedbackReason =>
  typeof r === 'string' && (feedbackReasons as readonly string[]).includes(r);

/** The `item` of feedback on the recommendation as a whole (a helpful click is always about the whole). */
export const wholePlan = 'plan';

export const feedbackWording = {
  ask: 'Was this recommendation helpful?',
  askHint: 'Type helpful or not helpful.',
  helpful: 'Helpful',
  notHelpful: 'Not helpful',
  reason: 'Why was it not helpful?',
  item: 'Which part of the recommendation does it concern?',
  wholePlan: 'The plan as a whole',
  reply: 'Reply with the number.',
  choose: 'Choose a part',
  send: 'Send',
  thanks: 'Thank you: your feedback goes to the content’s editors, with nothing about you or the patient.',
} as const;

/** What a feedback button carries (docs/contract.md section 2); the card of the click it answers. */
export interface FeedbackData {
  feedback: 'helpful' | 'notHelpful';
  consultId: string;
  step: number;
  reason?: FeedbackReason;
  item?: string;
}

export type FeedbackView =
  /** Below every recommendation: helpful / not helpful, for the recommendation drawn at `step`. */
  | { kind: 'feedbackAsk'; consultId: string; step: number }
  | { kind: 'feedbackReason'; consultId: string; step: number }
  | {
      kind: 'feedbackItem';
      consultId: string;
      step: number;
      reason: FeedbackReason;
      /** The plan as a whole first, then the recommendation's items by their short titles. */
      items: { value: string; label: string }[];
    }
  | { kind: 'feedbackThanks' };

/** The choices a view offers, in the order they are numbered, with the data each button carries. */
export function feedbackChoices(view: FeedbackView): { label: string; data: FeedbackData }[] {
  switch (view.kind) {
    case 'feedbackAsk': {
      const at = { consultId: view.consultId, step: view.step };
      return [
        { label: feedbackWording.helpful, data: { feedback: 'helpful', ...at } },
        { label: feedbackWording.notHelpful, data: { feedback: 'notHelpful', ...at } },
      ];
    }
    case 'feedbackReason':
      return feedbackReasons.map((reason) => ({
        label: reasonLabels[reason],
        data: { feedback: 'notHelpful', consultId: view.consultId, step: view.step, reason },
      }));
    case 'feedbackItem':
      return view.items.map((i) => ({
        label: i.label,
        data: {
          feedback: 'notHelpful',
          consultId: view.consultId,
          step: view.step,
          reason: view.reason,
          item: i.value,
        },
      }));
    case 'feedbackThanks':
      return [];
  }
}

/** The question a view asks (its card's heading). */
export function feedbackPrompt(view: FeedbackView): string {
  return {
    feedbackAsk: feedbackWording.ask,
    feedbackReason: feedbackWording.reason,
    feedbackItem: feedbackWording.item,
    feedbackThanks: feedbackWording.thanks,
  }[view.kind];
}

/** Plain text: the terminal's numbered choices, and every card's fallback. */
export function feedbackText(view: FeedbackView): string {
  if (view.kind === 'feedbackThanks') return feedbackWording.thanks;
  if (view.kind === 'feedbackAsk') return `${feedbackWording.ask} ${feedbackWording.askHint}`;
  return [
    feedbackPrompt(view),
    ...feedbackChoices(view).map((c, i) => `  ${i + 1}) ${c.label}`),
    feedbackWording.reply,
  ].join('\n');
}

import {
  feedbackChoices,
  feedbackPrompt,
  feedbackWording,
  type FeedbackData,
  type FeedbackView,
} from './feedback';

type Element = Record<string, unknown>;

/** A button as the other buttons are: Action.Execute (verb `feedback`) with an Action.Submit fallback. */
function button(title: string, data: Omit<FeedbackData, 'item'> & { item?: string }, universal: boolean) {
  const submit = { type: 'Action.Submit', title, data };
  return universal ? { type: 'Action.Execute', title, verb: 'feedback', data, fallback: submit } : submit;
}

/**
 * The Adaptive Card body and actions of a feedback view (src/view/adaptive-card.ts wraps them in the card).
 * The part "not helpful" concerns is a choice set, not buttons: a recommendation has more items than Teams
 * shows buttons on one card; the choice's value is merged into the Send button's data as `item`.
 */
export function feedbackCardParts(
  view: Exclude<FeedbackView, { kind: 'feedbackThanks' }>,
  universal: boolean,
): { body: Element[]; actions: Element[] } {
  const prompt = { type: 'TextBlock', text: feedbackPrompt(view), wrap: true, weight: 'Bolder' };
  const choices = feedbackChoices(view);
  if (view.kind !== 'feedbackItem')
    return { body: [prompt], actions: choices.map((c) => button(c.label, c.data, universal)) };
  const { item: _chosen, ...data } = choices[0]!.data;
  return {
    body: [
      prompt,
      {
        type: 'Input.ChoiceSet',
        id: 'item',
        style: 'expanded',
        isRequired: true,
        errorMessage: feedbackWording.choose,
        label: feedbackWording.choose,
        choices: view.items.map((i) => ({ title: i.label, value: i.value })),
      },
    ],
    actions: [button(feedbackWording.send, data, universal)],
  };
}

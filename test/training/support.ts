import type { Activity } from '../support/server';
import type { PlayableCase } from '../../src/pathway/training-bank';
import type { DecisionKey } from '../../src/pathway/training-key';
import { plainTextOf } from '../support/plain-text';

/** The plain text of replies, in order. */
export const textOf = (replies: Partial<Activity>[]) => replies.map(plainTextOf).join('\n');

type Action = { title: string; data?: Record<string, unknown> };

/** Every action of a card, in order: its own and those in action sets of its body (an option's row). */
export function cardActions(card: unknown): Action[] {
  if (Array.isArray(card)) return card.flatMap(cardActions);
  if (typeof card !== 'object' || card === null) return [];
  const o = card as Record<string, unknown>;
  if (typeof o.type === 'string' && o.type.startsWith('Action.')) return [o as unknown as Action];
  return ['body', 'columns', 'items', 'actions'].flatMap((k) => cardActions(o[k]));
}

/** The trainee's buttons on the last card in the replies that has any. */
export function trainButtons(replies: Partial<Activity>[]): Action[] {
  for (const a of [...replies].reverse()) {
    const actions = cardActions(a.attachments?.[0]?.content);
    if (actions.some((x) => x.data?.train)) return actions;
  }
  return [];
}

export function button(replies: Partial<Activity>[], choice: string): Record<string, unknown> {
  const hit = trainButtons(replies).find((x) => x.data?.choice === choice);
  if (!hit?.data) throw new Error(`no button for ${choice} in ${textOf(replies)}`);
  return hit.data;
}

export const rightOf = (k: DecisionKey) => k.right[0]!.value;
/** A wrong option: a harmful one where there is one, so the debrief has critical errors to show. */
export const wrongOf = (k: DecisionKey) =>
  (k.decision.options.find((o) => o.tag?.kind === 'harmful') ??
    k.decision.options.find((o) => o !== k.right[0]))!.value;

/** A case whose first decision is the emergency action, with several decisions after it. */
export function emergencyCase(cases: readonly PlayableCase[]): PlayableCase {
  const c = cases.find((x) => x.decisions[0]?.decision.id === 'emergency' && x.decisions.length >= 5);
  if (!c) throw new Error('the bank has no emergency case with five decisions');
  return c;
}

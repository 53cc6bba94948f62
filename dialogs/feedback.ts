import { recommendationFor } from '../src/pathway/recommend';
import {
  feedbackReasons,
  feedbackWording,
  isFeedbackReason,
  reasonLabels,
  wholePlan,
  type FeedbackReason,
  type FeedbackView,
} from '../src/view/feedback';
import type { AnsweredView, View } from '../src/view/view';
import { shownAnswers } from './answerers';
import type { ConsultRecord } from './consult-record';
import { matchReply } from './match';
import type { TurnInput } from './parse-input';
import type { FeedbackRecord } from './feedback-record';
import { saved, stay, type Turn, type TurnResult } from './turn';
import { positionOf } from './views';

type FeedbackInput = Extract<TurnInput, { kind: 'feedback' }>;

/** The parts "not helpful" may concern: the plan as a whole, then each item by its short title. */
function itemChoices(t: Turn, outcomeId: string): { value: string; label: string }[] {
  const r = recommendationFor(t.env.content, outcomeId, shownAnswers(t.record.log, t.env.by));
  return [
    { value: wholePlan, label: feedbackWording.wholePlan },
    ...r.sections.flatMap((s) => s.items).map((i) => ({ value: i.id, label: titleOf(i) })),
  ];
}

/** An item's short form (its bottom-line line), else its first sentence, kept short enough for a choice. */
function titleOf(i: { short?: string; text: string }): string {
  const t = i.short ?? i.text.split(/(?<=\.)\s/)[0]!;
  return t.length > 90 ? `${t.slice(0, 89)}…` : t;
}

/** Who a feedback act is counted for: the recommendation (its revision) and, in a shared chat, the answerer. */
const actKey = (t: Turn) => `${t.record.revision}${t.env.by ? `:${t.env.by.id}` : ''}`;

const clicked = (prompt: string, answer: string): AnsweredView => ({ kind: 'answered', prompt, answer });

/**
 * Feedback on the recommendation on screen. It never touches the answers, the plan or the revision (so no
 * card goes out of date): the record only notes which step a typed reply answers and which acts were counted,
 * so a repeated click is not counted twice. The stored row leaves with the turn (`feedback`).
 */
export function feedback(t: Turn, input: FeedbackInput): TurnResult {
  const at = positionOf(t.record, t.snapshot);
  const typed = input.consultId === undefined && input.step === undefined;
  if (at.kind !== 'outcome')
    return stay(t, { kind: 'notice', note: typed ? 'feedbackNotYet' : 'feedbackStale' });
  if (
    (input.consultId !== undefined && input.consultId !== t.record.consultId) ||
    (input.step !== undefined && input.step !== t.record.revision)
  )
    return stay(t, { kind: 'notice', note: 'feedbackStale' });
  if (t.record.feedbackGiven?.includes(actKey(t)))
    return stay(t, { kind: 'notice', note: 'feedbackAlready' });
  const here = { consultId: t.record.consultId, step: t.record.revision };
  const unknown = (view: FeedbackView) => stay(t, { kind: 'notice', note: 'feedbackUnknown' }, view);
  if (input.feedback === 'helpful')
    return recorded(t, at.outcomeId, { helpful: true, item: wholePlan }, feedbackWording.helpful);
  if (input.feedback !== 'notHelpful') return unknown({ kind: 'feedbackAsk', ...here });
  if (input.reason === undefined)
    return waiting(
      t,
      {},
      { kind: 'feedbackReason', ...here },
      clicked(feedbackWording.ask, feedbackWording.notHelpful),
    );
  if (!isFeedbackReason(input.reason)) return unknown({ kind: 'feedbackReason', ...here });
  const reason = input.reason;
  const items = itemChoices(t, at.outcomeId);
  const itemView: FeedbackView = { kind: 'feedbackItem', ...here, reason, items };
  if (input.item === undefined)
    return waiting(t, { reason }, itemView, clicked(feedbackWording.reason, reasonLabels[reason]));
  const item = items.find((i) => i.value === input.item);
  if (!item) return unknown(itemView);
  return recorded(t, at.outcomeId, { helpful: false, item: item.value, reason }, item.label);
}

/** A typed reply while feedback waits for a reason or a part: its number (or its name) among the choices. */
export function typedFeedback(t: Turn, text: string): TurnResult | undefined {
  const waitingFor = t.record.feedback;
  if (waitingFor?.step !== t.record.revision) return undefined;
  const at = positionOf(t.record, t.snapshot);
  if (at.kind !== 'outcome') return undefined;
  const here = { consultId: t.record.consultId, step: t.record.revision };
  const reason = waitingFor.reason;
  const options = reason
    ? itemChoices(t, at.outcomeId)
    : feedbackReasons.map((r) => ({ value: r, label: reasonLabels[r] }));
  const m = matchReply(options, text);
  if (m.kind !== 'one') {
    const again: FeedbackView = reason
      ? { kind: 'feedbackItem', ...here, reason, items: options }
      : { kind: 'feedbackReason', ...here };
    return stay(t, { kind: 'notice', note: 'unrecognised' }, again);
  }
  return feedback(t, {
    kind: 'feedback',
    feedback: 'notHelpful',
    ...(reason ? { reason, item: m.value } : { reason: m.value }),
  });
}

/** The next choice is asked; a typed reply to it is read as such (the record says which step it answers). */
function waiting(
  t: Turn,
  state: { reason?: FeedbackReason },
  view: FeedbackView,
  answered: AnsweredView,
): TurnResult {
  const record: ConsultRecord = { ...t.record, feedback: { step: t.record.revision, ...state } };
  return saved(t, record, [view], [], answered);
}

function recorded(
  t: Turn,
  outcome: string,
  what: Pick<FeedbackRecord, 'helpful' | 'item' | 'reason'>,
  answer: string,
): TurnResult {
  const { feedback: _answered, ...rest } = t.record;
  const record: ConsultRecord = { ...rest, feedbackGiven: [...(t.record.feedbackGiven ?? []), actKey(t)] };
  const row: FeedbackRecord = {
    date: t.env.now.toISOString().slice(0, 10),
    contentVersion: t.env.content.version,
    outcome,
    item: what.item,
    helpful: what.helpful,
    ...(what.reason ? { reason: what.reason } : {}),
  };
  const prompt = what.helpful ? feedbackWording.ask : feedbackWording.item;
  const views: View[] = [{ kind: 'feedbackThanks' }];
  return { ...saved(t, record, views, [], clicked(prompt, answer)), feedback: [row] };
}

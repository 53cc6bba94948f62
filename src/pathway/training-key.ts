import type { QuestionId } from '../content/case-model';
import { holds } from '../content/conditions';
import type { Pathway } from '../content/schema';
import type { Decision, DecisionId, Training, TrainingOption } from '../content/training-schema';
import { replay, stepOf } from '../../machines/step';
import { answersFrom, buildRecommendation, type Recommendation } from './recommend';

export type Entry = { question: QuestionId; answer: string };

/** The recommendation a complete answer set ends in; undefined when the answers do not finish a consult. */
export function recommendationFor(content: Pathway, entries: readonly Entry[]): Recommendation | undefined {
  const { snapshot, applied } = replay(entries);
  const step = stepOf(snapshot);
  return step.kind === 'outcome' ? buildRecommendation(content, step.outcomeId, applied) : undefined;
}

/**
 * The plan the consult gives for the same answers while the scan is still pending: the answers up to the
 * imaging result, with the result `pending`. Undefined when the case never reaches the imaging question.
 */
export function interimFor(content: Pathway, entries: readonly Entry[]): Recommendation | undefined {
  const at = entries.findIndex((e) => e.question === 'imagingResult');
  if (at < 0) return undefined;
  const interim = [...entries.slice(0, at), { question: 'imagingResult' as QuestionId, answer: 'pending' }];
  const r = recommendationFor(content, interim);
  return r?.outcome.id === 'interimPlan' ? r : undefined;
}

const itemIds = (r: Recommendation | undefined) =>
  new Set(r ? r.sections.flatMap((s) => s.items.map((i) => i.id)) : []);

/** The item ids a decision reads: every id any of its options names. */
function relevantItems(d: Decision): string[] {
  return [
    ...new Set(
      d.options.flatMap((o) => (o.signifiedBy && 'items' in o.signifiedBy ? o.signifiedBy.items.flat() : [])),
    ),
  ];
}

/** The consult's key decision a trainee decision reads, when its options are signified by one. */
function keyDecisionOf(d: Decision): string | undefined {
  for (const o of d.options) if (o.signifiedBy && 'decision' in o.signifiedBy) return o.signifiedBy.decision;
  return undefined;
}

export interface DecisionKey {
  decision: Decision;
  /** What the consult's recommendation says for this decision: the relevant item ids, the GPA band or a key decision's value. */
  signature: string;
  /** The options whose signature it is (exactly one when the content is right). */
  right: TrainingOption[];
  /** The options whose harm or worse-than-wrong tag fits this case (a tag's `when` holds for its answers). */
  tagged: string[];
  /** The decision's pitfalls that apply to this case (those gathered with its recommendation, or without a rule). */
  pitfalls: string[];
}

function signatureOf(d: Decision, r: Recommendation | undefined): string {
  if (!r) return '';
  if (d.options.some((o) => o.signifiedBy && 'gpaBandFrom' in o.signifiedBy)) {
    // A range of scores spanning bands has no single right band: the decision does not apply.
    const bands = r.prognosis?.bands ?? [];
    return bands.length === 1 ? `gpa:${bands[0]?.min}` : '';
  }
  const key = keyDecisionOf(d);
  if (key) {
    // A value no option stands for (the decision is not part of this plan) leaves the decision out.
    const signature = `${key}=${r.decisions.find((x) => x.id === key)?.value}`;
    return d.options.some((o) => signifies(o, signature)) ? signature : '';
  }
  const ids = itemIds(r);
  return relevantItems(d)
    .filter((i) => ids.has(i))
    .sort()
    .join('+');
}

function signifies(o: TrainingOption, signature: string): boolean {
  const s = o.signifiedBy;
  if (!s) return false;
  if ('gpaBandFrom' in s) return signature === `gpa:${s.gpaBandFrom}`;
  if ('decision' in s) return s.is.some((v) => signature === `${s.decision}=${v}`);
  return s.items.some((set) => [...set].sort().join('+') === signature);
}

/**
 * The pathway's choice for every decision of a case, read from the consult's own recommendation for the
 * case's answers (the interim plan for the imaging decision). A decision whose items the recommendation does
 * not contain (or that does not apply to the case) is left out. What a wrong choice is told fits the case:
 * a tag whose rule does not hold for its answers is not shown, and the debrief's pitfalls are those the
 * consult gathers for it.
 */
export function caseKey(content: Pathway, training: Training, entries: readonly Entry[]): DecisionKey[] {
  const final = recommendationFor(content, entries);
  const interim = interimFor(content, entries);
  const answers = answersFrom(entries);
  return training.decisions.flatMap((decision) => {
    if (decision.appliesWhen && !holds(decision.appliesWhen, answers)) return [];
    const signature = signatureOf(decision, decision.source === 'interim' ? interim : final);
    if (!signature) return [];
    const tagged = decision.options
      .filter((o) => o.tag && (!o.tag.when || holds(o.tag.when, answers)))
      .map((o) => o.value);
    const pitfalls = decision.pitfalls.filter((id) => {
      const p = content.pitfalls.find((x) => x.id === id);
      return p !== undefined && (!p.when || holds(p.when, answers));
    });
    return [
      {
        decision,
        signature,
        right: decision.options.filter((o) => signifies(o, signature)),
        tagged,
        pitfalls,
      },
    ];
  });
}

/** The tag a chosen option carries in this case: none when its harm does not fit the case. */
export function tagOf(k: DecisionKey, o: TrainingOption): TrainingOption['tag'] {
  return k.tagged.includes(o.value) ? o.tag : undefined;
}

/** What is wrong with the key of a case: each problem names the decision and the case's answers. */
export function keyProblems(content: Pathway, training: Training, entries: readonly Entry[]): string[] {
  const answers = answersFrom(entries);
  const key = caseKey(content, training, entries);
  const where = entries.map((e) => `${e.question}=${e.answer}`).join(', ');
  const problems = key
    .filter((k) => k.right.length !== 1)
    .map(
      (k) =>
        `decision "${k.decision.id}": ${k.right.length} options match the recommendation (${k.signature}) for ${where}` +
        (k.right.length ? ` (${k.right.map((o) => o.value).join(', ')})` : ''),
    );
  for (const d of training.decisions)
    if (d.requiredWhen && holds(d.requiredWhen, answers) && !key.some((k) => k.decision.id === d.id))
      problems.push(
        `decision "${d.id}" must apply but no option's items are in the recommendation for ${where}`,
      );
  return problems;
}

/** The right option of each applicable decision, for a case whose key has no problems. */
export function rightChoices(key: readonly DecisionKey[]): Map<DecisionId, TrainingOption> {
  return new Map(
    key.flatMap((k) => (k.right.length === 1 && k.right[0] ? [[k.decision.id, k.right[0]]] : [])),
  );
}

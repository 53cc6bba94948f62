import type { Answers, QuestionId } from '../content/case-model';
import type {
  Citation,
  CompiledDecision,
  Evidence,
  Item,
  Outcome,
  Pathway,
  Ref,
  Section,
} from '../content/schema';
import { holds, triggersOf, type Condition } from '../content/conditions';
import { breastGpa, type GpaResult } from './gpa';
import { Recent } from './recent';

export interface AnswerEntry {
  question: QuestionId;
  answer: string;
  /**
   * Who answered (Teams and Slack threads): in a stored record a keyed pseudonym, in what is shown the label
   * the turn gives it (dialogs/answerers.ts). Never an identifier of the patient.
   */
  by?: string;
}

export interface ResolvedRef {
  n: number;
  citation: Citation;
  point?: string;
  strength?: string;
}

export interface Because {
  question: QuestionId;
  short: string;
  answer: string;
}

export interface RecommendationItem {
  id: string;
  text: string;
  evidence: Evidence;
  urgent: boolean;
  /** Its line in the bottom line, from the content; items without one are details only. */
  short?: string;
  rank?: number;
  /** Items that make this one's short form unnecessary in the bottom line when they are in the plan. */
  shortUnless: readonly string[];
  refs: ResolvedRef[];
  because: Because[];
}

/** A key decision of the plan as made for this consult: its value, the row that set it and why. */
export interface DecisionResult {
  id: string;
  title: string;
  value: string;
  label: string;
  /** How the bottom line names it; absent when this value does not set the plan (the default). */
  short?: string;
  /** Not part of this plan (the content says so): left out of the plan's details. */
  hidden: boolean;
  /** The row that set it, in words. */
  why: string;
  refs: ResolvedRef[];
  because: Because[];
}

export interface Recommendation {
  outcome: Outcome;
  /** The plan's key decisions, in the content's order: each made once, and every item that depends on one gated on it. */
  decisions: DecisionResult[];
  inputs: { question: QuestionId; short: string; answer: string; value: string; by?: string }[];
  sections: { id: Section; items: RecommendationItem[] }[];
  prognosis?: GpaResult & { refs: ResolvedRef[] };
  pitfalls: { id: string; text: string; evidence: Evidence; refs: ResolvedRef[] }[];
  unknowns: { id: string; text: string; action: string; who: string; refs: ResolvedRef[] }[];
  references: { n: number; citation: Citation }[];
  disclaimer: string;
  content: { id: string; title: string; version: string; reviewedBy: string; reviewedOn: string };
}

export const sectionOrder: Section[] = [
  'immediate',
  'symptomControl',
  'localTherapy',
  'systemicTherapy',
  'followUp',
];

export function answersFrom(entries: readonly AnswerEntry[]): Answers {
  return Object.fromEntries(entries.map((e) => [e.question, e.answer])) as Answers;
}

/** Label of an answer value, from the content. */
export function answerLabel(content: Pathway, question: QuestionId, value: string): string {
  const q = content.questions.find((x) => x.id === question);
  return q?.options.find((o) => o.value === value)?.label ?? value;
}

/** The short name of a question, as answers are echoed back. */
export function shortOf(content: Pathway, question: QuestionId): string {
  return content.questions.find((x) => x.id === question)?.short ?? question;
}

/** The advice items that hold for these answers, in content order (used for urgent actions too). */
export function itemsFor(content: Pathway, answers: Answers) {
  return content.items.filter((i) => holds(i.when, answers));
}

/** Numbers citations in order of first use, so the reference list matches the numbers in the text. */
function citationNumbering(content: Pathway) {
  const numbers = new Map<string, number>();
  const resolve = (refs: readonly Ref[]): ResolvedRef[] =>
    refs.map((r) => {
      const citation = content.citations.find((c) => c.id === r.citation);
      if (!citation) throw new Error(`unknown citation "${r.citation}"`);
      if (!numbers.has(r.citation)) numbers.set(r.citation, numbers.size + 1);
      return { n: numbers.get(r.citation) as number, citation, point: r.point, strength: r.strength };
    });
  return { resolve, numbers };
}

function resolveItem(
  content: Pathway,
  answers: Answers,
  resolve: (refs: readonly Ref[]) => ResolvedRef[],
  i: Item,
): RecommendationItem {
  return {
    id: i.id,
    text: i.text,
    evidence: i.evidence,
    urgent: i.urgent,
    // Seed-article notes are for reviewers (docs/pathway.md), never shown to users: not carried here.
    ...(i.short ? { short: i.short } : {}),
    ...(i.rank !== undefined ? { rank: i.rank } : {}),
    shortUnless: i.shortUnless,
    refs: resolve(i.refs),
    because: becauseOf(content, i.when, answers),
  };
}

const becauseOf = (content: Pathway, c: Condition, answers: Answers): Because[] =>
  triggersOf(c, answers).map((t) => ({
    question: t.question,
    short: shortOf(content, t.question),
    answer: answerLabel(content, t.question, t.answer),
  }));

/** The value a key decision takes for these answers: the first row whose rule holds (the last holds otherwise). */
export function decide(
  content: Pathway,
  d: CompiledDecision,
  answers: Answers,
  resolve: (refs: readonly Ref[]) => ResolvedRef[],
): DecisionResult {
  const row = d.rows.find((r) => !r.condition || holds(r.condition, answers)) ?? d.rows[d.rows.length - 1]!;
  const value = d.values.find((v) => v.value === row.value)!;
  return {
    id: d.id,
    title: d.title,
    value: value.value,
    label: value.label,
    ...(value.short ? { short: value.short } : {}),
    hidden: value.hidden,
    why: row.why,
    refs: resolve(row.refs),
    because: row.condition ? becauseOf(content, row.condition, answers) : [],
  };
}

/** Urgent items that hold after these answers but did not before the last one: shown at once. */
export function newlyUrgent(content: Pathway, entries: readonly AnswerEntry[]): RecommendationItem[] {
  const answers = answersFrom(entries);
  const fresh = urgentItems(content).filter((i) => holds(i.when, answers));
  if (!fresh.length) return [];
  const before = answersFrom(entries.slice(0, -1));
  const { resolve } = citationNumbering(content);
  return fresh.filter((i) => !holds(i.when, before)).map((i) => resolveItem(content, answers, resolve, i));
}

/** Every urgent item that holds for these answers: the whole "Act now", not only what the last answer added. */
export function urgentNow(content: Pathway, answers: Answers): RecommendationItem[] {
  const { resolve } = citationNumbering(content);
  return urgentItems(content)
    .filter((i) => holds(i.when, answers))
    .map((i) => resolveItem(content, answers, resolve, i));
}

/** The urgent items of a content, found once: every answered question looks them up. */
const urgentOf = new WeakMap<Pathway, readonly Item[]>();
function urgentItems(content: Pathway): readonly Item[] {
  let items = urgentOf.get(content);
  if (!items) urgentOf.set(content, (items = content.items.filter((i) => i.urgent)));
  return items;
}

/** Recommendations recently built, by content, then by outcome and answers (who answered included). */
const recent = new WeakMap<Pathway, Recent<string, Recommendation>>();

/**
 * The recommendation for these answers, built once: consults that end the same way (and every later
 * `summary`, `note` or `details` of a finished consult) share it. A recommendation is never changed after
 * it is built, so sharing is safe; the cache is bounded, so memory does not grow with consults.
 */
export function recommendationFor(
  content: Pathway,
  outcomeId: string,
  entries: readonly AnswerEntry[],
): Recommendation {
  let built = recent.get(content);
  if (!built) recent.set(content, (built = new Recent(500)));
  const key = `${outcomeId}\u0000${entries.map((e) => `${e.question}=${e.answer}\u0001${e.by ?? ''}`).join('\u0002')}`;
  return built.getOr(key, () => buildRecommendation(content, outcomeId, entries));
}

/**
 * The recommendation for a finished consult: a pure function of the content, the outcome and the answers.
 * Every item carries its citations and the answers that triggered it; the inputs are echoed back and
 * what is unknown is listed with what to do about it.
 */
export function buildRecommendation(
  content: Pathway,
  outcomeId: string,
  entries: readonly AnswerEntry[],
): Recommendation {
  const outcome = content.outcomes.find((o) => o.id === outcomeId);
  if (!outcome) throw new Error(`unknown outcome "${outcomeId}"`);
  const answers = answersFrom(entries);
  const { resolve, numbers } = citationNumbering(content);
  // The key decisions first: the plan's "why" comes before its details, and so do their reference numbers.
  const decisions = content.decisions.map((d) => decide(content, d, answers, resolve));
  const chosen = itemsFor(content, answers);
  const sections = sectionOrder
    .map((id) => ({
      id,
      items: chosen.filter((i) => i.section === id).map((i) => resolveItem(content, answers, resolve, i)),
    }))
    .filter((s) => s.items.length > 0);

  const gpa = outcome.prognosis ? breastGpa(content.gpa, answers) : undefined;
  // Outside the population it was derived in (intracranial progression), the GPA says so first.
  const prognosis = gpa && {
    ...gpa,
    note: gpa.note,
    refs: resolve(content.gpa.refs),
  };
  const pitfalls = content.pitfalls
    .filter((p) => p.when && holds(p.when, answers))
    .map((p) => ({
      id: p.id,
      text: p.text,
      evidence: p.evidence,
      refs: resolve(p.refs),
    }));
  const unknowns = content.unknowns
    .filter((u) => holds(u.when, answers))
    .map((u) => ({ id: u.id, text: u.text, action: u.action, who: u.who, refs: resolve(u.refs) }));

  const references = [...numbers.entries()]
    .sort((a, b) => a[1] - b[1])
    .map(([id, n]) => ({ n, citation: content.citations.find((c) => c.id === id) as Citation }));

  return {
    outcome,
    decisions,
    inputs: entries.map((e) => ({
      question: e.question,
      short: shortOf(content, e.question),
      answer: answerLabel(content, e.question, e.answer),
      value: e.answer,
      by: e.by,
    })),
    sections,
    prognosis,
    pitfalls,
    unknowns,
    references,
    disclaimer: content.disclaimer,
    content: {
      id: content.id,
      title: content.title,
      version: content.version,
      reviewedBy: content.reviewedBy,
      reviewedOn: content.reviewedOn,
    },
  };
}

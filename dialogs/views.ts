import type { QuestionId } from '../src/content/case-model';
import type { Pathway, Ref } from '../src/content/schema';
import { holds } from '../src/content/conditions';
import { changesBetween } from '../src/pathway/changes';
import {
  answerLabel,
  answersFrom,
  recommendationFor,
  shortOf,
  type ResolvedRef,
} from '../src/pathway/recommend';
import { consultBundle, type ConsultFhir } from '../src/view/fhir/consult';
import { handoverNote } from '../src/view/note';
import { commands } from '../src/view/strings';
import type { QuestionView, View } from '../src/view/view';
import { stepOf, type BcbmSnapshot, type Step } from '../machines/step';
import { shownAnswers, type Answerer } from './answerers';
import type { ConsultRecord } from './consult-record';

/** Where a consult stands: the question being asked (or asked again by `change`), or the outcome. */
export function positionOf(record: ConsultRecord, snapshot: BcbmSnapshot): Step {
  return record.changing ? { kind: 'question', questionId: record.changing } : stepOf(snapshot);
}

/** References numbered within one message (a question or a `why`), outside a recommendation's list. */
function localRefs(content: Pathway, refs: readonly Ref[]): ResolvedRef[] {
  return refs.map((r, i) => ({
    n: i + 1,
    // The schema checked at start-up that every citation exists.
    citation: content.citations.find((c) => c.id === r.citation)!,
    point: r.point,
    strength: r.strength,
  }));
}

export function questionView(content: Pathway, record: ConsultRecord, questionId: QuestionId): QuestionView {
  const q = content.questions.find((x) => x.id === questionId);
  if (!q) throw new Error(`no content for question "${questionId}"`);
  const was = record.changing === questionId ? record.log.find((e) => e.question === questionId) : undefined;
  return {
    kind: 'question',
    consultId: record.consultId,
    revision: record.revision,
    questionId,
    phase: q.phase,
    number: was ? record.log.indexOf(was) + 1 : record.log.length + 1,
    ...(was ? { changing: answerLabel(content, questionId, was.answer) } : {}),
    prompt: q.prompt,
    options: q.options.map((o) => ({ value: o.value, label: o.label, hint: o.hint })),
    pitfalls: q.pitfalls.map((id) => {
      const p = content.pitfalls.find((x) => x.id === id);
      if (!p) throw new Error(`no pitfall "${id}"`);
      return { text: p.text, evidence: p.evidence, refs: localRefs(content, p.refs) };
    }),
  };
}

/** The view of where the consult stands: the current question, or the recommendation (with what changed). */
export function currentView(
  content: Pathway,
  record: ConsultRecord,
  snapshot: BcbmSnapshot,
  sender: Answerer | undefined,
): View {
  const at = positionOf(record, snapshot);
  if (at.kind === 'question') return questionView(content, record, at.questionId);
  const recommendation = recommendationFor(content, at.outcomeId, shownAnswers(record.log, sender));
  const prev = record.previous;
  return {
    kind: 'recommendation',
    consultId: record.consultId,
    recommendation,
    ...(prev
      ? { changes: changesBetween(recommendationFor(content, prev.outcome, prev.log), recommendation) }
      : {}),
  };
}

export function summaryView(
  content: Pathway,
  record: ConsultRecord,
  snapshot: BcbmSnapshot,
  sender: Answerer | undefined,
): View {
  const answers = answersFrom(record.log);
  const at = positionOf(record, snapshot);
  return {
    kind: 'summary',
    answers: shownAnswers(record.log, sender).map((e) => ({
      question: e.question,
      short: shortOf(content, e.question),
      answer: answerLabel(content, e.question, e.answer),
      by: e.by,
    })),
    unknowns: content.unknowns
      .filter((u) => holds(u.when, answers))
      .map((u) => ({ text: u.text, action: u.action, who: u.who })),
    next: at.kind === 'question' ? content.questions.find((q) => q.id === at.questionId)?.prompt : undefined,
  };
}

export function whyView(content: Pathway, record: ConsultRecord, snapshot: BcbmSnapshot): View {
  const at = positionOf(record, snapshot);
  if (at.kind !== 'question') return { kind: 'whyRecommendation' };
  const q = content.questions.find((x) => x.id === at.questionId)!;
  return { kind: 'why', short: q.short, prompt: q.prompt, why: q.why, refs: localRefs(content, q.refs) };
}

/** The handover note, from the answers and (once the consult is finished) the recommendation. */
export function noteView(
  content: Pathway,
  record: ConsultRecord,
  snapshot: BcbmSnapshot,
  sender: Answerer | undefined,
  now: Date,
): View {
  const at = stepOf(snapshot);
  const summary = summaryView(content, record, snapshot, sender) as Extract<View, { kind: 'summary' }>;
  return {
    kind: 'note',
    fhir: consultFhir(content, record, snapshot),
    text: handoverNote({
      recommendation:
        at.kind === 'outcome'
          ? recommendationFor(content, at.outcomeId, shownAnswers(record.log, sender))
          : undefined,
      answers: record.log,
      unknowns: summary.unknowns,
      next: summary.next,
      version: content.version,
      date: now.toISOString().slice(0, 10),
      handover: content.handover,
    }),
  };
}

/**
 * The consult's FHIR form (docs/fhir.md): the answers as logged, under the content version the consult
 * was started with, and the outcome the note's recommendation is drawn from.
 */
function consultFhir(content: Pathway, record: ConsultRecord, snapshot: BcbmSnapshot): ConsultFhir {
  const at = stepOf(snapshot);
  return consultBundle(content, {
    contentVersion: record.contentVersion,
    log: record.log.map((e) => ({ question: e.question, answer: e.answer })),
    ...(at.kind === 'outcome' ? { outcome: at.outcomeId } : {}),
  });
}

/** `note fhir`: the FHIR form alone, as a block of JSON. */
export function noteFhirView(content: Pathway, record: ConsultRecord, snapshot: BcbmSnapshot): View {
  return { kind: 'noteFhir', fhir: consultFhir(content, record, snapshot) };
}

export function helpView(): View {
  return { kind: 'help', commands };
}

import { createHash } from 'node:crypto';
import type { QuestionId } from '../content/case-model';
import type { Pathway } from '../content/schema';
import type { Training } from '../content/training-schema';
import { answerLabel, shortOf } from './recommend';
import type { Entry } from './training-key';

export interface CaseDescription {
  /** Shown with the first decision: who she is and how she presents. */
  opening: string;
  /** Shown before the first decision that needs them: what the imaging showed. */
  findings: string;
}

/** Said before imaging; the rest is what imaging (or the follow-up scan) found. */
const openingQuestions: QuestionId[] = [
  'priorBrainTreatment',
  'redFlags',
  'seizure',
  'mriAccess',
  'kps',
  'kpsCause',
  'extracranial',
  'systemicTherapy',
  'her2Regimen',
];
const findingQuestions: QuestionId[] = [
  'progressionPattern',
  'progressionSite',
  'necrosisWorkup',
  'imagingResult',
  'lesionCount',
  'largestLesion',
  'massEffect',
  'resectable',
];

/**
 * The case as a learner reads it, written from the answers by the content's phrases. An answer without a
 * phrase (a value added to the pathway later) is described by the consult's own label, so nothing is lost.
 */
export function describeCase(
  content: Pathway,
  training: Training,
  id: string,
  answers: readonly Entry[],
): CaseDescription {
  const { phrases, notes, age, pending } = training.templates;
  const value = (q: QuestionId) => answers.find((e) => e.question === q)?.answer;
  const phrase = (q: QuestionId): string | undefined => {
    const v = value(q);
    if (v === undefined) return undefined;
    return phrases[q]?.[v] ?? `${shortOf(content, q)}: ${answerLabel(content, q, v)}.`;
  };
  const ages = age[value('age') ?? ''] ?? [];
  const pick = createHash('sha256').update(id).digest()[0] ?? 0;
  const who = ages.length ? ` ${ages[pick % ages.length]}` : '';
  const receptors = (['hormoneReceptor', 'her2'] as const).map(phrase).filter(Boolean).join(', ');
  const scenario = phrase('scenario');
  const first = `Case ${id}. A woman${who} with ${receptors ? `${receptors} ` : ''}breast cancer${scenario ? ` ${scenario}` : '.'}`;
  const say = (qs: QuestionId[]) =>
    qs
      .map(phrase)
      .filter((s): s is string => Boolean(s))
      .join(' ');
  const noted = answers.map((e) => notes[e.question]?.[e.answer]).filter(Boolean);
  const opening = [first, say(openingQuestions), ...noted].filter(Boolean).join(' ');
  const findings = value('imagingResult') === 'pending' ? pending : say(findingQuestions);
  return { opening, findings };
}

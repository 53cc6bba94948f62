import type { AnswerValue, QuestionId } from '../case-model';
import type { PathwayInput } from '../schema';
import type { Rule } from '../rules';

type Ref = PathwayInput['items'][number]['refs'][number];

/**
 * The building blocks of the content's rules: answers, and the plan's key decisions (decisions.ts). An
 * item that depends on a key decision is gated on the decision's value, never on a copy of its rows.
 */
export const is = <Q extends QuestionId>(q: Q, ...values: AnswerValue<Q>[]): Rule => ({ q, is: values });
export const all = (...c: Rule[]): Rule => ({ all: c });
export const any = (...c: Rule[]): Rule => ({ any: c });
export const not = (c: Rule): Rule => ({ not: c });

// The key decisions (decisions.ts), by value.
export const goals = (
  ...v: ('notYet' | 'activeTreatment' | 'sharedDecision' | 'supportiveFirst')[]
): Rule => ({
  decision: 'goals',
  is: v,
});
export const local = (
  ...v: (
    | 'notYet'
    | 'noRadiotherapy'
    | 'ifSystemicOptions'
    | 'supportiveOptional'
    | 'pendingCause'
    | 'surgeryFirst'
    | 'fractionatedSrs'
    | 'srs'
    | 'srsOrWbrt'
    | 'settleFirst'
    | 'radionecrosis'
    | 'reTreat'
    | 'leptomeningeal'
  )[]
): Rule => ({ decision: 'local', is: v });
export const systemic = (
  ...v: (
    | 'notYet'
    | 'sharedDecision'
    | 'startFirstLine'
    | 'restageFirst'
    | 'change'
    | 'discussChange'
    | 'settleLesionFirst'
    | 'keep'
  )[]
): Rule => ({ decision: 'systemic', is: v });
export const steroids = (...v: ('notYet' | 'none' | 'ifSymptoms' | 'low' | 'high' | 'review')[]): Rule => ({
  decision: 'steroids',
  is: v,
});

export const raisedIcp = is('redFlags', 'raisedIcp');
export const statusEpilepticus = is('redFlags', 'statusEpilepticus');
export const focalStatus = is('redFlags', 'focalStatus');
export const newSymptoms = is('scenario', 'newSymptoms');
export const progression = is('scenario', 'knownProgression');
export const parenchymal = is('imagingResult', 'parenchymal');
export const pending = is('imagingResult', 'pending');
export const leptomeningeal = is('imagingResult', 'leptomeningeal');
export const noMetastases = is('imagingResult', 'noMetastases');
/** The imaging question has been answered with a result (not "pending"): emergency imaging is done. */
export const imaged = is('imagingResult', 'parenchymal', 'leptomeningeal', 'noMetastases');
export const massEffect = is('massEffect', 'yes');
export const noMassEffect = is('massEffect', 'no');
/** A seizure has happened: the answer, or a status epilepticus that answered it. */
export const seizureHappened = any(is('seizure', 'yes'), statusEpilepticus, focalStatus);
/** Metastases that cause symptoms: a seizure, mass effect, raised pressure, or a low performance status they cause. */
export const symptomatic = any(seizureHappened, massEffect, raisedIcp, is('kpsCause', 'brainLesion'));
/**
 * Without symptoms from the metastases (ASCO-SNO-ASTRO's "asymptomatic"): none of the above, and no
 * events that may be seizures ("unsure" is not counted as without symptoms).
 */
export const asymptomatic = all(not(symptomatic), not(is('seizure', 'unsure')));
/**
 * Nothing a local treatment would relieve now: no symptomatic mass effect, no raised pressure, and no
 * status epilepticus (seizures the lesion keeps causing despite treatment). A seizure that an
 * anti-seizure medicine treats does not count: that is this pathway's line, so that supportive care
 * can still come first for a frail patient whose presenting symptom was one seizure. Mass effect must
 * be answered "no", so an unasked question never counts as "none".
 */
export const nothingToRelieve = all(noMassEffect, not(raisedIcp), not(statusEpilepticus), not(focalStatus));
export const lowKps = is('kps', 'kps60', 'kps50orLess');
/** Newly found parenchymal metastases, or intracranial progression: the brain metastases are being treated. */
export const treated = any(parenchymal, progression);
export const her2Positive = is('her2', 'positive');
export const her2NegativeFamily = is('her2', 'low', 'ultralow', 'negative');
export const hrPositive = is('hormoneReceptor', 'positive');
export const hrNegative = is('hormoneReceptor', 'negative');
export const onTherapy = is('systemicTherapy', 'firstLine', 'laterLine');
export const noTherapy = is('systemicTherapy', 'none');
export const notProgressingOutside = is('extracranial', 'none', 'controlled');
export const afterRegimen = (...r: AnswerValue<'her2Regimen'>[]) => is('her2Regimen', ...r);
export const resectable = is('resectable', 'yes');
export const large = is('largestLesion', 'from3to4cm', 'over4cm');
export const fewLesions = is('lesionCount', 'one', 'twoToFour');
export const manyLesions = is('lesionCount', 'fiveToTen', 'moreThanTen');
/** At progression, a growing irradiated lesion that imaging has not shown to be tumour (it may be radionecrosis). */
export const possibleNecrosis = is('necrosisWorkup', 'notDone', 'indeterminate', 'favoursNecrosis');
/** A lesion growing at a treated site whose nature (tumour or radionecrosis) imaging has not settled. */
export const treatedSiteUnsettled = all(progression, is('progressionSite', 'treatedSite'), possibleNecrosis);
/** Tumour at intracranial progression after radiation: new lesions, or imaging that favours tumour. */
export const tumourAfterRadiation = all(
  progression,
  is('priorBrainTreatment', 'srs', 'wbrt'),
  any(is('progressionSite', 'newLesions', 'both'), is('necrosisWorkup', 'favoursTumour')),
);

export const ascoHer2 = (point: string, strength?: string): Ref =>
  strength
    ? { citation: 'ascoHer2Guideline2022', point, strength }
    : { citation: 'ascoHer2Guideline2022', point };

// Sets of key-decision values that items share.
/** Newly found metastases treated locally now. */
export const treatingLocally = local('surgeryFirst', 'fractionatedSrs', 'srs', 'srsOrWbrt');
/** A local plan that is followed with brain imaging. */
export const followedByImaging = local(
  'surgeryFirst',
  'fractionatedSrs',
  'srs',
  'srsOrWbrt',
  'ifSystemicOptions',
  'reTreat',
  'settleFirst',
  'radionecrosis',
);
/** Any local plan for metastases found or progressing (not the interim or no-metastasis plans). */
export const localDecided = not(local('notYet'));
/** A change of systemic therapy is on the table: progression outside the brain, or a CNS-active change discussed. */
export const switching = systemic('change', 'discussChange');
/** Whole-brain radiotherapy is among the options, so it comes with hippocampal avoidance and memantine. */
export const wbrtAnOption = any(
  local('srsOrWbrt'),
  all(local('surgeryFirst', 'fractionatedSrs'), manyLesions),
  all(
    local('reTreat'),
    not(possibleNecrosis),
    any(
      is('priorBrainTreatment', 'srs'),
      all(is('priorBrainTreatment', 'surgeryOnly'), is('progressionPattern', 'diffuse')),
    ),
  ),
);

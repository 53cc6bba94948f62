import type { PathwayInput } from '../schema';

const switchOptions = [
  'her2FirstLine',
  'her2ProgressiveAlgorithm',
  'tdxdOption',
  'tucatinibOption',
  'neratinibOption',
  'lapatinibOption',
  'tdm1Option',
  'capecitabineOption',
  'tdxdHer2LowOption',
  'sacituzumabHrPositive',
  'sacituzumabTripleNegative',
  'tnbcFirstLine',
  'hrPositiveFirstLine',
  'newRelapseWorkup',
  'restageOnTherapy',
  'progSystemicCnsActive',
];
const activeLocal = [
  'upfrontLocalTherapy',
  'keepSystemicTherapy', // "treat the brain locally and carry on"
  'srsOneToFour',
  'srsOrResectionSingle',
  'srsFiveToTen',
  'extensiveSrsOrHaWbrt',
  'surgeryLargeOrSymptomatic',
  'lesionDrivenLowKps',
  'noDeferralWhenSymptomatic',
  'followUpMri',
];
const reTreatment = [
  'progLimitedAfterWbrt',
  'progLimitedAfterSrs',
  'progDiffuseAfterWbrt',
  'progDiffuseAfterSrs',
  'progLimitedAfterSurgery',
  'progDiffuseAfterSurgery',
  'followUpMri',
];
const pairs = (a: string[], b: string[], why: string) =>
  a.flatMap((x) => b.map((y) => ({ between: [x, y] as [string, string], why })));

/**
 * Statements that must never stand in one recommendation. A test checks every consult the statechart
 * allows against this list (test/pathway/consistency.test.ts), so a contradiction cannot ship.
 */
export const conflicts: PathwayInput['conflicts'] = [
  ...pairs(
    ['keepSystemicTherapy', 'dontStopWorkingSystemic'],
    switchOptions,
    '"do not switch systemic therapy" (ASCO Rec 8.1) cannot stand beside an option to switch or start it',
  ),
  ...pairs(
    ['poorPrognosisSupportive'],
    activeLocal,
    '"lead with supportive care" cannot stand beside active local treatment, "do not defer local treatment" or routine MRI follow-up',
  ),
  ...pairs(
    ['progSupportiveFirst'],
    reTreatment,
    'supportive care first cannot stand beside routine re-treatment',
  ),
  ...pairs(
    ['lmSupportiveFirst'],
    ['lmActiveTreatment'],
    'supportive care first or active treatment, not both',
  ),
  {
    between: ['upfrontLocalTherapy', 'deferralCriteria'],
    why: 'local treatment upfront, or the option to defer it, not both',
  },
  ...pairs(
    ['lmLumbarPuncture'],
    ['lmDeferLp', 'icpDexamethasone', 'icpNeurosurgery', 'icpHyperosmolar', 'lmCsfDiversion'],
    'the lumbar puncture is deferred while pressure is raised or CSF flow is blocked (review E2)',
  ),
  ...pairs(
    ['noSteroids'],
    ['steroidsMild', 'icpDexamethasone', 'interimSteroids'],
    'steroids or none, not both',
  ),
  ...pairs(
    ['noAsmProphylaxis'],
    ['asmForSeizure', 'seizureRescuePlan'],
    'no prophylaxis without a seizure, or treatment after one, not both',
  ),
  {
    between: ['asmForSeizure', 'firstSeizureNormalImaging'],
    why: 'with a normal scan the anti-seizure medicine is an individual decision (review E14)',
  },
  {
    between: ['seFirstLine', 'focalStatusPlan'],
    why: 'convulsive or focal status epilepticus, not both protocols',
  },
  {
    between: ['radionecrosisTreatment', 'necrosisWorkupNeeded'],
    why: 'radionecrosis is either shown on imaging or still to be worked up',
  },
  {
    between: ['her2FirstLine', 'tdxdOption'],
    why: 'first line for a patient on no therapy, or the next line for a patient on one',
  },
];

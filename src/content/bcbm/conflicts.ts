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
  'tdxdHer2UltralowOption',
  'hrPositiveBiomarkers',
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
  'followUpCt',
];
/** Next-line drugs: never beside supportive care first or "no radiotherapy" (review M6). */
const nextLineDrugs = [
  'tdxdOption',
  'tucatinibOption',
  'neratinibOption',
  'lapatinibOption',
  'tdm1Option',
  'capecitabineOption',
  'tdxdHer2LowOption',
  'tdxdHer2UltralowOption',
  'sacituzumabHrPositive',
  'sacituzumabTripleNegative',
  'hrPositiveBiomarkers',
  'lmOnTherapy',
  'lmHer2Systemic',
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
  ...pairs(
    ['poorPrognosisSupportive', 'progSupportiveFirst', 'lmSupportiveFirst', 'systemicAtPoorPs'],
    nextLineDrugs,
    'supportive care first names no next-line drug: cancer treatment is a shared decision there (review M6)',
  ),
  ...pairs(
    ['noRadiotherapyAsymptomatic', 'radiotherapyIfSystemicOptions'],
    [
      ...activeLocal.filter((x) => !['keepSystemicTherapy', 'followUpMri', 'followUpCt'].includes(x)),
      'poorPrognosisSupportive',
    ],
    'no radiotherapy, or radiotherapy only if systemic options remain (ASCO-SNO-ASTRO Rec 3.1), beside a set local treatment',
  ),
  {
    between: ['deferralCriteria', 'keepSystemicTherapy'],
    why: 'deferring local treatment means starting a CNS-active regimen, which "keep the current therapy" rules out (review M5)',
  },
  ...pairs(
    ['radionecrosisNotProgression'],
    [...switchOptions, 'tdm1Option'],
    'a growing treated lesion not known to be tumour is not progression: no CNS-active switch for it (review M2)',
  ),
  ...pairs(
    ['noMetsSteroidReview'],
    ['icpDexamethasone', 'steroidsMild', 'interimSteroids'],
    'with no metastasis the empirical dexamethasone is reviewed, not ordered (review M3)',
  ),
  ...pairs(
    ['icpUrgentCt', 'nonContrastCtOnlyEmergency'],
    ['noMetsIcpCause', 'noMetsSteroidReview', 'srsOneToFour', 'lmSpineMri'],
    'no emergency CT order after the imaging is done (review m9)',
  ),
  ...pairs(
    ['radionecrosisTreatment'],
    ['progDiffuseAfterWbrt', 'progDiffuseAfterSrs', 'haWbrtMemantine', 'extensiveSrsOrHaWbrt'],
    '"no more radiation" to a radionecrotic lesion, beside whole-brain radiotherapy that would irradiate it again',
  ),
  {
    between: ['followUpMri', 'followUpCt'],
    why: 'MRI follow-up, or contrast CT where MRI is contraindicated, not both (review m10)',
  },
  {
    between: ['firstSeizureNormalImaging', 'noMetsCtOnly'],
    why: 'a CT-only negative scan is not a complete work-up (review M4)',
  },
  {
    between: ['lmLumbarPuncture', 'lmLpOnlyIfChanges'],
    why: 'the lumbar puncture is routine, or only if it would change care, not both',
  },
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

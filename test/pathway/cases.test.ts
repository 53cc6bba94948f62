import { pathway } from '../../src/content';
import type { Answers, QuestionId } from '../../src/content/case-model';
import { buildRecommendation, type AnswerEntry, type Recommendation } from '../../src/pathway/recommend';
import { replay, stepOf } from '../../machines/step';

/** Answers in the order they are given (object keys keep their insertion order). */
const consult = (...parts: Answers[]): AnswerEntry[] =>
  Object.entries(Object.assign({}, ...parts) as Answers).map(([question, answer]) => ({
    question: question as QuestionId,
    answer: answer as string,
  }));

const twitching: Answers = {
  scenario: 'newSymptoms',
  redFlags: 'none',
  seizure: 'yes',
  mriAccess: 'available',
  imagingResult: 'parenchymal',
};
/** HER2-positive, HR-positive, on first-line trastuzumab and pertuzumab, disease outside controlled. */
const fitHer2Positive: Answers = {
  kps: 'kps90to100',
  age: 'under60',
  her2: 'positive',
  hormoneReceptor: 'positive',
  extracranial: 'controlled',
  systemicTherapy: 'firstLine',
  her2Regimen: 'trastuzumabPertuzumab',
};
const her2Negative = (hormoneReceptor: 'positive' | 'negative', more: Answers = {}): Answers => ({
  kps: 'kps90to100',
  age: 'under60',
  her2: 'negative',
  hormoneReceptor,
  extracranial: 'controlled',
  systemicTherapy: 'firstLine',
  ...more,
});
const oneSmall: Answers = {
  lesionCount: 'one',
  largestLesion: 'under3cm',
  massEffect: 'no',
  resectable: 'no',
};
const twoToFourSmall: Answers = { lesionCount: 'twoToFour', largestLesion: 'under3cm', massEffect: 'no' };
const progressing = (
  priorBrainTreatment: string,
  progressionPattern: string,
  more: Answers = { progressionSite: 'newLesions', massEffect: 'no' },
): Answers =>
  ({
    scenario: 'knownProgression',
    redFlags: 'none',
    seizure: 'no',
    priorBrainTreatment,
    progressionPattern,
    ...more,
  }) as Answers;
const growingAfterSrs = (necrosisWorkup: string, progressionSite = 'treatedSite'): Answers =>
  progressing('srs', 'limited', { progressionSite, necrosisWorkup, massEffect: 'no' } as Answers);
const leptomeningeal = (more: Answers = {}): Answers => ({
  ...twitching,
  imagingResult: 'leptomeningeal',
  massEffect: 'no',
  kps: 'kps70to80',
  her2: 'positive',
  systemicTherapy: 'firstLine',
  ...more,
});
const poorOtherCause: Answers = { kps: 'kps50orLess', kpsCause: 'other' };

/** Runs the answers through the real statechart, then builds the recommendation it ends in. */
function run(entries: AnswerEntry[]): { outcomeId: string; r: Recommendation } {
  const { snapshot, dropped } = replay(entries);
  expect(dropped).toEqual([]);
  const step = stepOf(snapshot);
  if (step.kind !== 'outcome') throw new Error(`the consult stopped at question "${step.questionId}"`);
  return { outcomeId: step.outcomeId, r: buildRecommendation(pathway, step.outcomeId, entries) };
}

const itemIds = (r: Recommendation) => r.sections.flatMap((s) => s.items.map((i) => i.id));
const itemOf = (r: Recommendation, id: string) => r.sections.flatMap((s) => s.items).find((i) => i.id === id);

type Case = [name: string, entries: AnswerEntry[], outcome: string, include: string[], forbid: string[]];

/** Rows kept from content 1.0, updated to the 2.0 questions. */
const cases: Case[] = [
  [
    'a twitching patient with one small metastasis gets an anti-seizure drug, no steroids and radiosurgery; no MRI protocol after the MRI',
    consult(twitching, oneSmall, fitHer2Positive),
    'treatmentPlan',
    ['asmForSeizure', 'noSteroids', 'upfrontLocalTherapy', 'srsOneToFour', 'srsDoseSmall', 'mdtCare'],
    [
      'mriProtocol',
      'steroidsMild',
      'icpDexamethasone',
      'steroidTaper',
      'noAsmProphylaxis',
      'surgeryLargeOrSymptomatic',
      'srsOrResectionSingle',
      'haWbrtMemantine',
    ],
  ],
  [
    'raised intracranial pressure brings the emergency items, high-dose dexamethasone and a taper plan; no emergency CT order once the scan is done (review m9)',
    consult(
      twitching,
      { redFlags: 'raisedIcp', seizure: 'no' },
      { lesionCount: 'one', largestLesion: 'over4cm', massEffect: 'yes', resectable: 'yes' },
      fitHer2Positive,
    ),
    'treatmentPlan',
    [
      'icpDexamethasone',
      'icpSupportive',
      'icpNeurosurgery',
      'icpHyperosmolar',
      'steroidTaper',
      'steroidPjp',
      'steroidSideEffects',
      'noAsmProphylaxis',
      'surgeryLargeOrSymptomatic',
    ],
    [
      'steroidsMild',
      'noSteroids',
      'steroidGastricProtection',
      'asmForSeizure',
      'seFirstLine',
      'icpUrgentCt',
      'nonContrastCtOnlyEmergency',
    ],
  ],
  [
    'a scan still to be done gives the interim plan: order the MRI with its protocol, steroids only for oedema, treat the seizure',
    consult(twitching, { imagingResult: 'pending' }),
    'interimPlan',
    ['interimUrgentImaging', 'mriProtocol', 'interimSteroids', 'asmBeforeScan'],
    ['steroidsMild', 'noSteroids', 'srsOneToFour', 'followUpMri', 'contrastCtThenMri', 'seFirstLine'],
  ],
  [
    'a seizure-free patient with a negative scan gets no prophylaxis and a search for other causes',
    consult(twitching, { seizure: 'no', imagingResult: 'noMetastases' }),
    'noMetastasesPlan',
    ['noAsmProphylaxis', 'noMetsOtherCauses', 'noMetsRepeatImaging'],
    ['asmForSeizure', 'seizureWorkup', 'srsOneToFour', 'followUpMri', 'mriProtocol', 'drivingAdvice'],
  ],
  [
    'an uncertain seizure gets the work-up to decide, and neither treatment nor prophylaxis',
    consult(twitching, { seizure: 'unsure', imagingResult: 'pending' }),
    'interimPlan',
    ['seizureWorkup', 'interimUrgentImaging'],
    ['asmForSeizure', 'noAsmProphylaxis'],
  ],
  [
    'when MRI is contraindicated, the CT count is treated as a minimum',
    consult(twitching, { mriAccess: 'contraindicated' }, oneSmall, fitHer2Positive),
    'treatmentPlan',
    ['ctCountIsMinimum', 'srsOneToFour'],
    ['contrastCtThenMri', 'mriProtocol', 'contrastCtContraindicated'],
  ],
  [
    'when MRI is not available in time and the scan is pending: contrast CT now and MRI as soon as possible',
    consult(twitching, { mriAccess: 'unavailable', imagingResult: 'pending' }),
    'interimPlan',
    ['contrastCtThenMri'],
    ['contrastCtContraindicated', 'mriProtocol'],
  ],
  [
    'symptomatic mass effect without raised pressure gets 4–8 mg of dexamethasone, a taper and a surgical opinion',
    consult(twitching, { ...twoToFourSmall, massEffect: 'yes', resectable: 'yes' }, fitHer2Positive),
    'treatmentPlan',
    [
      'steroidsMild',
      'steroidTaper',
      'steroidPjp',
      'steroidGastricProtection',
      'surgeryLargeOrSymptomatic',
      'postOpCavityRadiation',
      'postOpMri',
      'retestResected',
    ],
    ['noSteroids', 'icpDexamethasone', 'surgeryManyLesions'],
  ],
  [
    'a resectable single 3–4 cm metastasis gets a neurosurgical opinion and multifraction radiosurgery as the alternative',
    consult(
      twitching,
      { lesionCount: 'one', largestLesion: 'from3to4cm', massEffect: 'no', resectable: 'yes' },
      fitHer2Positive,
    ),
    'treatmentPlan',
    ['surgeryLargeOrSymptomatic', 'hsrtThreeToFour', 'postOpCavityRadiation', 'noSteroids'],
    ['srsOneToFour', 'srsDoseSmall', 'srsOrResectionSingle', 'hsrtOverFourUnresectable'],
  ],
  [
    'a metastasis over 4 cm that cannot be resected gets multifraction radiosurgery',
    consult(
      twitching,
      { lesionCount: 'one', largestLesion: 'over4cm', massEffect: 'yes', resectable: 'no' },
      fitHer2Positive,
    ),
    'treatmentPlan',
    ['hsrtOverFourUnresectable', 'steroidsMild', 'upfrontLocalTherapy'],
    ['surgeryLargeOrSymptomatic', 'postOpCavityRadiation', 'postOpMri', 'retestResected', 'hsrtThreeToFour'],
  ],
  [
    'a resectable single small metastasis without mass effect may have radiosurgery or resection',
    consult(twitching, { ...oneSmall, resectable: 'yes' }, fitHer2Positive),
    'treatmentPlan',
    ['srsOrResectionSingle', 'srsOneToFour'],
    ['surgeryLargeOrSymptomatic', 'postOpMri'],
  ],
  [
    'five to ten metastases get radiosurgery as an option and whole-brain radiotherapy only with hippocampal avoidance and memantine',
    consult(twitching, { ...twoToFourSmall, lesionCount: 'fiveToTen' }, fitHer2Positive),
    'treatmentPlan',
    ['srsFiveToTen', 'haWbrtMemantine', 'memantineSchedule', 'haCriteria', 'srsDoseSmall'],
    ['srsOneToFour', 'extensiveSrsOrHaWbrt', 'surgeryManyLesions'],
  ],
  [
    'more than ten metastases with mass effect get radiosurgery where suitable or protected whole-brain radiotherapy',
    consult(
      twitching,
      { lesionCount: 'moreThanTen', largestLesion: 'under3cm', massEffect: 'yes', resectable: 'yes' },
      fitHer2Positive,
    ),
    'treatmentPlan',
    ['extensiveSrsOrHaWbrt', 'haWbrtMemantine', 'surgeryManyLesions', 'steroidsMild'],
    ['srsFiveToTen', 'srsOneToFour', 'surgeryLargeOrSymptomatic'],
  ],
  [
    'HER2-negative disease gets no HER2 regimens and no claimed brain-preferred regimen',
    consult(twitching, oneSmall, her2Negative('positive', { extracranial: 'progressive' })),
    'treatmentPlan',
    ['her2NegativeSystemic', 'capecitabineOption'],
    ['her2ProgressiveAlgorithm', 'tdxdOption', 'tucatinibOption', 'keepSystemicTherapy', 'tdxdHer2LowOption'],
  ],
  [
    'unknown HER2 and ER/PR status still gives the systemic advice that does not depend on them',
    consult(twitching, oneSmall, fitHer2Positive, {
      her2: 'unknown',
      hormoneReceptor: 'unknown',
      extracranial: 'none',
      her2Regimen: undefined,
    }).filter((e) => e.answer !== undefined),
    'treatmentPlan',
    ['keepSystemicTherapy'],
    ['her2NegativeSystemic', 'tdxdOption', 'hrPositiveFirstLine', 'tnbcFirstLine'],
  ],
  [
    'diffuse progression after whole-brain radiotherapy prefers systemic therapy',
    consult(progressing('wbrt', 'diffuse'), fitHer2Positive),
    'progressionPlan',
    ['progDiffuseAfterWbrt', 'progSystemicCnsActive', 'progPalliativeCare'],
    ['progLimitedAfterWbrt', 'progDiffuseAfterSrs'],
  ],
  [
    'limited progression after whole-brain radiotherapy offers radiosurgery or surgery',
    consult(progressing('wbrt', 'limited'), fitHer2Positive),
    'progressionPlan',
    ['progLimitedAfterWbrt'],
    ['progDiffuseAfterWbrt', 'progLimitedAfterSrs'],
  ],
  [
    'diffuse progression after radiosurgery offers protected whole-brain radiotherapy or systemic therapy',
    consult(progressing('srs', 'diffuse'), fitHer2Positive),
    'progressionPlan',
    ['progDiffuseAfterSrs'],
    ['progLimitedAfterSrs', 'progDiffuseAfterWbrt'],
  ],
  [
    'progression after surgery alone is treated as untreated metastases, with no radionecrosis question',
    consult(
      progressing('surgeryOnly', 'limited', { progressionSite: 'treatedSite', massEffect: 'no' }),
      fitHer2Positive,
    ),
    'progressionPlan',
    ['progLimitedAfterSurgery', 'progPalliativeCare'],
    ['progSystemicCnsActive', 'progLimitedAfterSrs', 'progDiffuseAfterSurgery', 'necrosisWorkupNeeded'],
  ],
  [
    'diffuse progression after surgery alone gets radiosurgery where suitable or protected whole-brain radiotherapy',
    consult(progressing('surgeryOnly', 'diffuse'), her2Negative('negative')),
    'progressionPlan',
    ['progDiffuseAfterSurgery', 'her2NegativeSystemic'],
    ['progLimitedAfterSurgery', 'tdxdOption'],
  ],
];

/** Rows written from the clinical review of content 1.0.1 (December 2026): E1–E14 and the gaps. */
const reviewCases: Case[] = [
  [
    'E1: a 4.5 cm resectable metastasis with raised pressure at KPS 50 keeps emergency surgery and does not lead with supportive care',
    consult(
      twitching,
      { redFlags: 'raisedIcp', seizure: 'no' },
      { lesionCount: 'one', largestLesion: 'over4cm', massEffect: 'yes', resectable: 'yes' },
      fitHer2Positive,
      poorOtherCause,
    ),
    'treatmentPlan',
    ['icpNeurosurgery', 'surgeryLargeOrSymptomatic', 'postOpCavityRadiation', 'weighLocalTherapy'],
    ['poorPrognosisSupportive', 'noSteroids', 'followUpSymptomGuided'],
  ],
  [
    'E1: HER2+/HR+, under 60, one 1.5 cm metastasis, no extracranial disease, KPS 60 gets radiosurgery',
    consult(twitching, oneSmall, fitHer2Positive, { kps: 'kps60', kpsCause: 'other', extracranial: 'none' }),
    'treatmentPlan',
    ['srsOneToFour', 'srsDoseSmall', 'weighLocalTherapy', 'followUpMri'],
    ['poorPrognosisSupportive', 'followUpSymptomGuided'],
  ],
  [
    'E1: KPS 50 caused by the metastases keeps local treatment',
    consult(twitching, twoToFourSmall, fitHer2Positive, { kps: 'kps50orLess', kpsCause: 'brainLesion' }),
    'treatmentPlan',
    ['lesionDrivenLowKps', 'srsOneToFour', 'upfrontLocalTherapy', 'followUpMri'],
    ['poorPrognosisSupportive', 'followUpSymptomGuided', 'weighLocalTherapy'],
  ],
  [
    'E1: KPS 50 from another cause without mass effect leads with supportive care and no routine MRI',
    consult(twitching, twoToFourSmall, fitHer2Positive, poorOtherCause),
    'treatmentPlan',
    ['poorPrognosisSupportive', 'followUpSymptomGuided', 'asmForSeizure'],
    ['srsOneToFour', 'upfrontLocalTherapy', 'followUpMri', 'lesionDrivenLowKps', 'srsDoseSmall'],
  ],
  [
    'E1: KPS 50 with an unsure cause says how to find out before deciding',
    consult(twitching, twoToFourSmall, fitHer2Positive, { kps: 'kps50orLess', kpsCause: 'unsure' }),
    'treatmentPlan',
    ['kpsCauseUnsure'],
    ['poorPrognosisSupportive', 'srsOneToFour', 'lesionDrivenLowKps'],
  ],
  [
    'E1: KPS 50 from another cause with symptomatic mass effect keeps surgery and steroids',
    consult(
      twitching,
      { lesionCount: 'twoToFour', largestLesion: 'from3to4cm', massEffect: 'yes', resectable: 'yes' },
      fitHer2Positive,
      poorOtherCause,
    ),
    'treatmentPlan',
    ['surgeryLargeOrSymptomatic', 'weighLocalTherapy', 'steroidsMild', 'upfrontLocalTherapy'],
    ['poorPrognosisSupportive', 'noSteroids'],
  ],
  [
    'E2: leptomeningeal disease with raised pressure defers the lumbar puncture',
    consult(leptomeningeal({ redFlags: 'raisedIcp', seizure: 'no' })),
    'leptomeningealPlan',
    ['lmDeferLp', 'icpNeurosurgery', 'lmSpineMri'],
    ['lmLumbarPuncture'],
  ],
  [
    'E2: leptomeningeal disease with hydrocephalus gets a shunt opinion and no lumbar puncture',
    consult(leptomeningeal({ massEffect: 'yes' })),
    'leptomeningealPlan',
    ['lmCsfDiversion', 'lmDeferLp'],
    ['lmLumbarPuncture'],
  ],
  [
    'E2: leptomeningeal disease without raised pressure gets the lumbar puncture with its safety checks',
    consult(leptomeningeal()),
    'leptomeningealPlan',
    ['lmLumbarPuncture', 'lmSpineMri', 'lmNeuroOncology', 'lmActiveTreatment', 'asmForSeizure'],
    ['lmDeferLp', 'srsOneToFour', 'mdtCare', 'followUpMri', 'noMetsOtherCauses'],
  ],
  [
    'E3: a lesion growing after radiosurgery without advanced imaging gets the work-up first, not re-treatment',
    consult(growingAfterSrs('notDone'), fitHer2Positive),
    'progressionPlan',
    ['necrosisWorkupNeeded', 'noSteroids', 'progPalliativeCare'],
    ['progLimitedAfterSrs', 'radionecrosisTreatment'],
  ],
  [
    'E3: imaging that favours radionecrosis gets its treatment, not re-irradiation',
    consult(growingAfterSrs('favoursNecrosis'), fitHer2Positive),
    'progressionPlan',
    ['radionecrosisTreatment'],
    ['progLimitedAfterSrs', 'necrosisWorkupNeeded', 'necrosisIndeterminate'],
  ],
  [
    'E3: imaging that favours tumour gets the progression options',
    consult(growingAfterSrs('favoursTumour'), fitHer2Positive),
    'progressionPlan',
    ['progLimitedAfterSrs', 'progSystemicCnsActive'],
    ['radionecrosisTreatment', 'necrosisWorkupNeeded'],
  ],
  [
    'E3: indeterminate imaging gets a short-interval MRI or tissue',
    consult(growingAfterSrs('indeterminate'), fitHer2Positive),
    'progressionPlan',
    ['necrosisIndeterminate'],
    ['progLimitedAfterSrs', 'radionecrosisTreatment'],
  ],
  [
    'E3: new lesions and a growing treated lesion: options for the new ones and a work-up for the treated one',
    consult(growingAfterSrs('notDone', 'both'), fitHer2Positive),
    'progressionPlan',
    ['necrosisWorkupNeeded', 'progLimitedWithNecrosis'],
    ['radionecrosisTreatment'],
  ],
  [
    'E3: mass effect at progression gets steroids and a surgical opinion',
    consult(
      progressing('srs', 'limited', { progressionSite: 'newLesions', massEffect: 'yes' }),
      fitHer2Positive,
    ),
    'progressionPlan',
    ['steroidsMild', 'progMassEffectSurgery', 'steroidTaper'],
    ['noSteroids'],
  ],
  [
    'E3 and gap 8: a patient on T-DM1 is warned of the radionecrosis risk with radiosurgery',
    consult(twitching, oneSmall, fitHer2Positive, { her2Regimen: 'tdm1' }),
    'treatmentPlan',
    ['tdm1SrsRadionecrosis', 'srsOneToFour', 'srsSystemicTiming'],
    [],
  ],
  [
    'E4: HER2-positive disease controlled on therapy keeps it, with no switch option beside it',
    consult(twitching, oneSmall, fitHer2Positive),
    'treatmentPlan',
    ['keepSystemicTherapy'],
    ['tdxdOption', 'tucatinibOption', 'her2ProgressiveAlgorithm', 'her2FirstLine'],
  ],
  [
    'E5: intracranial progression with controlled disease outside gets Rec 9.1, not "do not switch"',
    consult(progressing('srs', 'limited'), fitHer2Positive),
    'progressionPlan',
    ['progSystemicCnsActive', 'tdxdOption', 'tucatinibOption'],
    ['keepSystemicTherapy'],
  ],
  [
    'E6: HER2-positive on no systemic therapy gets first-line T-DXd with pertuzumab',
    consult(twitching, oneSmall, fitHer2Positive, { systemicTherapy: 'none', her2Regimen: undefined }).filter(
      (e) => e.answer !== undefined,
    ),
    'treatmentPlan',
    ['her2FirstLine', 'newRelapseWorkup'],
    ['tdxdOption', 'keepSystemicTherapy', 'tucatinibOption'],
  ],
  [
    'E6: progressing on trastuzumab and pertuzumab: T-DXd next, or the tucatinib regimen',
    consult(twitching, oneSmall, fitHer2Positive, { extracranial: 'progressive' }),
    'treatmentPlan',
    ['her2ProgressiveAlgorithm', 'tdxdOption', 'tucatinibOption'],
    ['neratinibOption', 'lapatinibOption', 'tdm1Option', 'her2FirstLine', 'keepSystemicTherapy'],
  ],
  [
    'E6: progressing on T-DXd in a later line: the tucatinib regimen, then the rest',
    consult(twitching, oneSmall, fitHer2Positive, {
      extracranial: 'progressive',
      systemicTherapy: 'laterLine',
      her2Regimen: 'tdxd',
    }),
    'treatmentPlan',
    ['tucatinibOption', 'neratinibOption', 'lapatinibOption', 'tdm1Option'],
    ['tdxdOption', 'her2FirstLine'],
  ],
  [
    'E6: progressing on the tucatinib regimen: T-DXd',
    consult(twitching, oneSmall, fitHer2Positive, {
      extracranial: 'progressive',
      systemicTherapy: 'laterLine',
      her2Regimen: 'tucatinibRegimen',
    }),
    'treatmentPlan',
    ['tdxdOption', 'neratinibOption'],
    ['tucatinibOption'],
  ],
  [
    'E7: a brain-only relapse on no therapy is staged, biopsied and re-tested, then treated first line by subtype',
    consult(twitching, oneSmall, her2Negative('positive', { extracranial: 'none', systemicTherapy: 'none' })),
    'treatmentPlan',
    ['newRelapseWorkup', 'hrPositiveFirstLine'],
    ['keepSystemicTherapy', 'capecitabineOption'],
  ],
  [
    'E7: a patient on therapy who is not staged is restaged before systemic therapy is decided',
    consult(twitching, oneSmall, fitHer2Positive, { extracranial: 'notStaged' }),
    'treatmentPlan',
    ['restageOnTherapy'],
    ['keepSystemicTherapy', 'her2ProgressiveAlgorithm', 'tdxdOption'],
  ],
  [
    'E8: TNBC, KPS 50 from other causes, more than ten metastases: supportive care without "do not defer" or routine MRI',
    consult(
      twitching,
      { lesionCount: 'moreThanTen', largestLesion: 'under3cm', massEffect: 'no' },
      her2Negative('negative', poorOtherCause),
    ),
    'treatmentPlan',
    ['poorPrognosisSupportive', 'followUpSymptomGuided'],
    ['followUpMri', 'upfrontLocalTherapy', 'extensiveSrsOrHaWbrt', 'haWbrtMemantine'],
  ],
  [
    'E9: focal status epilepticus is not treated with the convulsive protocol',
    consult({
      scenario: 'newSymptoms',
      redFlags: 'focalStatus',
      mriAccess: 'available',
      imagingResult: 'pending',
    }),
    'interimPlan',
    ['focalStatusPlan', 'asmBeforeScan', 'seizureRescuePlan'],
    ['seFirstLine', 'seSecondLine', 'seRefractory'],
  ],
  [
    'E9: convulsive status epilepticus gets doses, the refractory step and an EEG once stable',
    consult({
      scenario: 'newSymptoms',
      redFlags: 'statusEpilepticus',
      mriAccess: 'available',
      imagingResult: 'pending',
    }),
    'interimPlan',
    [
      'seFirstLine',
      'seSecondLine',
      'seRefractory',
      'seAfterStable',
      'seImaging',
      'asmBeforeScan',
      'interimUrgentImaging',
    ],
    ['focalStatusPlan', 'noAsmProphylaxis', 'seizureWorkup', 'icpDexamethasone'],
  ],
  [
    'E10: HER2-positive leptomeningeal disease gets CNS-active HER2 therapy and palliative care',
    consult(leptomeningeal()),
    'leptomeningealPlan',
    ['lmHer2Systemic', 'lmActiveTreatment', 'lmPalliativeCare', 'lmOnTherapy'],
    ['lmHer2LowTdxd', 'lmHer2NegativeSystemic', 'lmStartSystemic'],
  ],
  [
    'E10: HER2-low leptomeningeal disease gets T-DXd as an option',
    consult(leptomeningeal({ her2: 'low', systemicTherapy: 'none' })),
    'leptomeningealPlan',
    ['lmHer2LowTdxd', 'lmHer2NegativeSystemic', 'lmStartSystemic'],
    ['lmHer2Systemic', 'lmOnTherapy'],
  ],
  [
    'E10: leptomeningeal disease at KPS 50 from other causes leads with supportive care',
    consult(leptomeningeal(poorOtherCause)),
    'leptomeningealPlan',
    ['lmSupportiveFirst', 'lmPalliativeCare'],
    ['lmActiveTreatment'],
  ],
  [
    'E14: one seizure with a normal scan: starting a drug is an individual decision',
    consult(twitching, { imagingResult: 'noMetastases' }),
    'noMetastasesPlan',
    ['firstSeizureNormalImaging', 'noMetsOtherCauses', 'seizureRescuePlan'],
    ['asmForSeizure', 'noAsmProphylaxis'],
  ],
  [
    'Gap 5: a seizure brings levetiracetam dosing, its side effects, a rescue plan and driving advice',
    consult(twitching, oneSmall, fitHer2Positive),
    'treatmentPlan',
    ['asmForSeizure', 'asmSideEffects', 'seizureRescuePlan', 'drivingAdvice'],
    ['noAsmProphylaxis'],
  ],
  [
    'Gap 7: triple-negative on no therapy: PD-L1 and germline BRCA, pembrolizumab if CPS 10 or more',
    consult(twitching, oneSmall, her2Negative('negative', { systemicTherapy: 'none' })),
    'treatmentPlan',
    ['tnbcFirstLine', 'newRelapseWorkup'],
    ['sacituzumabTripleNegative', 'tdxdHer2LowOption', 'hrPositiveFirstLine'],
  ],
  [
    'Gap 7: triple-negative progressing on therapy: sacituzumab govitecan',
    consult(twitching, oneSmall, her2Negative('negative', { extracranial: 'progressive' })),
    'treatmentPlan',
    ['sacituzumabTripleNegative', 'capecitabineOption'],
    ['tnbcFirstLine', 'keepSystemicTherapy'],
  ],
  [
    'Gap 7: HR-positive HER2-low progressing in a later line: T-DXd, capecitabine and sacituzumab',
    consult(
      twitching,
      oneSmall,
      her2Negative('positive', { her2: 'low', extracranial: 'progressive', systemicTherapy: 'laterLine' }),
    ),
    'treatmentPlan',
    ['tdxdHer2LowOption', 'capecitabineOption', 'sacituzumabHrPositive'],
    ['tdxdOption', 'hrPositiveFirstLine'],
  ],
  [
    'Gap 7: HR-negative HER2-ultralow gets no T-DXd (its approval is after endocrine therapy)',
    consult(twitching, oneSmall, her2Negative('negative', { her2: 'ultralow', extracranial: 'progressive' })),
    'treatmentPlan',
    ['sacituzumabTripleNegative'],
    ['tdxdHer2LowOption'],
  ],
  [
    'Gap 7: triple-negative on no therapy with steroids is told to keep them low with pembrolizumab',
    consult(
      twitching,
      { ...twoToFourSmall, massEffect: 'yes', resectable: 'no' },
      her2Negative('negative', { systemicTherapy: 'none' }),
    ),
    'treatmentPlan',
    ['steroidsWithImmunotherapy', 'steroidsMild'],
    [],
  ],
  [
    'Gap 8: no seizure and no mass effect in HER2-positive disease about to start a HER2 regimen names the deferral criteria, not "local first"',
    consult(twitching, { seizure: 'no' }, oneSmall, fitHer2Positive, { systemicTherapy: 'none' }).filter(
      (e) => e.question !== 'her2Regimen',
    ),
    'treatmentPlan',
    ['deferralCriteria', 'srsOneToFour', 'her2FirstLine'],
    ['upfrontLocalTherapy', 'keepSystemicTherapy'],
  ],
];

const nextLineDrugs = [
  'tdxdOption',
  'tucatinibOption',
  'neratinibOption',
  'lapatinibOption',
  'tdm1Option',
  'capecitabineOption',
  'sacituzumabHrPositive',
  'sacituzumabTripleNegative',
  'tdxdHer2LowOption',
  'hrPositiveBiomarkers',
];
/** TNBC, second line or later, progressing in the liver, 60 or over. */
const tnbcLiverProgression: Answers = {
  age: 'sixtyOrOver',
  her2: 'negative',
  hormoneReceptor: 'negative',
  extracranial: 'progressive',
  systemicTherapy: 'laterLine',
};

/** Rows written from the second clinical review (of content 2.0.2, 7 December 2026): M1–M9 and m1–m10. */
const review3Cases: Case[] = [
  [
    'M1: KPS 60 from the liver, 2–4 small asymptomatic metastases: radiosurgery only if systemic options remain, palliative care now',
    consult(
      twitching,
      { seizure: 'no' },
      twoToFourSmall,
      { kps: 'kps60', kpsCause: 'other' },
      tnbcLiverProgression,
    ),
    'treatmentPlan',
    ['radiotherapyIfSystemicOptions', 'palliativeCareNow'],
    ['srsOneToFour', 'upfrontLocalTherapy', 'palliativeCareAlongside'],
  ],
  [
    'M1: KPS 50 or less, no symptoms from the metastases: no radiotherapy (ASCO-SNO-ASTRO Rec 3.1), palliative care, no drug named',
    consult(twitching, { seizure: 'no' }, twoToFourSmall, poorOtherCause, tnbcLiverProgression),
    'treatmentPlan',
    ['noRadiotherapyAsymptomatic', 'palliativeCareNow', 'systemicAtPoorPs', 'followUpSymptomGuided'],
    ['srsOneToFour', 'poorPrognosisSupportive', 'followUpMri', ...nextLineDrugs],
  ],
  [
    'M1: 84-year-old, KPS 60 from frailty, GPA 1 with a seizure: radiosurgery stays, palliative care is involved now',
    consult(twitching, twoToFourSmall, her2Negative('positive', { age: 'sixtyOrOver' }), {
      kps: 'kps60',
      kpsCause: 'other',
    }),
    'treatmentPlan',
    ['srsOneToFour', 'palliativeCareNow', 'weighLocalTherapy'],
    ['radiotherapyIfSystemicOptions', 'noRadiotherapyAsymptomatic', 'palliativeCareAlongside'],
  ],
  [
    'M1: a fit patient in the lowest GPA band gets palliative care now beside radiosurgery',
    consult(
      twitching,
      twoToFourSmall,
      { kps: 'kps90to100' },
      { ...tnbcLiverProgression, extracranial: 'controlled', systemicTherapy: 'firstLine' },
    ),
    'treatmentPlan',
    ['srsOneToFour', 'palliativeCareNow'],
    ['palliativeCareAlongside'],
  ],
  [
    'M2: radionecrosis favoured, HER2+ on T-DXd, controlled outside: keep the therapy, no switch, no T-DM1, no Rec 9.1',
    consult(growingAfterSrs('favoursNecrosis'), fitHer2Positive, {
      her2Regimen: 'tdxd',
      systemicTherapy: 'laterLine',
    }),
    'progressionPlan',
    ['radionecrosisTreatment', 'keepSystemicTherapy', 'radionecrosisNotProgression'],
    [...nextLineDrugs, 'progSystemicCnsActive', 'her2ProgressiveAlgorithm'],
  ],
  [
    'M2: indeterminate lesion after WBRT, HR+/HER2−, controlled: settle it first, no capecitabine',
    consult(
      progressing('wbrt', 'limited', {
        progressionSite: 'treatedSite',
        necrosisWorkup: 'indeterminate',
        massEffect: 'no',
      }),
      her2Negative('positive'),
    ),
    'progressionPlan',
    ['necrosisIndeterminate', 'keepSystemicTherapy', 'radionecrosisNotProgression'],
    [...nextLineDrugs, 'progSystemicCnsActive', 'progLimitedAfterWbrt'],
  ],
  [
    'M2: new lesions after radiosurgery, HER2+, controlled outside: a CNS-active regimen may be discussed beside re-treatment',
    consult(progressing('srs', 'limited'), fitHer2Positive),
    'progressionPlan',
    ['progSystemicCnsActive', 'tdxdOption', 'progLimitedAfterSrs'],
    ['keepSystemicTherapy', 'radionecrosisNotProgression'],
  ],
  [
    'M3: raised pressure and no metastasis: review the dexamethasone, find the cause, no emergency CT, no high-dose order',
    consult(twitching, { redFlags: 'raisedIcp', seizure: 'no', imagingResult: 'noMetastases' }),
    'noMetastasesPlan',
    ['noMetsSteroidReview', 'noMetsIcpCause', 'icpNeurosurgery'],
    ['icpDexamethasone', 'icpUrgentCt', 'nonContrastCtOnlyEmergency', 'noMetsOtherCauses', 'steroidTaper'],
  ],
  [
    'M4: one seizure, contrast CT negative, MRI not yet possible: MRI first, no "normal scan"',
    consult(twitching, { mriAccess: 'unavailable', imagingResult: 'noMetastases' }),
    'noMetastasesPlan',
    ['noMetsCtOnly', 'firstSeizureAwaitingMri'],
    ['firstSeizureNormalImaging', 'noMetsRepeatImaging'],
  ],
  [
    'M5: HER2+/HR+ on first-line THP, controlled, 2–4 small asymptomatic metastases: keep the therapy, no deferral',
    consult(twitching, { seizure: 'no' }, twoToFourSmall, fitHer2Positive),
    'treatmentPlan',
    ['keepSystemicTherapy', 'srsOneToFour'],
    ['deferralCriteria', 'upfrontLocalTherapy'],
  ],
  [
    'M6: on T-DXd, liver progression, KPS 40 from it, with a seizure: supportive care first, no next-line drug anywhere',
    consult(twitching, twoToFourSmall, fitHer2Positive, poorOtherCause, {
      extracranial: 'progressive',
      systemicTherapy: 'laterLine',
      her2Regimen: 'tdxd',
    }),
    'treatmentPlan',
    ['poorPrognosisSupportive', 'systemicAtPoorPs', 'palliativeCareNow'],
    [...nextLineDrugs, 'her2ProgressiveAlgorithm', 'srsOneToFour'],
  ],
  [
    'M6: leptomeningeal disease at KPS 40 from another cause: no "change the regimen", LP only if it changes care',
    consult(leptomeningeal({ kps: 'kps50orLess', kpsCause: 'other' })),
    'leptomeningealPlan',
    ['lmSupportiveFirst', 'systemicAtPoorPs', 'lmLpOnlyIfChanges'],
    ['lmOnTherapy', 'lmHer2Systemic', 'lmActiveTreatment', 'lmLumbarPuncture'],
  ],
  [
    'M7: HR+/HER2-ultralow progressing on first line: biomarker step, ultralow T-DXd, germline BRCA',
    consult(twitching, oneSmall, her2Negative('positive', { her2: 'ultralow', extracranial: 'progressive' })),
    'treatmentPlan',
    ['hrPositiveBiomarkers', 'tdxdHer2UltralowOption', 'germlineBrca'],
    ['tdxdHer2LowOption', 'keepSystemicTherapy'],
  ],
  [
    'M8: cavity recurrence after surgery alone, HER2+/HR+ on first-line THP, controlled: keep the therapy, no switch',
    consult(
      progressing('surgeryOnly', 'limited', { progressionSite: 'treatedSite', massEffect: 'no' }),
      fitHer2Positive,
    ),
    'progressionPlan',
    ['progLimitedAfterSurgery', 'keepSystemicTherapy'],
    [...nextLineDrugs, 'progSystemicCnsActive'],
  ],
  [
    'm1: 5–10 lesions with one over 4 cm that cannot be resected: the large lesion first, not "radiosurgery to each"',
    consult(
      twitching,
      { lesionCount: 'fiveToTen', largestLesion: 'over4cm', massEffect: 'yes', resectable: 'no' },
      fitHer2Positive,
    ),
    'treatmentPlan',
    ['fiveToTenLargeLesion', 'hsrtOverFourUnresectable', 'haWbrtMemantine'],
    ['srsFiveToTen'],
  ],
  [
    'm7: diffuse progression after radiosurgery gives HA-WBRT with its dose and criteria',
    consult(progressing('srs', 'diffuse'), fitHer2Positive),
    'progressionPlan',
    ['progDiffuseAfterSrs', 'haWbrtMemantine', 'haCriteria', 'memantineSchedule'],
    [],
  ],
  [
    'm10: MRI contraindicated: contrast CT follow-up, not MRI',
    consult(twitching, { mriAccess: 'contraindicated' }, oneSmall, fitHer2Positive),
    'treatmentPlan',
    ['followUpCt'],
    ['followUpMri'],
  ],
];

describe('clinical cases run through the statechart and the recommendation builder', () => {
  it.each([...cases, ...reviewCases, ...review3Cases])('%s', (_name, entries, outcome, include, forbid) => {
    const { outcomeId, r } = run(entries);
    expect(outcomeId).toBe(outcome);
    const ids = itemIds(r);
    expect(ids).toEqual(expect.arrayContaining(include));
    expect(ids.filter((id) => forbid.includes(id))).toEqual([]);
  });

  it('checks every item id it names against the content', () => {
    const known = new Set(pathway.items.map((i) => i.id));
    const named = [...cases, ...reviewCases].flatMap(([, , , include, forbid]) => [...include, ...forbid]);
    expect(named.filter((id) => !known.has(id))).toEqual([]);
  });
});

type UnknownCase = [name: string, entries: AnswerEntry[], expected: string[], forbid: string[]];
const unknownCases: UnknownCase[] = [
  [
    'a pending scan says to resume the consult when the result is back',
    consult(twitching, { imagingResult: 'pending' }),
    ['imagingPending'],
    ['seizureUnclear', 'mriStillNeeded'],
  ],
  [
    'an uncertain seizure is listed as unknown, with what to do',
    consult(twitching, { seizure: 'unsure', imagingResult: 'pending' }),
    ['seizureUnclear', 'imagingPending'],
    [],
  ],
  [
    'a CT-only diagnosis while MRI is unavailable asks for the MRI later',
    consult(twitching, { mriAccess: 'unavailable' }, oneSmall, fitHer2Positive),
    ['mriStillNeeded'],
    ['imagingPending', 'her2Unknown'],
  ],
  [
    'a contraindicated MRI is not listed as missing',
    consult(twitching, { mriAccess: 'contraindicated' }, oneSmall, fitHer2Positive),
    [],
    ['mriStillNeeded'],
  ],
  [
    'unknown receptors ask for testing, including the resected metastasis',
    consult(twitching, oneSmall, her2Negative('positive', { her2: 'unknown', hormoneReceptor: 'unknown' })),
    ['her2Unknown', 'hormoneReceptorUnknown'],
    [],
  ],
  [
    'E7: extracranial disease not staged is an unknown with what to do',
    consult(twitching, oneSmall, fitHer2Positive, { extracranial: 'notStaged' }),
    ['extracranialNotStaged'],
    [],
  ],
  [
    'a progression consult notes that the lesion count behind the GPA was not asked',
    consult(progressing('srs', 'limited'), fitHer2Positive),
    ['lesionCountNotAsked'],
    ['her2Unknown'],
  ],
];

describe('what the consult could not settle', () => {
  it.each(unknownCases)('%s', (_name, entries, expected, forbid) => {
    const { r } = run(entries);
    const ids = r.unknowns.map((u) => u.id);
    expect(ids).toEqual(expect.arrayContaining(expected));
    expect(ids.filter((id) => forbid.includes(id))).toEqual([]);
    for (const u of r.unknowns) expect(u.action.length).toBeGreaterThan(0);
  });

  it('gives a range for the Breast GPA when HER2 and ER/PR are unknown', () => {
    const { r } = run(
      consult(twitching, oneSmall, her2Negative('positive', { her2: 'unknown', hormoneReceptor: 'unknown' })),
    );
    expect(r.prognosis?.exact).toBe(false);
    expect(r.prognosis?.missing).toEqual(expect.arrayContaining(['her2', 'hormoneReceptor']));
  });

  it('computes an exact Breast GPA when every input is known', () => {
    const { r } = run(consult(twitching, oneSmall, fitHer2Positive));
    expect(r.prognosis).toMatchObject({ exact: true, min: 3.5, max: 3.5 });
  });

  it('E1: the review’s KPS 60 example scores 3.0, in the 23.5-month band', () => {
    const { r } = run(
      consult(twitching, oneSmall, fitHer2Positive, {
        kps: 'kps60',
        kpsCause: 'other',
        extracranial: 'none',
      }),
    );
    expect(r.prognosis).toMatchObject({ exact: true, min: 3, max: 3 });
    expect(r.prognosis?.bands.map((b) => b.medianMonths)).toEqual([23.5]);
  });

  it('"not staged" leaves the extracranial factor open, so the GPA is a range', () => {
    const { r } = run(consult(twitching, oneSmall, fitHer2Positive, { extracranial: 'notStaged' }));
    expect(r.prognosis).toMatchObject({ exact: false, min: 3.5, max: 4 });
    expect(r.prognosis?.missing).toEqual(['extracranial']);
  });

  it('E11: at intracranial progression the GPA says it is not validated there', () => {
    const { r } = run(consult(progressing('srs', 'limited'), fitHer2Positive));
    expect(r.prognosis?.caveats.map((c) => c.text).join(' ')).toMatch(
      /^Not validated at intracranial progression/,
    );
    const fresh = run(consult(twitching, oneSmall, fitHer2Positive)).r;
    expect(JSON.stringify(fresh.prognosis)).not.toMatch(/Not validated/);
  });

  it('never shows the GPA for leptomeningeal disease', () => {
    expect(run(consult(leptomeningeal())).r.prognosis).toBeUndefined();
  });

  it('shows the lowest band’s median labelled as the calculator’s, with the KPS caveat (review m5)', () => {
    const { r } = run(consult(twitching, twoToFourSmall, her2Negative('negative', poorOtherCause)));
    const band = r.prognosis?.bands[0];
    expect(band).toMatchObject({ min: 0, max: 1, medianMonths: 6, label: 'calculator value' });
    expect(r.prognosis?.note).toMatch(/3 months/);
    expect(r.prognosis?.caveats.map((c) => c.short)).toEqual(['may overstate at KPS ≤50']);
    // At KPS 60 the pooled level fits: no caveat.
    const at60 = run(
      consult(twitching, twoToFourSmall, her2Negative('negative', { ...poorOtherCause, kps: 'kps60' })),
    );
    expect(at60.r.prognosis?.caveats).toEqual([]);
  });
});

describe('how the advice is shown', () => {
  it('shows emergency items first, flagged urgent, in the immediate section', () => {
    const { r } = run(consult(twitching, { redFlags: 'raisedIcp' }, oneSmall, fitHer2Positive));
    expect(r.sections[0]?.id).toBe('immediate');
    // The emergency CT is ordered while the scan is pending, not in the plan after it (review m9).
    for (const id of ['icpDexamethasone', 'icpSupportive', 'icpNeurosurgery', 'icpHyperosmolar'])
      expect(itemOf(r, id)).toMatchObject({ urgent: true });
    expect(itemOf(r, 'srsOneToFour')?.urgent).toBe(false);
  });

  it.each([
    ['icpDexamethasone', consult(twitching, { redFlags: 'raisedIcp' }, oneSmall, fitHer2Positive)],
    ['steroidsMild', consult(twitching, { ...oneSmall, massEffect: 'yes' }, fitHer2Positive)],
    ['noSteroids', consult(twitching, oneSmall, fitHer2Positive)],
    ['interimSteroids', consult(twitching, { imagingResult: 'pending' })],
    ['asmForSeizure', consult(twitching, oneSmall, fitHer2Positive)],
    ['noAsmProphylaxis', consult(twitching, { seizure: 'no', imagingResult: 'pending' })],
    ['srsOneToFour', consult(twitching, oneSmall, fitHer2Positive)],
    [
      'srsFiveToTen',
      consult(
        twitching,
        { lesionCount: 'fiveToTen', largestLesion: 'under3cm', massEffect: 'no' },
        fitHer2Positive,
      ),
    ],
    ['poorPrognosisSupportive', consult(twitching, oneSmall, fitHer2Positive, poorOtherCause)],
    [
      'her2ProgressiveAlgorithm',
      consult(twitching, oneSmall, fitHer2Positive, { extracranial: 'progressive' }),
    ],
    ['progLimitedAfterSrs', consult(progressing('srs', 'limited'), fitHer2Positive)],
  ])('notes where %s departs from the seed article, for reviewers only', (id, entries) => {
    const item = itemOf(run(entries).r, id);
    expect(item).toBeDefined();
    // The note is in the content (docs/pathway.md), never carried into what users are shown.
    expect(pathway.items.find((i) => i.id === id)?.seedNote).toMatch(/seed/i);
    expect(JSON.stringify(item)).not.toMatch(/seed/i);
  });

  it('labels unverified statements as such', () => {
    expect(
      itemOf(run(consult(twitching, { seizure: 'unsure', imagingResult: 'pending' })).r, 'seizureWorkup'),
    ).toMatchObject({
      evidence: 'unverified',
    });
    const pitfall = run(consult(growingAfterSrs('notDone'), fitHer2Positive)).r.pitfalls.find(
      (p) => p.id === 'noReirradiationBeforeNecrosisExcluded',
    );
    expect(pitfall?.evidence).toBe('unverified');
  });

  it('gathers the pitfalls that apply to the case', () => {
    const { r } = run(consult(twitching, { mriAccess: 'unavailable' }, oneSmall, fitHer2Positive));
    expect(r.pitfalls.map((p) => p.id)).toEqual(
      expect.arrayContaining([
        'nonContrastCtMisses',
        'steroidsOnlyForSymptoms',
        'noDeferralWhenSymptomatic',
        'dontStopWorkingSystemic',
        'noSurvivalFromMemory',
      ]),
    );
    // HER2 tyrosine-kinase inhibitors and capecitabine are not among this patient's options: no warnings about them.
    expect(r.pitfalls.map((p) => p.id)).not.toContain('enzymeInducersHer2Tkis');
    expect(r.pitfalls.map((p) => p.id)).not.toContain('capecitabineBoxedWarning');
    const switching = run(consult(twitching, oneSmall, fitHer2Positive, { extracranial: 'progressive' })).r;
    expect(switching.pitfalls.map((p) => p.id)).toEqual(
      expect.arrayContaining(['enzymeInducersHer2Tkis', 'capecitabineBoxedWarning']),
    );
  });

  it('point 4: a HER2-negative consult names no HER2 drug, not even in an interaction warning', () => {
    const { r } = run(
      consult(twitching, oneSmall, her2Negative('positive', { extracranial: 'progressive' })),
    );
    const shown = [
      ...r.sections.flatMap((s) => s.items.map((i) => i.text)),
      ...r.pitfalls.map((p) => p.text),
    ];
    expect(
      shown.filter((t) => /tucatinib|neratinib|lapatinib|trastuzumab|pertuzumab|T-DM1|T-DXd/i.test(t)),
    ).toEqual([]);
    expect(r.pitfalls.map((p) => p.id)).toContain('enzymeInducingAsms');
    expect(r.pitfalls.map((p) => p.id)).not.toContain('enzymeInducersHer2Tkis');
  });

  it('E8: supportive care never comes with "do not defer local treatment"', () => {
    const { r } = run(consult(twitching, twoToFourSmall, her2Negative('negative', poorOtherCause)));
    expect(r.pitfalls.map((p) => p.id)).not.toContain('noDeferralWhenSymptomatic');
  });

  it('E12: the neratinib option warns against proton-pump inhibitors and H2 blockers, and says to stop a PPI', () => {
    const { r } = run(
      consult(twitching, oneSmall, fitHer2Positive, {
        extracranial: 'progressive',
        systemicTherapy: 'laterLine',
        her2Regimen: 'tdxd',
      }),
    );
    expect(itemOf(r, 'neratinibOption')?.text).toMatch(/with a proton-pump inhibitor.*stop it.*H2 blockers/);
  });

  it("never shows the seed article's unsourced receptor survival figures", () => {
    const texts = [
      ...pathway.items.flatMap((i) => [i.text, i.seedNote ?? '']),
      ...pathway.pitfalls.flatMap((p) => [p.text, p.seedNote ?? '']),
      ...pathway.unknowns.flatMap((u) => [u.text, u.action]),
      ...pathway.questions.flatMap((q) => [q.prompt, q.why]),
    ];
    expect(texts.filter((t) => /21\.9|12\.5 months/.test(t))).toEqual([]);
  });

  it('cites the guideline recommendation number for guideline-based items', () => {
    const { r } = run(consult(twitching, oneSmall, fitHer2Positive, { extracranial: 'progressive' }));
    expect(itemOf(r, 'her2ProgressiveAlgorithm')?.refs[0]).toMatchObject({
      point: 'Rec 8.2',
      strength: 'Moderate',
    });
    expect(itemOf(r, 'srsOneToFour')?.refs[0]).toMatchObject({ strength: 'Strong, high-quality evidence' });
  });
});

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
const fitHer2Positive: Answers = {
  kps: 'kps90to100',
  age: 'under60',
  her2: 'positive',
  hormoneReceptor: 'positive',
  extracranial: 'controlled',
};
const oneSmall: Answers = {
  lesionCount: 'one',
  largestLesion: 'under3cm',
  massEffect: 'no',
  resectable: 'no',
};
const progressing = (priorBrainTreatment: string, progressionPattern: string): Answers =>
  ({
    scenario: 'knownProgression',
    redFlags: 'none',
    seizure: 'no',
    priorBrainTreatment,
    progressionPattern,
  }) as Answers;

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

const cases: Case[] = [
  [
    'a twitching patient with one small metastasis gets an anti-seizure drug, no steroids and radiosurgery',
    consult(twitching, oneSmall, fitHer2Positive),
    'treatmentPlan',
    [
      'asmForSeizure',
      'mriProtocol',
      'noSteroids',
      'upfrontLocalTherapy',
      'srsOneToFour',
      'srsDoseSmall',
      'mdtCare',
    ],
    [
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
    'raised intracranial pressure brings the emergency items, high-dose dexamethasone and a taper plan',
    consult(
      twitching,
      { redFlags: 'raisedIcp', seizure: 'no' },
      { lesionCount: 'one', largestLesion: 'over4cm', massEffect: 'yes', resectable: 'yes' },
      fitHer2Positive,
    ),
    'treatmentPlan',
    [
      'icpUrgentCt',
      'icpDexamethasone',
      'icpSupportive',
      'icpNeurosurgery',
      'icpHyperosmolar',
      'nonContrastCtOnlyEmergency',
      'steroidTaper',
      'steroidPjp',
      'noAsmProphylaxis',
    ],
    ['steroidsMild', 'noSteroids', 'steroidGastricProtection', 'asmForSeizure', 'seFirstLine'],
  ],
  [
    'status epilepticus skips the seizure question and gives a benzodiazepine, a second-line drug and ongoing treatment',
    consult({
      scenario: 'newSymptoms',
      redFlags: 'statusEpilepticus',
      mriAccess: 'available',
      imagingResult: 'pending',
    }),
    'interimPlan',
    ['seFirstLine', 'seSecondLine', 'asmForSeizure', 'interimUrgentImaging', 'interimSteroids'],
    ['noAsmProphylaxis', 'seizureWorkup', 'icpDexamethasone', 'icpUrgentCt'],
  ],
  [
    'a scan still to be done gives the interim plan: order the MRI, steroids only for oedema, treat the seizure',
    consult(twitching, { imagingResult: 'pending' }),
    'interimPlan',
    ['interimUrgentImaging', 'mriProtocol', 'interimSteroids', 'asmForSeizure'],
    ['steroidsMild', 'noSteroids', 'srsOneToFour', 'followUpMri', 'contrastCtThenMri', 'seFirstLine'],
  ],
  [
    'a seizure-free patient with a negative scan gets no prophylaxis and a search for other causes',
    consult(twitching, { seizure: 'no', imagingResult: 'noMetastases' }),
    'noMetastasesPlan',
    ['noAsmProphylaxis', 'noMetsOtherCauses', 'noMetsRepeatImaging', 'mriProtocol'],
    ['asmForSeizure', 'seizureWorkup', 'srsOneToFour', 'followUpMri'],
  ],
  [
    'an uncertain seizure gets the work-up to decide, and neither treatment nor prophylaxis',
    consult(twitching, { seizure: 'unsure', imagingResult: 'pending' }),
    'interimPlan',
    ['seizureWorkup', 'interimUrgentImaging'],
    ['asmForSeizure', 'noAsmProphylaxis'],
  ],
  [
    'when MRI is contraindicated, contrast CT is used and its lesion count treated as a minimum',
    consult(twitching, { mriAccess: 'contraindicated' }, oneSmall, fitHer2Positive),
    'treatmentPlan',
    ['contrastCtContraindicated', 'srsOneToFour'],
    ['contrastCtThenMri', 'mriProtocol'],
  ],
  [
    'when MRI is not available in time, contrast CT now and MRI as soon as possible',
    consult(twitching, { mriAccess: 'unavailable' }, oneSmall, fitHer2Positive),
    'treatmentPlan',
    ['contrastCtThenMri'],
    ['contrastCtContraindicated', 'mriProtocol'],
  ],
  [
    'leptomeningeal disease leaves the pathway for spine MRI, CSF cytology and neuro-oncology',
    consult(twitching, { imagingResult: 'leptomeningeal' }),
    'leptomeningealPlan',
    ['lmWorkup', 'lmNeuroOncology', 'lmWbrtHer2', 'asmForSeizure'],
    ['srsOneToFour', 'followUpMri', 'noMetsOtherCauses', 'mdtCare'],
  ],
  [
    'symptomatic mass effect without raised pressure gets 4–8 mg of dexamethasone, a taper and a surgical opinion',
    consult(
      twitching,
      { lesionCount: 'twoToFour', largestLesion: 'under3cm', massEffect: 'yes', resectable: 'yes' },
      fitHer2Positive,
    ),
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
      'srsOneToFour',
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
    consult(
      twitching,
      { lesionCount: 'fiveToTen', largestLesion: 'under3cm', massEffect: 'no' },
      fitHer2Positive,
    ),
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
    'a poor performance status leads with supportive and palliative care, not routine radiation',
    consult(
      twitching,
      { lesionCount: 'twoToFour', largestLesion: 'under3cm', massEffect: 'no' },
      fitHer2Positive,
      { kps: 'kps60orLess' },
    ),
    'treatmentPlan',
    ['poorPrognosisSupportive', 'noSteroids', 'followUpMri'],
    ['srsOneToFour', 'upfrontLocalTherapy', 'srsDoseSmall', 'haWbrtMemantine'],
  ],
  [
    'controlled disease outside the brain keeps its systemic therapy, with the HER2 qualifier',
    consult(twitching, oneSmall, fitHer2Positive),
    'treatmentPlan',
    ['keepSystemicTherapy', 'her2StableSwitchOption'],
    ['her2ProgressiveAlgorithm', 'tdxdOption', 'tucatinibOption', 'her2NegativeSystemic'],
  ],
  [
    'HER2-positive disease progressing outside the brain gets the brain-active options by line of therapy',
    consult(twitching, oneSmall, fitHer2Positive, { extracranial: 'progressive' }),
    'treatmentPlan',
    [
      'her2ProgressiveAlgorithm',
      'tdxdOption',
      'tucatinibOption',
      'neratinibOption',
      'lapatinibOption',
      'tdm1Option',
    ],
    ['keepSystemicTherapy', 'her2StableSwitchOption', 'her2NegativeSystemic'],
  ],
  [
    'HER2-negative disease gets no HER2 regimens and no claimed brain-preferred regimen',
    consult(twitching, oneSmall, fitHer2Positive, { her2: 'negative', extracranial: 'progressive' }),
    'treatmentPlan',
    ['her2NegativeSystemic'],
    [
      'her2ProgressiveAlgorithm',
      'tdxdOption',
      'tucatinibOption',
      'her2StableSwitchOption',
      'keepSystemicTherapy',
    ],
  ],
  [
    'unknown HER2 and ER/PR status still gives the systemic advice that does not depend on them',
    consult(twitching, oneSmall, fitHer2Positive, {
      her2: 'unknown',
      hormoneReceptor: 'unknown',
      extracranial: 'none',
    }),
    'treatmentPlan',
    ['keepSystemicTherapy'],
    ['her2StableSwitchOption', 'her2NegativeSystemic', 'tdxdOption'],
  ],
  [
    'limited progression after radiosurgery offers repeat radiosurgery, surgery or protected whole-brain radiotherapy',
    consult(progressing('srs', 'limited'), fitHer2Positive),
    'progressionPlan',
    [
      'progLimitedAfterSrs',
      'progSystemicCnsActive',
      'progPalliativeCare',
      'progClinicalTrial',
      'mdtCare',
      'followUpMri',
      'tdxdOption',
    ],
    ['progDiffuseAfterSrs', 'upfrontLocalTherapy', 'srsOneToFour', 'mriProtocol', 'interimUrgentImaging'],
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
    'progression after surgery alone is treated as untreated metastases',
    consult(progressing('surgeryOnly', 'limited'), fitHer2Positive),
    'progressionPlan',
    ['progLimitedAfterSurgery', 'progPalliativeCare'],
    ['progSystemicCnsActive', 'progLimitedAfterSrs', 'progDiffuseAfterSurgery'],
  ],
  [
    'diffuse progression after surgery alone gets radiosurgery where suitable or protected whole-brain radiotherapy',
    consult(progressing('surgeryOnly', 'diffuse'), fitHer2Positive, { her2: 'negative' }),
    'progressionPlan',
    ['progDiffuseAfterSurgery', 'her2NegativeSystemic'],
    ['progLimitedAfterSurgery', 'tdxdOption'],
  ],
  [
    'raised pressure in a progression consult gets the emergency items but not the new-diagnosis imaging advice',
    consult({ ...progressing('srs', 'diffuse'), redFlags: 'raisedIcp' }, fitHer2Positive, {
      kps: 'kps60orLess',
    }),
    'progressionPlan',
    ['icpDexamethasone', 'icpUrgentCt', 'steroidTaper', 'poorPrognosisSupportive'],
    ['nonContrastCtOnlyEmergency', 'steroidsMild', 'noSteroids', 'mriProtocol'],
  ],
];

describe('clinical cases run through the statechart and the recommendation builder', () => {
  it.each(cases)('%s', (_name, entries, outcome, include, forbid) => {
    const { outcomeId, r } = run(entries);
    expect(outcomeId).toBe(outcome);
    const ids = itemIds(r);
    expect(ids).toEqual(expect.arrayContaining(include));
    expect(ids.filter((id) => forbid.includes(id))).toEqual([]);
  });

  it('checks every item id it names against the content', () => {
    const known = new Set(pathway.items.map((i) => i.id));
    const named = cases.flatMap(([, , , include, forbid]) => [...include, ...forbid]);
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
    consult(twitching, oneSmall, fitHer2Positive, { her2: 'unknown', hormoneReceptor: 'unknown' }),
    ['her2Unknown', 'hormoneReceptorUnknown'],
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
      consult(twitching, oneSmall, fitHer2Positive, { her2: 'unknown', hormoneReceptor: 'unknown' }),
    );
    expect(r.prognosis?.exact).toBe(false);
    expect(r.prognosis?.missing).toEqual(expect.arrayContaining(['her2', 'hormoneReceptor']));
  });

  it('computes an exact Breast GPA when every input is known', () => {
    const { r } = run(consult(twitching, oneSmall, fitHer2Positive));
    expect(r.prognosis).toMatchObject({ exact: true, min: 3.5, max: 3.5 });
  });
});

describe('how the advice is shown', () => {
  it('shows emergency items first, flagged urgent, in the immediate section', () => {
    const { r } = run(consult(twitching, { redFlags: 'raisedIcp' }, oneSmall, fitHer2Positive));
    expect(r.sections[0]?.id).toBe('immediate');
    for (const id of [
      'icpUrgentCt',
      'icpDexamethasone',
      'icpSupportive',
      'icpNeurosurgery',
      'icpHyperosmolar',
    ])
      expect(itemOf(r, id)).toMatchObject({ urgent: true });
    expect(itemOf(r, 'srsOneToFour')?.urgent).toBe(false);
  });

  it.each([
    ['icpDexamethasone', consult(twitching, { redFlags: 'raisedIcp' }, oneSmall, fitHer2Positive)],
    ['steroidsMild', consult(twitching, { ...oneSmall, massEffect: 'yes' }, fitHer2Positive)],
    ['noSteroids', consult(twitching, oneSmall, fitHer2Positive)],
    ['interimSteroids', consult(twitching, { imagingResult: 'pending' })],
    ['asmForSeizure', consult(twitching, { imagingResult: 'pending' })],
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
    ['poorPrognosisSupportive', consult(twitching, oneSmall, fitHer2Positive, { kps: 'kps60orLess' })],
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
    const pitfall = run(consult(twitching, { imagingResult: 'pending' })).r.pitfalls.find(
      (p) => p.id === 'enzymeInducingAsms',
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

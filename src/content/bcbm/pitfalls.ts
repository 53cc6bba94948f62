import type { PathwayInput } from '../schema';
import {
  all,
  any,
  ascoHer2,
  her2NegativeFamily,
  her2Positive,
  is,
  leptomeningeal,
  local,
  massEffect,
  newSymptoms,
  parenchymal,
  pending,
  progression,
  raisedIcp,
  seizureHappened,
  switching,
  symptomatic,
  systemic,
  treated,
  treatingLocally,
} from './when';

/** Where a systemic option is on the table: a change, or leptomeningeal disease treated actively. */
const systemicOptions = any(switching, all(leptomeningeal, systemic('startFirstLine', 'discussChange')));

/**
 * Pitfalls: shown at their questions, and gathered with the recommendation when `when` holds. A pitfall
 * gathered with a recommendation names only drugs that apply to the patient (checked by a test).
 */
export const pitfalls: PathwayInput['pitfalls'] = [
  {
    id: 'twitchNotBenign',
    text: 'Do not put new facial twitching down as benign without brain imaging: a seizure is the first sign of a brain tumour in 20–40% of patients.',
    when: is('imagingResult', 'pending', 'noMetastases'),
    refs: [{ citation: 'walbert2021', point: 'introduction' }, ascoHer2('Rec 10.2')],
    evidence: 'verified',
  },
  {
    id: 'statusEpilepticusEscalate',
    text: 'A convulsive seizure lasting 5 minutes or more, or seizures without recovery in between, is status epilepticus: emergency treatment, not the outpatient consult. Continuous focal twitching is focal status epilepticus: urgent, but not the convulsive anaesthetic protocol.',
    when: is('seizure', 'yes', 'unsure'),
    refs: [
      { citation: 'glauser2016', point: 'convulsive status: definition' },
      { citation: 'trinka2015', point: 'time points' },
    ],
    evidence: 'secondary',
  },
  {
    id: 'noProphylaxisWithoutSeizure',
    text: 'Do not start anti-seizure medicine "just in case" in a patient who has not had a seizure: prophylaxis does not help and should not be given.',
    when: is('seizure', 'no', 'unsure'),
    refs: [{ citation: 'walbert2021', strength: 'Level A' }],
    evidence: 'verified',
  },
  {
    id: 'enzymeInducingAsms',
    text: 'Avoid enzyme-inducing anti-seizure drugs (phenytoin, carbamazepine, phenobarbital): they speed up the breakdown of dexamethasone and of many cancer drugs, and capecitabine can raise phenytoin levels.',
    when: seizureHappened,
    refs: [
      { citation: 'phenytoinLabel', point: 'enzyme induction; capecitabine raises phenytoin levels' },
      { citation: 'walbert2021', point: 'levetiracetam over older drugs' },
    ],
    evidence: 'secondary',
  },
  {
    id: 'enzymeInducersHer2Tkis',
    text: 'With HER2 tyrosine-kinase inhibitors, avoid strong CYP3A inducers such as phenytoin and carbamazepine: they lower tucatinib, neratinib and lapatinib levels (carbamazepine cut lapatinib exposure by 72%). Tucatinib itself is a strong CYP3A inhibitor.',
    // Only where a HER2 tyrosine-kinase inhibitor is among the options: a change of therapy, or leptomeningeal disease.
    when: all(seizureHappened, her2Positive, systemicOptions),
    refs: [
      { citation: 'tucatinibLabel', point: 'drug interactions' },
      { citation: 'neratinibLabel', point: 'CYP3A4 inducers' },
    ],
    evidence: 'secondary',
  },
  {
    id: 'capecitabineBoxedWarning',
    text: 'Capecitabine carries boxed warnings: bleeding with vitamin K antagonists such as warfarin (check the INR often), and severe or fatal toxicity with complete DPD deficiency: test for DPYD variants before starting, unless treatment is urgent.',
    // Where a capecitabine regimen is among the options: a change of therapy, or leptomeningeal disease.
    when: all(systemicOptions, any(her2Positive, her2NegativeFamily)),
    refs: [{ citation: 'capecitabineLabel', point: 'boxed warning' }],
    evidence: 'verified',
  },
  {
    id: 'nonContrastCtMisses',
    text: 'A non-contrast CT is for emergencies (bleeding, hydrocephalus, herniation). It misses metastases that contrast shows, and contrast CT misses metastases that MRI shows.',
    when: any(is('mriAccess', 'contraindicated', 'unavailable'), all(raisedIcp, newSymptoms)),
    refs: [{ citation: 'bardfeld1977' }, { citation: 'schellinger1999' }],
    evidence: 'secondary',
  },
  {
    id: 'steroidsOnlyForSymptoms',
    text: 'Give dexamethasone for symptoms from oedema or mass effect, without delay; do not give it to a patient without them.',
    when: any(pending, all(is('massEffect', 'no'), treated)),
    refs: [{ citation: 'ryken2019' }],
    evidence: 'verified',
    seedNote: 'The seed said never to delay dexamethasone; that holds only for symptomatic oedema.',
  },
  {
    id: 'posteriorFossa',
    text: 'Metastases in the cerebellum can cause rapid deterioration through obstructive hydrocephalus: involve neurosurgery early.',
    when: all(massEffect, treated),
    refs: [{ citation: 'eanoEsmo2021', point: 'posterior-fossa metastases' }],
    evidence: 'secondary',
  },
  {
    id: 'leptomeningealClues',
    text: 'Think of leptomeningeal spread with cranial-nerve palsies (double vision, facial weakness, hearing loss), headache with vomiting, confusion, gait difficulty, radicular or back pain, or cauda equina symptoms: it needs contrast MRI of the brain and whole spine and CSF cytology (CSF cytology alone where MRI cannot be done).',
    when: is('imagingResult', 'noMetastases'),
    refs: [{ citation: 'eanoEsmoLm2023', point: 'clinical presentation' }],
    evidence: 'secondary',
  },
  {
    id: 'noDeferralWhenSymptomatic',
    text: 'Do not defer local treatment for a patient whose metastases cause symptoms: the ASCO options to defer it apply only to selected HER2-positive patients without symptomatic mass effect.',
    when: all(parenchymal, symptomatic, treatingLocally),
    refs: [
      ascoHer2('Rec 7.1', 'Weak'),
      ascoHer2('Rec 2.3'),
      { citation: 'astro2022', point: 'symptomatic metastases', strength: 'Strong, low-quality evidence' },
    ],
    evidence: 'verified',
  },
  {
    id: 'plainWbrt',
    text: 'Do not use plain whole-brain radiotherapy as the alternative for 1–4 metastases or add it to SRS routinely; when whole-brain radiotherapy is used, give it with hippocampal avoidance and memantine.',
    when: all(
      treated,
      local('surgeryFirst', 'fractionatedSrs', 'srs', 'srsOrWbrt', 'ifSystemicOptions', 'reTreat'),
    ),
    refs: [
      { citation: 'brown2016' },
      { citation: 'brown2020' },
      {
        citation: 'gaspar2019',
        point: 'local therapy without WBRT for up to 4 metastases',
        strength: 'Level 2',
      },
    ],
    evidence: 'verified',
    seedNote:
      'The seed offered WBRT with or without an SRS boost for 2–4 metastases and plain WBRT for extensive disease.',
  },
  {
    id: 'dontStopWorkingSystemic',
    text: 'Do not stop systemic therapy that is controlling the disease outside the brain because brain metastases appeared: add local treatment instead.',
    when: all(treated, systemic('keep', 'settleLesionFirst')),
    refs: [ascoHer2('Rec 8.1')],
    evidence: 'verified',
  },
  {
    id: 'noReirradiationBeforeNecrosisExcluded',
    text: 'Do not re-irradiate a growing treated lesion before radionecrosis is excluded: more radiation can make radionecrosis worse.',
    when: all(progression, is('necrosisWorkup', 'notDone', 'indeterminate')),
    refs: [
      {
        citation: 'narloch2017',
        point: 'most growing lesions were radionecrosis (the harm of re-irradiation is not from this source)',
      },
    ],
    evidence: 'unverified',
  },
  {
    id: 'anticoagulationNotContraindicated',
    text: 'Do not withhold anticoagulation for a blood clot only because of brain metastases from breast cancer: therapeutic enoxaparin did not raise intracranial bleeding in a matched cohort, and in a meta-analysis bleeding was 14.7% with vs 15.4% without anticoagulation. The exceptions: metastases that have bled, or a suspected bleed (then stop and reverse it by the local protocol), and platelets under 25 × 10⁹/L (hold it).',
    when: treated,
    refs: [
      { citation: 'donato2015' },
      { citation: 'bloodAdv2022' },
      {
        citation: 'bloodAdv2022',
        point: 'platelet thresholds are from ISTH guidance read in a secondary table',
      },
    ],
    evidence: 'secondary',
  },
  {
    id: 'noSurvivalFromMemory',
    text: 'Do not quote survival by receptor status from memory; use the Breast GPA. In the 2012 Breast-GPA cohort, ER/PR-positive disease did better: 20.7 vs 17.9 months if HER2-positive, 9.7 vs 6.4 months if HER2-negative.',
    when: all(treated, is('kps', 'kps90to100', 'kps70to80', 'kps60', 'kps50orLess')),
    refs: [{ citation: 'sperduto2012' }],
    evidence: 'verified',
    seedNote: 'The seed’s survival figures by receptor status have no traceable source and are left out.',
  },
  {
    id: 'screeningNoConsensus',
    text: 'Screening MRI for patients without symptoms has no consensus: ASCO finds the data insufficient either way (shared decision), EANO-ESMO suggests considering it in metastatic HER2-positive and triple-negative disease, NCCN does not recommend it. A patient with a new symptom needs imaging regardless.',
    refs: [ascoHer2('Rec 10.1', 'Weak'), { citation: 'eanoEsmo2021', point: 'screening' }],
    evidence: 'secondary',
    seedNote: 'The seed said to avoid routine screening MRI; that is no longer an absolute rule.',
  },
  {
    // Review gap 12. The review says these drugs are "contraindicated"; the labels read say they can harm
    // a fetus (boxed warnings for the HER2 antibodies and T-DM1), which is what is said here.
    id: 'pregnancyNotAsked',
    text: 'Ask whether she is or could be pregnant: this consult does not. If so, give gadolinium only when its benefit clearly outweighs the unknown risk to the fetus; most of the cancer drugs this pathway names can harm a fetus, and the HER2 antibodies and their drug conjugates carry boxed warnings for it; avoid valproate unless nothing else suits (levetiracetam and lamotrigine are the safer anti-seizure drugs); plan treatment with obstetrics in the multidisciplinary team.',
    when: any(treated, leptomeningeal, pending),
    refs: [
      {
        citation: 'acrGadoliniumPregnancy',
        point: 'gadolinium in pregnancy (read on a copy of the statement)',
      },
      // The T-DXd boxed warning was read in a drug monograph, not its label.
      { citation: 'her2AntibodyLabels', point: 'boxed warnings: embryo-fetal toxicity' },
      { citation: 'capecitabineLabel', point: 'embryo-fetal toxicity (read in a summary of the label)' },
      { citation: 'mhraValproate2018', point: 'pregnancy prevention programme' },
      {
        citation: 'mhraAedPregnancy2021',
        point: 'lamotrigine and levetiracetam the safer of those reviewed',
      },
      { citation: 'dghoPregnancy2022', point: 'multidisciplinary care; timing of systemic therapy' },
    ],
    evidence: 'secondary',
  },
];

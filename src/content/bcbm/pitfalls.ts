import type { PathwayInput } from '../schema';
import {
  all,
  any,
  ascoHer2,
  is,
  massEffect,
  newSymptoms,
  notProgressingOutside,
  parenchymal,
  pending,
  raisedIcp,
  statusEpilepticus,
  treated,
} from './items';

/** Pitfalls: shown at their questions, and gathered with the recommendation when `when` holds. */
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
    text: 'Twitching that lasts 5 minutes or more, or seizures without recovery in between, is status epilepticus: treat it as an emergency, not in the outpatient consult.',
    when: is('seizure', 'yes', 'unsure'),
    refs: [{ citation: 'glauser2016', point: 'definition' }],
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
    text: 'Avoid enzyme-inducing anti-seizure drugs (phenytoin, carbamazepine, phenobarbital): they speed up the breakdown of dexamethasone; the tucatinib, neratinib and lapatinib labels advise against strong CYP3A inducers; and capecitabine can raise phenytoin levels.',
    when: any(is('seizure', 'yes'), statusEpilepticus),
    refs: [
      {
        citation: 'walbert2021',
        point: 'levetiracetam over older drugs (interaction details are from drug labels not read)',
      },
    ],
    evidence: 'unverified',
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
    text: 'Do not hold back dexamethasone from a patient with symptoms from oedema while waiting for the scan, but do not give it to a patient without symptoms of mass effect.',
    when: any(pending, is('massEffect', 'no')),
    refs: [{ citation: 'ryken2019' }],
    evidence: 'verified',
    seedNote: 'The seed said never to delay dexamethasone; that holds only for symptomatic oedema.',
  },
  {
    id: 'posteriorFossa',
    text: 'Metastases in the cerebellum can cause rapid deterioration through obstructive hydrocephalus: involve neurosurgery early.',
    when: massEffect,
    refs: [{ citation: 'eanoEsmo2021', point: 'posterior-fossa metastases' }],
    evidence: 'secondary',
  },
  {
    id: 'leptomeningealClues',
    text: 'Think of leptomeningeal spread with cranial-nerve palsies (double vision, facial weakness, hearing loss), headache with vomiting, confusion, gait difficulty, radicular or back pain, or cauda equina symptoms: it needs spine MRI and CSF cytology.',
    when: is('imagingResult', 'noMetastases'),
    refs: [{ citation: 'eanoEsmoLm2023', point: 'clinical presentation' }],
    evidence: 'secondary',
  },
  {
    id: 'noDeferralWhenSymptomatic',
    text: 'Do not defer local treatment for a patient with symptoms. The ASCO options to defer it (tucatinib with trastuzumab and capecitabine; a single lesion under 2 cm with HER2 therapy active in the brain) apply only without symptomatic mass effect.',
    when: parenchymal,
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
    when: treated,
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
    when: notProgressingOutside,
    refs: [ascoHer2('Rec 8.1')],
    evidence: 'verified',
  },
  {
    id: 'noSurvivalFromMemory',
    text: 'Do not quote survival by receptor status from memory; use the Breast GPA. In the 2012 Breast-GPA cohort, ER/PR-positive disease did better: 20.7 vs 17.9 months if HER2-positive, 9.7 vs 6.4 months if HER2-negative.',
    when: is('kps', 'kps90to100', 'kps70to80', 'kps60orLess'),
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
];

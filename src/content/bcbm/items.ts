import type { AnswerValue, QuestionId } from '../case-model';
import type { Condition, PathwayInput } from '../schema';

type Ref = PathwayInput['items'][number]['refs'][number];

export const is = <Q extends QuestionId>(q: Q, ...values: AnswerValue<Q>[]): Condition => ({ q, is: values });
export const all = (...c: Condition[]): Condition => ({ all: c });
export const any = (...c: Condition[]): Condition => ({ any: c });
export const not = (c: Condition): Condition => ({ not: c });

export const raisedIcp = is('redFlags', 'raisedIcp');
export const statusEpilepticus = is('redFlags', 'statusEpilepticus');
export const newSymptoms = is('scenario', 'newSymptoms');
export const progression = is('scenario', 'knownProgression');
export const parenchymal = is('imagingResult', 'parenchymal');
export const pending = is('imagingResult', 'pending');
export const fit = all(parenchymal, is('kps', 'kps90to100', 'kps70to80'));
export const massEffect = is('massEffect', 'yes');
const large = is('largestLesion', 'from3to4cm', 'over4cm');
const fewLesions = is('lesionCount', 'one', 'twoToFour');
const manyLesions = is('lesionCount', 'fiveToTen', 'moreThanTen');
const steroidsGiven = any(raisedIcp, massEffect);
export const her2Positive = is('her2', 'positive');
export const notProgressingOutside = is('extracranial', 'none', 'controlled');
const her2Options = all(her2Positive, any(is('extracranial', 'progressive'), progression));
const surgeryFew = all(fit, is('resectable', 'yes'), fewLesions, any(massEffect, large));
const surgeryMany = all(fit, is('resectable', 'yes'), manyLesions, any(massEffect, large));
export const surgery = any(surgeryFew, surgeryMany);
export const treated = any(parenchymal, progression);
const prior = (treatment: AnswerValue<'priorBrainTreatment'>, pattern: AnswerValue<'progressionPattern'>) =>
  all(progression, is('priorBrainTreatment', treatment), is('progressionPattern', pattern));

export const ascoHer2 = (point: string, strength?: string): Ref =>
  strength
    ? { citation: 'ascoHer2Guideline2022', point, strength }
    : { citation: 'ascoHer2Guideline2022', point };

/** The advice items: each with the rule that selects it and the sources behind it. */
export const items: PathwayInput['items'] = [
  // Emergencies: shown at once, before the consult goes on.
  {
    id: 'icpUrgentCt',
    short: 'Urgent non-contrast CT head now.',
    rank: 1,
    section: 'immediate',
    urgent: true,
    text: 'Emergency: get an urgent non-contrast CT of the head to look for bleeding, hydrocephalus or herniation.',
    when: raisedIcp,
    refs: [{ citation: 'scottishIcp', point: 'Management: urgent CT' }, { citation: 'eanoEsmo2021' }],
    evidence: 'secondary',
  },
  {
    id: 'icpDexamethasone',
    short: 'Dexamethasone 10 mg IV now, then 16 mg a day, with a proton-pump inhibitor.',
    rank: 2,
    section: 'immediate',
    urgent: true,
    text: 'Give dexamethasone now at the dose for severe symptoms: 16 mg a day or more, starting with 10 mg IV, with a proton-pump inhibitor. Give the doses early in the day and stop if there is no benefit. The trial showing 4 mg a day is enough excluded patients at risk of herniation, so it does not apply here.',
    when: raisedIcp,
    refs: [
      { citation: 'ryken2019', point: 'severe symptoms or raised ICP: 16 mg/day or more' },
      { citation: 'chang2019', point: 'ASCO and SNO endorsement' },
      { citation: 'dexamethasoneLabel', point: 'cerebral oedema: 10 mg IV loading dose' },
      { citation: 'scottishIcp', point: 'proton-pump inhibitor; stop if no benefit' },
      { citation: 'vecht1994', point: 'excluded impending herniation' },
    ],
    evidence: 'verified',
    seedNote:
      'The seed gave everyone 10 mg IV then 4 mg every 6 hours (the old label schedule); here the dose follows severity.',
  },
  {
    id: 'icpSupportive',
    section: 'immediate',
    urgent: true,
    text: 'Raise the head of the bed. If a bleed into or around a tumour is suspected, stop anticoagulants.',
    when: raisedIcp,
    refs: [{ citation: 'scottishIcp', point: 'Management' }],
    evidence: 'verified',
  },
  {
    id: 'icpNeurosurgery',
    short: 'Call neurosurgery now.',
    rank: 3,
    section: 'immediate',
    urgent: true,
    text: 'Call neurosurgery now: surgery should be considered for acute symptoms of raised pressure, and metastases in the cerebellum can cause rapid deterioration through obstructive hydrocephalus. Tell the oncology team as well.',
    when: raisedIcp,
    refs: [
      { citation: 'eanoEsmo2021', point: 'surgery for acute raised ICP; posterior-fossa metastases' },
      { citation: 'scottishIcp', point: 'referral to neurosurgery and oncology' },
    ],
    evidence: 'secondary',
  },
  {
    id: 'icpHyperosmolar',
    section: 'immediate',
    urgent: true,
    text: 'If there are signs of herniation, treat it as a "brain code": hyperosmolar therapy (mannitol or hypertonic saline), and hyperventilation only briefly, as a bridge to neurosurgery.',
    when: raisedIcp,
    refs: [{ citation: 'enls2015', point: 'intracranial hypertension and herniation protocol' }],
    evidence: 'secondary',
  },
  {
    id: 'seFirstLine',
    short: 'Call the emergency team; midazolam 10 mg IM or lorazepam 4 mg IV now.',
    rank: 1,
    section: 'immediate',
    urgent: true,
    text: 'Emergency: call the emergency team and give a benzodiazepine now: IM midazolam, IV lorazepam or IV diazepam. IM midazolam is the choice when there is no IV access; in RAMPART it stopped seizures more often than IV lorazepam (73% vs 63%).',
    when: statusEpilepticus,
    refs: [{ citation: 'glauser2016', point: 'first-line therapy', strength: 'Level A' }],
    evidence: 'secondary',
  },
  {
    id: 'seSecondLine',
    short: 'Seizures go on: levetiracetam 60 mg/kg IV (max 4,500 mg).',
    rank: 2,
    section: 'immediate',
    urgent: true,
    text: 'If seizures go on after the benzodiazepine, give a second-line drug: levetiracetam, fosphenytoin or valproate. None is preferred over the others.',
    when: statusEpilepticus,
    refs: [{ citation: 'glauser2016', point: 'second-line therapy', strength: 'Level U' }],
    evidence: 'secondary',
  },
  {
    id: 'nonContrastCtOnlyEmergency',
    section: 'immediate',
    text: 'The emergency non-contrast CT does not rule out metastases: once the patient is stable, get contrast-enhanced imaging, MRI if possible.',
    when: all(raisedIcp, newSymptoms),
    refs: [
      { citation: 'bardfeld1977', point: 'CT found 89% without contrast, 94% with contrast' },
      { citation: 'eanoEsmo2021', point: 'MRI is the modality of choice' },
    ],
    evidence: 'secondary',
  },

  // Imaging
  {
    id: 'interimUrgentImaging',
    short: 'Urgent contrast-enhanced brain MRI.',
    rank: 5,
    section: 'immediate',
    text: 'Get the brain scan urgently: a new neurological symptom in a patient with breast cancer needs brain imaging, with a low threshold for MRI.',
    when: pending,
    refs: [
      ascoHer2('Rec 10.2'),
      { citation: 'eanoEsmo2021', point: 'neuroimaging for seizures or new deficits' },
    ],
    evidence: 'verified',
  },
  {
    id: 'mriProtocol',
    section: 'immediate',
    text: 'Contrast-enhanced brain MRI is the test of choice. Minimum protocol: 3D T1 before and after contrast (isotropic, thin slices), T2, FLAIR and diffusion-weighted imaging.',
    when: is('mriAccess', 'available'),
    refs: [
      { citation: 'kaufmann2020', point: 'minimum standard protocol' },
      { citation: 'schellinger1999' },
      { citation: 'eanoEsmo2021', point: 'imaging' },
    ],
    evidence: 'verified',
  },
  {
    id: 'contrastCtContraindicated',
    section: 'immediate',
    text: 'MRI is contraindicated, so use contrast-enhanced CT. It is less sensitive: in patients with one metastasis on contrast CT, MRI found more in 31%. Treat the CT count as a minimum when planning treatment.',
    when: is('mriAccess', 'contraindicated'),
    refs: [
      { citation: 'eanoEsmo2021', point: 'CT only if MRI is contraindicated' },
      { citation: 'schellinger1999' },
    ],
    evidence: 'secondary',
  },
  {
    id: 'contrastCtThenMri',
    section: 'immediate',
    text: 'MRI cannot be done in time, so get a contrast-enhanced CT now and the contrast MRI as soon as it is available, before radiosurgery or surgery is planned. CT misses smaller metastases: MRI found more in 31% of patients with one metastasis on CT.',
    when: is('mriAccess', 'unavailable'),
    refs: [{ citation: 'eanoEsmo2021', point: 'imaging' }, { citation: 'schellinger1999' }],
    evidence: 'secondary',
  },

  // Seizures
  {
    id: 'asmForSeizure',
    short: 'Start levetiracetam 500 mg twice daily.',
    rank: 10,
    section: 'symptomControl',
    text: 'A seizure has happened (rhythmic facial twitching is a focal motor seizure): start an anti-seizure medicine as treatment, not prophylaxis. Use a newer drug; levetiracetam is preferred over the older enzyme-inducing drugs.',
    when: any(is('seizure', 'yes'), statusEpilepticus),
    refs: [
      { citation: 'lacy2012', point: 'seizures are treated with a newer anti-seizure drug' },
      { citation: 'walbert2021', point: 'levetiracetam over older drugs', strength: 'Level C' },
      { citation: 'fisher2017', point: 'focal clonic seizures' },
      { citation: 'roth2021', point: 'anti-seizure medicine after a first seizure (text not read)' },
    ],
    evidence: 'secondary',
    seedNote:
      'The seed said to "consider" a drug for prophylaxis; a seizure that has happened is treated, and levetiracetam is named.',
  },
  {
    id: 'noAsmProphylaxis',
    short: 'No anti-seizure prophylaxis.',
    rank: 12,
    section: 'symptomControl',
    text: 'No anti-seizure prophylaxis: it should not be given to patients who have not had a seizure.',
    when: is('seizure', 'no'),
    refs: [
      { citation: 'walbert2021', strength: 'Level A' },
      { citation: 'chang2019', point: 'CNS anticonvulsant guideline, endorsed by ASCO and SNO' },
    ],
    evidence: 'verified',
    seedNote: 'The seed suggested considering prophylaxis; guidelines advise against it without a seizure.',
  },
  {
    id: 'seizureWorkup',
    section: 'symptomControl',
    text: 'If it is unclear whether the events are seizures, an EEG and a neurology review can help; mimics include hemifacial spasm, tics, myokymia, electrolyte disturbance and drug toxicity. Prophylaxis is not recommended for a patient who has not had a seizure.',
    when: is('seizure', 'unsure'),
    refs: [
      {
        citation: 'fisher2017',
        point: 'focal motor seizures (EEG advice and mimics are not from this source)',
      },
      { citation: 'walbert2021', strength: 'Level A (no prophylaxis)' },
    ],
    evidence: 'unverified',
  },

  // Steroids by severity
  {
    id: 'interimSteroids',
    section: 'symptomControl',
    text: 'While waiting for the scan, give dexamethasone only if the symptoms come from oedema or raised pressure: 4–8 mg a day for mild symptoms, 16 mg a day or more for severe ones. If unsure whether a symptom comes from oedema, discuss with neuro-oncology.',
    when: all(pending, not(raisedIcp)),
    refs: [{ citation: 'ryken2019' }, { citation: 'chang2019' }],
    evidence: 'verified',
    seedNote:
      'The seed started 10 mg IV then 4 mg every 6 hours for everyone before the scan; steroids are for symptoms from oedema.',
  },
  {
    id: 'steroidsMild',
    short: 'Dexamethasone 4–8 mg a day, last dose before 2 pm.',
    rank: 11,
    section: 'symptomControl',
    text: 'Symptomatic mass effect without raised pressure: dexamethasone 4–8 mg a day for temporary relief, once or twice daily, the second dose before 2 pm. In a randomised trial 4 mg a day helped as much as 16 mg a day at one week, with less toxicity.',
    when: all(massEffect, not(raisedIcp)),
    refs: [
      { citation: 'ryken2019', point: 'mild symptoms from mass effect: 4–8 mg/day' },
      { citation: 'vecht1994' },
      { citation: 'scottishIcp', point: 'timing of doses' },
    ],
    evidence: 'verified',
    seedNote:
      'The seed gave 10 mg IV then 4 mg every 6 hours (16 mg a day) to everyone; mild symptoms need 4–8 mg a day.',
  },
  {
    id: 'noSteroids',
    short: 'No dexamethasone.',
    rank: 11,
    section: 'symptomControl',
    text: 'No steroids: there is not enough evidence to give them for metastases without symptomatic mass effect.',
    when: all(is('massEffect', 'no'), not(raisedIcp)),
    refs: [{ citation: 'ryken2019', point: 'asymptomatic metastases without mass effect' }],
    evidence: 'verified',
    seedNote: 'The seed started dexamethasone for every patient; not without symptoms of mass effect.',
  },
  {
    id: 'steroidTaper',
    section: 'symptomControl',
    text: 'Plan the taper when you start: use the lowest dose that works and reduce it as fast as the patient tolerates. The earlier CNS guideline tapered over about 2 weeks, longer if symptomatic; the dose trial tapered 4 mg a day over about 4 weeks after radiotherapy.',
    when: steroidsGiven,
    refs: [
      { citation: 'ryken2019', point: 'taper' },
      { citation: 'ryken2010', point: 'taper' },
      { citation: 'vecht1994' },
    ],
    evidence: 'verified',
  },
  {
    id: 'steroidPjp',
    section: 'symptomControl',
    text: 'If steroids go on for more than a month at the equivalent of 20 mg prednisone a day or more, consider Pneumocystis prophylaxis (trimethoprim-sulfamethoxazole). The evidence in brain tumours is indirect: one series found Pneumocystis pneumonia in 1.3% (8 of 595).',
    when: steroidsGiven,
    refs: [{ citation: 'wang2023' }],
    evidence: 'secondary',
  },
  {
    id: 'steroidGastricProtection',
    section: 'symptomControl',
    text: 'Gastric protection: a proton-pump inhibitor is given with high-dose steroids for raised pressure; at lower doses many neuro-oncology sources reserve it for patients with extra risk (NSAIDs, anticoagulants, previous ulcer).',
    when: all(massEffect, not(raisedIcp)),
    refs: [
      {
        citation: 'scottishIcp',
        point: 'PPI with steroids for raised ICP (the risk-factor rule is not from here)',
      },
    ],
    evidence: 'unverified',
  },

  // Leptomeningeal disease
  {
    id: 'lmWorkup',
    short: 'Contrast MRI of the whole spine and a lumbar puncture.',
    rank: 10,
    section: 'immediate',
    text: 'Complete the leptomeningeal work-up: contrast MRI of the whole spine as well as the brain (gadolinium 0.1 mmol/kg; slices of 1 mm or less in the brain, 3 mm or less in the spine), and a lumbar puncture for CSF cytology, ideally more than 10 mL (at least 5 mL) processed within 30 minutes. Repeat the lumbar puncture if the first sample is negative.',
    when: is('imagingResult', 'leptomeningeal'),
    refs: [{ citation: 'eanoEsmoLm2023', point: 'diagnostic work-up table' }],
    evidence: 'verified',
  },
  {
    id: 'lmNeuroOncology',
    short: 'Refer to neuro-oncology.',
    rank: 20,
    section: 'localTherapy',
    text: 'Refer to neuro-oncology: leptomeningeal disease leaves the parenchymal-metastasis pathway and is treated on its own.',
    when: is('imagingResult', 'leptomeningeal'),
    refs: [{ citation: 'eanoEsmoLm2023' }],
    evidence: 'secondary',
  },
  {
    id: 'lmWbrtHer2',
    section: 'localTherapy',
    text: 'If the cancer is HER2-positive and leptomeningeal disease in the brain causes symptoms, whole-brain radiotherapy may be offered.',
    when: is('imagingResult', 'leptomeningeal'),
    refs: [{ citation: 'ascoHer2Guideline2018' }],
    evidence: 'secondary',
  },

  // No metastases on the scan
  {
    id: 'noMetsOtherCauses',
    short: 'Look for another cause of the symptom.',
    rank: 10,
    section: 'immediate',
    text: 'Look for another cause of the symptom, for example hemifacial spasm, tics, myokymia, electrolyte disturbance or drug toxicity. If it is unclear whether the events are seizures, an EEG can help.',
    when: is('imagingResult', 'noMetastases'),
    refs: [
      { citation: 'fisher2017', point: 'focal motor seizures (the list of mimics is not from this source)' },
    ],
    evidence: 'unverified',
  },
  {
    id: 'noMetsRepeatImaging',
    short: 'Image again if the symptom persists.',
    rank: 20,
    section: 'followUp',
    text: 'If the symptom persists or new symptoms appear, image again, with a low threshold for contrast MRI.',
    when: is('imagingResult', 'noMetastases'),
    refs: [ascoHer2('Rec 10.2')],
    evidence: 'verified',
  },

  // Local therapy
  {
    id: 'mdtCare',
    short: 'Tumour board this week.',
    rank: 30,
    section: 'localTherapy',
    text: 'Discuss the plan at a multidisciplinary tumour board (neurosurgery, radiation oncology, medical oncology).',
    when: treated,
    refs: [ascoHer2('Rec 1.0', 'Strong')],
    evidence: 'verified',
  },
  {
    id: 'upfrontLocalTherapy',
    section: 'localTherapy',
    text: 'The patient has symptoms, so give local treatment (surgery or radiation) upfront, whatever systemic therapy is planned. Do not defer it for systemic therapy.',
    when: fit,
    refs: [
      { citation: 'astro2022', point: 'symptomatic metastases', strength: 'Strong, low-quality evidence' },
      { citation: 'ascoSnoAstro2022', point: 'symptomatic metastases receive local therapy' },
    ],
    evidence: 'verified',
  },
  {
    id: 'srsOneToFour',
    short: 'SRS to each metastasis, no routine whole-brain radiotherapy: refer radiation oncology.',
    rank: 20,
    section: 'localTherapy',
    text: 'Stereotactic radiosurgery (SRS) is the standard for up to 4 metastases. Do not add whole-brain radiotherapy routinely: it made cognitive decline at 3 months more common (91.7% vs 63.5%) without longer survival.',
    when: all(
      fit,
      any(is('lesionCount', 'twoToFour'), all(is('lesionCount', 'one'), is('largestLesion', 'under3cm'))),
    ),
    refs: [
      {
        citation: 'astro2022',
        point: 'up to 4 intact metastases, ECOG 0–2',
        strength: 'Strong, high-quality evidence',
      },
      { citation: 'brown2016' },
      {
        citation: 'gaspar2019',
        point: 'local therapy without WBRT for up to 4 metastases',
        strength: 'Level 2',
      },
    ],
    evidence: 'verified',
    seedNote:
      'The seed kept WBRT with or without an SRS boost as an alternative for 2–4 metastases; adding WBRT harms cognition without survival gain.',
  },
  {
    id: 'srsDoseSmall',
    section: 'localTherapy',
    text: 'SRS dose for lesions under 3 cm: under 2 cm, 20–24 Gy in one fraction; 2 to under 3 cm, 18 Gy in one fraction, or 27 Gy in 3 or 30 Gy in 5 fractions.',
    when: all(fit, not(all(is('lesionCount', 'one'), large))),
    refs: [
      { citation: 'astro2022', point: 'under 2 cm', strength: 'Strong, moderate-quality evidence' },
      { citation: 'astro2022', point: '2 to under 3 cm', strength: 'Conditional' },
    ],
    evidence: 'verified',
  },
  {
    id: 'hsrtThreeToFour',
    section: 'localTherapy',
    text: 'For a 3–4 cm lesion, radiosurgery in several fractions (27 Gy in 3 or 30 Gy in 5) is preferred; if a single fraction is used, no more than 15 Gy.',
    when: all(fit, is('largestLesion', 'from3to4cm')),
    refs: [{ citation: 'astro2022', point: '3–4 cm', strength: 'Conditional' }],
    evidence: 'verified',
    seedNote: 'The seed named fractionated radiotherapy for 3–4 cm; the doses are added.',
  },
  {
    id: 'hsrtOverFourUnresectable',
    section: 'localTherapy',
    text: 'Over 4 cm and surgery not possible: radiosurgery in several fractions rather than one. Radiosurgery for lesions over 6 cm is discouraged.',
    when: all(fit, is('largestLesion', 'over4cm'), is('resectable', 'no')),
    refs: [{ citation: 'astro2022', point: 'over 4 cm', strength: 'Conditional' }],
    evidence: 'verified',
  },
  {
    id: 'surgeryLargeOrSymptomatic',
    short: 'Neurosurgery to assess resection, then cavity SRS.',
    rank: 19,
    section: 'localTherapy',
    text: 'Ask neurosurgery to assess resection of the large or symptomatic lesion (over 3–4 cm, or causing symptomatic mass effect); over 4 cm, surgery is the conditional recommendation. For a single metastasis, adding surgery to whole-brain radiotherapy cut recurrence at the site (20% vs 52%) and lengthened survival (40 vs 15 weeks).',
    when: surgeryFew,
    refs: [
      ascoHer2('Rec 2.1'),
      {
        citation: 'astro2022',
        point: 'over 4 cm: surgery; discuss surgery for any lesion with mass effect',
        strength: 'Conditional',
      },
      { citation: 'ascoSnoAstro2022', point: 'Rec 1.1' },
      { citation: 'patchell1990' },
    ],
    evidence: 'verified',
  },
  {
    id: 'srsOrResectionSingle',
    section: 'localTherapy',
    text: 'A single metastasis under 3 cm without symptomatic mass effect can be treated with SRS or resection: choose by location, need for tissue, surgical risk and the patient’s preference.',
    when: all(
      fit,
      is('lesionCount', 'one'),
      is('largestLesion', 'under3cm'),
      is('massEffect', 'no'),
      is('resectable', 'yes'),
    ),
    refs: [ascoHer2('Rec 2.2')],
    evidence: 'verified',
  },
  {
    id: 'surgeryManyLesions',
    section: 'localTherapy',
    text: 'With many metastases, surgery is less likely to help unless the rest of the disease can be controlled; it can still be discussed for a large lesion or one causing mass effect.',
    when: surgeryMany,
    refs: [
      { citation: 'ascoSnoAstro2022', point: 'Rec 1.1' },
      { citation: 'astro2022', point: 'discuss surgery for any lesion with mass effect' },
    ],
    evidence: 'verified',
  },
  {
    id: 'postOpCavityRadiation',
    section: 'localTherapy',
    text: 'After resection, irradiate the cavity: SRS or hypofractionated SRS; for large or multiple cavities, whole-brain radiotherapy with memantine and hippocampal avoidance. After resection of 1–2 metastases, SRS to the cavity alone is enough.',
    when: surgery,
    refs: [
      ascoHer2('Rec 2.4'),
      { citation: 'ascoSnoAstro2022', point: 'cavity SRS after 1–2 resected metastases' },
    ],
    evidence: 'verified',
  },
  {
    id: 'srsFiveToTen',
    section: 'localTherapy',
    text: 'For 5–10 metastases, SRS is an option. In JLGK0901, survival after SRS alone for 5–10 lesions was no worse than for 2–4 when each lesion was under 3 cm, the total volume 15 mL or less and KPS 70 or more.',
    when: all(fit, is('lesionCount', 'fiveToTen')),
    refs: [
      {
        citation: 'astro2022',
        point: '5–10 intact metastases, ECOG 0–2',
        strength: 'Conditional, low-quality evidence',
      },
      { citation: 'yamamoto2014' },
      { citation: 'eanoEsmo2021', point: 'SRS for 5–10 if total volume under 15 mL' },
    ],
    evidence: 'verified',
    seedNote:
      'The seed offered whole-brain radiotherapy for multiple metastases; SRS is now an option for 5–10.',
  },
  {
    id: 'extensiveSrsOrHaWbrt',
    section: 'localTherapy',
    text: 'More than 10 metastases with a favourable prognosis: SRS where the lesions suit it, or whole-brain radiotherapy with memantine and hippocampal avoidance.',
    when: all(fit, is('lesionCount', 'moreThanTen')),
    refs: [ascoHer2('diffuse or extensive disease, favourable prognosis')],
    evidence: 'verified',
    seedNote:
      'The seed named plain whole-brain radiotherapy; it is now given with memantine and hippocampal avoidance.',
  },
  {
    id: 'haWbrtMemantine',
    section: 'localTherapy',
    text: 'If whole-brain radiotherapy is used, give it with hippocampal avoidance and memantine: in NRG CC001 this lowered cognitive failure (HR 0.74) with the same survival and toxicity. The standard dose is 30 Gy in 10 fractions.',
    when: all(fit, manyLesions),
    refs: [
      { citation: 'brown2020' },
      { citation: 'gaspar2019', point: '30 Gy in 10 fractions', strength: 'Level 1' },
    ],
    evidence: 'verified',
  },
  {
    id: 'memantineSchedule',
    section: 'localTherapy',
    text: 'Memantine as used in the trials: 5 mg a day in week 1, rising to 10 mg twice daily by week 4, continued to week 24.',
    when: all(fit, manyLesions),
    refs: [{ citation: 'brown2020', point: 'schedule read in a secondary source' }],
    evidence: 'secondary',
  },
  {
    id: 'haCriteria',
    section: 'localTherapy',
    text: 'Hippocampal avoidance with memantine is meant for patients without metastases near the hippocampi and with an expected survival of at least 4 months; radiosensitisers are not used.',
    when: all(fit, manyLesions),
    refs: [{ citation: 'ascoSnoAstro2022', point: 'wording not read' }],
    evidence: 'unverified',
  },
  {
    id: 'poorPrognosisSupportive',
    short: 'Supportive and palliative care first; dexamethasone 4–8 mg a day for symptoms.',
    rank: 15,
    section: 'localTherapy',
    text: 'Poor performance status: lead with supportive and palliative care, with dexamethasone for symptoms. Whole-brain radiotherapy is optional, not the default: in QUARTZ (lung cancer, unsuitable for surgery or SRS) 20 Gy in 5 fractions added no survival over supportive care (HR 1.06). Use the GPA below to frame the discussion.',
    when: is('kps', 'kps60orLess'),
    refs: [
      { citation: 'mulvenna2016' },
      { citation: 'astro2022', point: 'deferring radiotherapy for best supportive care; GPA' },
      { citation: 'gaspar2019', point: '20 Gy in 5 fractions for poor performance status' },
    ],
    evidence: 'verified',
    seedNote:
      'The seed listed whole-brain radiotherapy first for poor prognosis; supportive care leads here (QUARTZ).',
  },

  // Systemic therapy
  {
    id: 'keepSystemicTherapy',
    short: 'Keep the current systemic therapy.',
    rank: 40,
    section: 'systemicTherapy',
    text: 'The disease outside the brain is not progressing: do not switch systemic therapy because of the brain metastases; treat the brain locally and carry on.',
    when: notProgressingOutside,
    refs: [ascoHer2('Rec 8.1')],
    evidence: 'verified',
  },
  {
    id: 'her2StableSwitchOption',
    section: 'systemicTherapy',
    text: 'Exception for HER2-positive disease: after local treatment, trastuzumab deruxtecan (second line) or tucatinib with trastuzumab and capecitabine may still be offered for stable brain metastases.',
    when: all(her2Positive, notProgressingOutside),
    refs: [ascoHer2('Rec 8.2, qualifying statement')],
    evidence: 'verified',
  },
  {
    id: 'her2ProgressiveAlgorithm',
    section: 'systemicTherapy',
    text: 'The disease outside the brain is progressing: change HER2-targeted therapy following the standard HER2-positive metastatic algorithm, chosen by line of therapy. No regimen is preferred regardless of line; the options with brain data follow.',
    when: all(her2Positive, is('extracranial', 'progressive')),
    refs: [ascoHer2('Rec 8.2', 'Moderate')],
    evidence: 'verified',
    seedNote:
      'The seed ranked tucatinib, then neratinib, then lapatinib as preferred without a line of therapy; ASCO 2022 orders by line and adds trastuzumab deruxtecan.',
  },
  {
    id: 'tdxdOption',
    section: 'systemicTherapy',
    text: 'Trastuzumab deruxtecan, second line (after trastuzumab and a taxane): intracranial response 65.7% vs 34.3% with T-DM1 (DESTINY-Breast03), and 71.7% in DESTINY-Breast12. Watch for interstitial lung disease (16% in the brain-metastasis cohort).',
    when: her2Options,
    refs: [ascoHer2('Rec 8.2'), { citation: 'hurvitz2024' }, { citation: 'harbeck2024' }],
    evidence: 'secondary',
  },
  {
    id: 'tucatinibOption',
    section: 'systemicTherapy',
    text: 'Tucatinib with trastuzumab and capecitabine, after at least one earlier HER2-directed regimen for metastatic disease: in the HER2CLIMB brain-metastasis group it added 9.1 months of overall survival and lowered the risk of new brain lesions by 45%.',
    when: her2Options,
    refs: [ascoHer2('Rec 7.1 and Rec 8.2'), { citation: 'lin2023' }, { citation: 'lin2020' }],
    evidence: 'verified',
    seedNote:
      'The seed called this regimen preferred; it is one option, after at least one earlier HER2 regimen.',
  },
  {
    id: 'neratinibOption',
    section: 'systemicTherapy',
    text: 'Neratinib with capecitabine (NALA, after 2 or more HER2-directed regimens): fewer patients needed CNS treatment than with lapatinib and capecitabine (22.8% vs 29.2%); grade 3 diarrhoea in 24%.',
    when: her2Options,
    refs: [{ citation: 'saura2020' }],
    evidence: 'verified',
  },
  {
    id: 'lapatinibOption',
    section: 'systemicTherapy',
    text: 'Lapatinib with capecitabine: intracranial response 65.9% in untreated brain metastases in patients without earlier whole-brain radiotherapy, capecitabine or lapatinib (LANDSCAPE).',
    when: her2Options,
    refs: [{ citation: 'bachelot2013' }],
    evidence: 'secondary',
  },
  {
    id: 'tdm1Option',
    section: 'systemicTherapy',
    text: 'Trastuzumab emtansine (T-DM1): intracranial response 21.4% in measurable brain metastases (KAMILLA).',
    when: her2Options,
    refs: [{ citation: 'montemurro2020' }],
    evidence: 'verified',
  },
  {
    id: 'her2NegativeSystemic',
    section: 'systemicTherapy',
    text: 'HER2-negative: the HER2-positive regimens do not apply. Systemic therapy follows the metastatic breast cancer algorithm for the subtype; no regimen is known to be better for the brain, and local treatment is the mainstay. Pivotal trials of sacituzumab govitecan and of trastuzumab deruxtecan in HER2-low disease excluded active brain metastases.',
    when: is('her2', 'negative'),
    refs: [{ citation: 'ascoSnoAstro2022', point: 'local therapy for symptomatic metastases' }],
    evidence: 'unverified',
  },
  {
    id: 'retestResected',
    section: 'systemicTherapy',
    text: 'If a metastasis is resected, re-test ER, PR and HER2 on it: receptors differ from the primary in 43% of patients (HER2 in 12%, most often gained).',
    when: surgery,
    refs: [
      { citation: 'eanoEsmo2021', point: 're-test biomarkers on resected metastases' },
      { citation: 'kotecha2021' },
    ],
    evidence: 'secondary',
  },

  // Intracranial progression after local treatment
  {
    id: 'progLimitedAfterWbrt',
    section: 'localTherapy',
    text: 'Limited progression after whole-brain radiotherapy: options are SRS, surgery, systemic therapy or palliative care.',
    when: prior('wbrt', 'limited'),
    refs: [ascoHer2('Rec 6.x, progression table')],
    evidence: 'verified',
  },
  {
    id: 'progLimitedAfterSrs',
    section: 'localTherapy',
    text: 'Limited progression after SRS: options are repeat SRS, surgery, whole-brain radiotherapy with memantine and hippocampal avoidance, systemic therapy or palliative care.',
    when: prior('srs', 'limited'),
    refs: [ascoHer2('Rec 6.x, progression table')],
    evidence: 'verified',
    seedNote:
      'The seed offered plain whole-brain radiotherapy; it is now given with memantine and hippocampal avoidance.',
  },
  {
    id: 'progDiffuseAfterWbrt',
    section: 'localTherapy',
    text: 'Diffuse progression after whole-brain radiotherapy: systemic therapy is preferred; a reduced-dose second course of whole-brain radiotherapy with memantine, or palliative care, are the alternatives.',
    when: prior('wbrt', 'diffuse'),
    refs: [ascoHer2('Rec 6.x, progression table')],
    evidence: 'verified',
    seedNote:
      'The seed offered whole-brain radiotherapy only if not given before; ASCO allows a reduced-dose repeat.',
  },
  {
    id: 'progDiffuseAfterSrs',
    section: 'localTherapy',
    text: 'Diffuse progression after SRS: whole-brain radiotherapy with memantine and hippocampal avoidance, or systemic therapy; palliative care.',
    when: prior('srs', 'diffuse'),
    refs: [ascoHer2('Rec 6.x, progression table')],
    evidence: 'verified',
  },
  {
    id: 'progLimitedAfterSurgery',
    section: 'localTherapy',
    text: 'Progression after surgery alone (no radiotherapy yet) is not covered by the ASCO progression table; the options for untreated metastases apply: SRS for up to 4 lesions (including the cavity), and surgery for a large or symptomatic one.',
    when: prior('surgeryOnly', 'limited'),
    refs: [
      { citation: 'astro2022', strength: 'Strong, high-quality evidence' },
      ascoHer2('Rec 2.1 and Rec 2.4'),
    ],
    evidence: 'verified',
  },
  {
    id: 'progDiffuseAfterSurgery',
    section: 'localTherapy',
    text: 'Diffuse progression after surgery alone: the options for extensive untreated disease apply: SRS where the lesions suit it, or whole-brain radiotherapy with memantine and hippocampal avoidance.',
    when: prior('surgeryOnly', 'diffuse'),
    refs: [ascoHer2('diffuse or extensive disease, favourable prognosis'), { citation: 'brown2020' }],
    evidence: 'verified',
  },
  {
    id: 'progSystemicCnsActive',
    section: 'systemicTherapy',
    text: 'After progression following SRS or whole-brain radiotherapy, including when more radiation is not possible, systemic therapy with some activity in the brain can be discussed.',
    when: all(progression, is('priorBrainTreatment', 'srs', 'wbrt')),
    refs: [ascoHer2('Rec 9.1', 'Moderate')],
    evidence: 'verified',
  },
  {
    id: 'progPalliativeCare',
    short: 'Involve palliative care.',
    rank: 40,
    section: 'localTherapy',
    text: 'Involve palliative care alongside whichever option is chosen: it is part of every progression scenario.',
    when: progression,
    refs: [ascoHer2('Rec 6.x, progression table')],
    evidence: 'verified',
  },
  {
    id: 'progClinicalTrial',
    short: 'Ask about an open clinical trial.',
    rank: 45,
    section: 'localTherapy',
    text: 'Ask whether a clinical trial for intracranial progression is open to the patient.',
    when: progression,
    refs: [ascoHer2('Rec 6.x (trials are not in the table as read)')],
    evidence: 'unverified',
  },

  // Follow-up
  {
    id: 'followUpMri',
    short: 'Brain MRI every 2–3 months in the first year.',
    rank: 50,
    section: 'followUp',
    text: 'After treatment, brain MRI every 2–3 months in the first year (ASCO: every 2–4 months), sooner if symptoms appear; contrast CT if MRI is contraindicated.',
    when: treated,
    refs: [{ citation: 'ascoHer2Guideline2018', point: 'serial imaging every 2–4 months' }],
    evidence: 'secondary',
  },
  {
    id: 'postOpMri',
    section: 'followUp',
    text: 'After resection, MRI within 48 hours of surgery.',
    when: surgery,
    refs: [{ citation: 'eanoEsmo2021', point: 'postoperative MRI' }],
    evidence: 'secondary',
  },
];

import type { AnswerValue, QuestionId } from '../case-model';
import type { Condition, PathwayInput } from '../schema';

type Ref = PathwayInput['items'][number]['refs'][number];

export const is = <Q extends QuestionId>(q: Q, ...values: AnswerValue<Q>[]): Condition => ({ q, is: values });
export const all = (...c: Condition[]): Condition => ({ all: c });
export const any = (...c: Condition[]): Condition => ({ any: c });
export const not = (c: Condition): Condition => ({ not: c });

export const raisedIcp = is('redFlags', 'raisedIcp');
export const statusEpilepticus = is('redFlags', 'statusEpilepticus');
export const focalStatus = is('redFlags', 'focalStatus');
export const newSymptoms = is('scenario', 'newSymptoms');
export const progression = is('scenario', 'knownProgression');
export const parenchymal = is('imagingResult', 'parenchymal');
export const pending = is('imagingResult', 'pending');
export const leptomeningeal = is('imagingResult', 'leptomeningeal');
export const noMetastases = is('imagingResult', 'noMetastases');
export const massEffect = is('massEffect', 'yes');
export const noMassEffect = is('massEffect', 'no');
/** A seizure has happened: the answer, or a status epilepticus that answered it. */
export const seizureHappened = any(is('seizure', 'yes'), statusEpilepticus, focalStatus);
/** Metastases that cause symptoms: a seizure, mass effect or raised pressure. */
export const symptomatic = any(seizureHappened, massEffect, raisedIcp);
export const lowKps = is('kps', 'kps60', 'kps50orLess');
/**
 * Surgery and radiosurgery stay on the table for KPS 60 or more (radiosurgery trials took ECOG 0–2),
 * for a low KPS caused by the lesions (it may recover), and whatever the KPS with mass effect or
 * raised pressure (review E1).
 */
export const localCandidate = any(
  is('kps', 'kps90to100', 'kps70to80', 'kps60'),
  is('kpsCause', 'brainLesion'),
  massEffect,
  raisedIcp,
);
/** Newly found parenchymal metastases in a patient for local treatment. */
export const fit = all(parenchymal, localCandidate);
/** KPS 50 or less from another cause, with nothing a local treatment would relieve. */
const supportiveFirst = all(is('kps', 'kps50orLess'), is('kpsCause', 'other'), noMassEffect, not(raisedIcp));
const large = is('largestLesion', 'from3to4cm', 'over4cm');
const fewLesions = is('lesionCount', 'one', 'twoToFour');
const manyLesions = is('lesionCount', 'fiveToTen', 'moreThanTen');
export const steroidsGiven = any(raisedIcp, all(massEffect, any(parenchymal, progression)));
export const her2Positive = is('her2', 'positive');
export const her2NegativeFamily = is('her2', 'low', 'ultralow', 'negative');
const hrPositive = is('hormoneReceptor', 'positive');
const hrNegative = is('hormoneReceptor', 'negative');
export const onTherapy = is('systemicTherapy', 'firstLine', 'laterLine');
const noTherapy = is('systemicTherapy', 'none');
export const notProgressingOutside = is('extracranial', 'none', 'controlled');
export const treated = any(parenchymal, progression);
/**
 * Systemic therapy changes: new metastases with progression outside the brain (ASCO Rec 8.2), or
 * intracranial progression after local treatment (Rec 9.1), in a patient on therapy.
 */
export const switching = all(
  onTherapy,
  any(all(parenchymal, is('extracranial', 'progressive')), progression),
);
const her2Switch = all(her2Positive, switching);
const afterRegimen = (...r: AnswerValue<'her2Regimen'>[]) => is('her2Regimen', ...r);
const surgeryFew = all(fit, is('resectable', 'yes'), fewLesions, any(massEffect, large));
const surgeryMany = all(fit, is('resectable', 'yes'), manyLesions, any(massEffect, large));
export const surgery = any(surgeryFew, surgeryMany);
/** Progression that is tumour: new lesions, growth without radiation, or imaging that favours tumour. */
const progressionTumour = all(
  progression,
  localCandidate,
  any(
    is('progressionSite', 'newLesions', 'both'),
    is('necrosisWorkup', 'favoursTumour'),
    is('priorBrainTreatment', 'surgeryOnly'),
  ),
);
const prior = (treatment: AnswerValue<'priorBrainTreatment'>, pattern: AnswerValue<'progressionPattern'>) =>
  all(progressionTumour, is('priorBrainTreatment', treatment), is('progressionPattern', pattern));
const lmFit = all(
  leptomeningeal,
  any(is('kps', 'kps90to100', 'kps70to80', 'kps60'), is('kpsCause', 'brainLesion')),
);

export const ascoHer2 = (point: string, strength?: string): Ref =>
  strength
    ? { citation: 'ascoHer2Guideline2022', point, strength }
    : { citation: 'ascoHer2Guideline2022', point };

/** The advice items: each with the rule that selects it and the sources behind it. */
export const items: PathwayInput['items'] = [
  // Emergencies: shown at once, before the consult goes on.
  {
    id: 'icpUrgentCt',
    section: 'immediate',
    urgent: true,
    text: 'Emergency: get an urgent non-contrast CT of the head to look for bleeding, hydrocephalus or herniation.',
    short: 'Urgent non-contrast CT of the head.',
    rank: 2,
    when: raisedIcp,
    refs: [{ citation: 'scottishIcp', point: 'Management: urgent CT' }, { citation: 'eanoEsmo2021' }],
    evidence: 'secondary',
  },
  {
    id: 'icpDexamethasone',
    section: 'immediate',
    urgent: true,
    text: 'Give dexamethasone now at the dose for severe symptoms: 16 mg a day or more, starting with 10 mg IV, with a proton-pump inhibitor. Give the doses early in the day and stop if there is no benefit. The trial showing 4 mg a day is enough excluded patients at risk of herniation, so it does not apply here.',
    short: 'Dexamethasone 10 mg IV now, then 16 mg a day or more, with a PPI.',
    rank: 3,
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
    text: 'Raise the head of the bed. If a bleed into or around a tumour is suspected, stop anticoagulants and reverse them following the local protocol.',
    when: raisedIcp,
    refs: [
      { citation: 'scottishIcp', point: 'Management (reversal by local protocol is not from this source)' },
    ],
    evidence: 'secondary',
  },
  {
    id: 'icpNeurosurgery',
    section: 'immediate',
    urgent: true,
    text: 'Call neurosurgery now, whatever the performance status: surgery should be considered for acute symptoms of raised pressure, and metastases in the cerebellum can cause rapid deterioration through obstructive hydrocephalus. Tell the oncology team as well.',
    short: 'Call neurosurgery now (surgery or CSF drainage).',
    rank: 1,
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
    section: 'immediate',
    urgent: true,
    text: 'Convulsive status epilepticus: call the emergency team; secure the airway, give oxygen and check capillary glucose. Give a benzodiazepine now: midazolam 10 mg IM (over 40 kg), or lorazepam 0.1 mg/kg IV (up to 4 mg, repeated once if needed), or diazepam 0.15–0.2 mg/kg IV (up to 10 mg). IM midazolam is the choice without IV access: in RAMPART it stopped seizures more often than IV lorazepam (73% vs 63%).',
    short: 'Status: midazolam 10 mg IM or lorazepam 0.1 mg/kg IV (max 4 mg) now; airway, glucose.',
    rank: 1,
    when: statusEpilepticus,
    refs: [
      {
        citation: 'glauser2016',
        point: 'first-line therapy (doses read in secondary summaries)',
        strength: 'Level A',
      },
      { citation: 'kapur2019', point: 'adequate benzodiazepine doses' },
    ],
    evidence: 'secondary',
  },
  {
    id: 'seSecondLine',
    section: 'immediate',
    urgent: true,
    text: 'If seizures go on after the benzodiazepine, give one second-line drug: levetiracetam 60 mg/kg IV (up to 4,500 mg), fosphenytoin 20 mg PE/kg (up to 1,500 mg PE) or valproate 40 mg/kg (up to 3,000 mg). In ESETT each stopped status epilepticus in about half of patients (45–47%). Levetiracetam suits the maintenance that follows: phenytoin speeds up the breakdown of dexamethasone and of several cancer drugs.',
    short: 'Still seizing: levetiracetam 60 mg/kg IV (max 4,500 mg).',
    rank: 2,
    when: statusEpilepticus,
    refs: [
      { citation: 'glauser2016', point: 'second-line therapy', strength: 'Level U' },
      { citation: 'kapur2019', point: 'doses and results' },
      { citation: 'phenytoinLabel', point: 'phenytoin induces drug-metabolising enzymes' },
    ],
    evidence: 'secondary',
  },
  {
    id: 'seRefractory',
    section: 'immediate',
    urgent: true,
    text: 'Still seizing after the second-line drug (refractory status epilepticus): call intensive care for intubation and an anaesthetic infusion (for example midazolam or propofol) under continuous EEG.',
    short: 'Refractory: intensive care, anaesthetic infusion under EEG.',
    rank: 3,
    when: statusEpilepticus,
    refs: [{ citation: 'brophy2012', point: 'refractory status epilepticus (text not read)' }],
    evidence: 'unverified',
  },
  {
    id: 'seAfterStable',
    section: 'immediate',
    text: 'Once the seizures have stopped: CT of the head, then contrast MRI; an EEG if consciousness does not come back (non-convulsive status epilepticus).',
    when: statusEpilepticus,
    refs: [{ citation: 'brophy2012', point: 'evaluation (text not read)' }],
    evidence: 'unverified',
  },
  {
    id: 'focalStatusPlan',
    section: 'immediate',
    urgent: true,
    text: 'Focal status epilepticus (such as unremitting facial twitching) is urgent but is not treated with the convulsive protocol: give a benzodiazepine (for example lorazepam 4 mg IV, or buccal midazolam 10 mg) and load a non-enzyme-inducing anti-seizure drug (levetiracetam 60 mg/kg IV, up to 4,500 mg), with a same-day neurology review and EEG. The 5-minute threshold is set for convulsive seizures; for focal seizures with impaired awareness it is about 10 minutes, and focal status with awareness kept has no agreed time point. Do not escalate to anaesthesia while awareness is kept; treat as convulsive status if it spreads or awareness is lost.',
    short: 'Focal status: lorazepam 4 mg IV, then levetiracetam 60 mg/kg IV (max 4,500 mg); EEG today.',
    rank: 1,
    when: focalStatus,
    refs: [
      {
        citation: 'trinka2015',
        point:
          'time points t1 and t2; no data yet for forms other than convulsive (the focal table was not read)',
      },
      { citation: 'glauser2016', point: 'covers convulsive status only' },
      { citation: 'kapur2019', point: 'loading doses' },
    ],
    evidence: 'unverified',
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

  // Imaging still to be done (the interim plan). After a scan, the protocol is no longer advice (E13).
  {
    id: 'interimUrgentImaging',
    section: 'immediate',
    text: 'Get the brain scan urgently: a new neurological symptom in a patient with breast cancer needs brain imaging, with a low threshold for MRI.',
    short: 'Urgent brain imaging: contrast MRI if possible.',
    rank: 10,
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
    text: 'Ask for contrast-enhanced brain MRI with at least: 3D T1 before and after contrast (isotropic, thin slices), T2, FLAIR and diffusion-weighted imaging.',
    when: all(pending, is('mriAccess', 'available')),
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
    text: 'MRI is contraindicated, so use contrast-enhanced CT. It is less sensitive: in patients with one metastasis on contrast CT, MRI found more in 31%.',
    short: 'Contrast-enhanced CT of the brain (MRI contraindicated).',
    rank: 11,
    when: all(pending, is('mriAccess', 'contraindicated')),
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
    short: 'Contrast CT now; contrast MRI as soon as available.',
    rank: 11,
    when: all(pending, is('mriAccess', 'unavailable')),
    refs: [{ citation: 'eanoEsmo2021', point: 'imaging' }, { citation: 'schellinger1999' }],
    evidence: 'secondary',
  },
  {
    id: 'ctCountIsMinimum',
    section: 'localTherapy',
    text: 'The metastases were counted on CT because MRI is contraindicated: treat the count as a minimum when planning radiosurgery (MRI found more metastases in 31% of patients with one on contrast CT).',
    when: all(parenchymal, is('mriAccess', 'contraindicated')),
    refs: [{ citation: 'schellinger1999' }],
    evidence: 'verified',
  },

  // Seizures
  {
    id: 'asmForSeizure',
    section: 'symptomControl',
    text: 'A seizure has happened (rhythmic facial twitching is a focal motor seizure), and with a brain lesion a first seizure already counts as epilepsy: start an anti-seizure medicine as treatment, not prophylaxis. Levetiracetam is preferred over the older enzyme-inducing drugs: 500 mg twice daily, raised as needed up to 1,500 mg twice daily, with a lower dose when kidney function is reduced.',
    short: 'Levetiracetam 500 mg twice daily (treatment, not prophylaxis).',
    rank: 20,
    when: any(all(is('seizure', 'yes'), not(noMetastases)), statusEpilepticus, focalStatus),
    refs: [
      { citation: 'walbert2021', point: 'levetiracetam over older drugs', strength: 'Level C' },
      { citation: 'seidel2022', point: 'a first seizure with a brain tumour implies epilepsy' },
      {
        citation: 'levetiracetamLabel',
        point: 'adult dose and renal adjustment (read in a secondary source)',
      },
      { citation: 'fisher2017', point: 'focal clonic seizures' },
    ],
    evidence: 'secondary',
    seedNote:
      'The seed said to "consider" a drug for prophylaxis; a seizure that has happened is treated, and levetiracetam is named.',
  },
  {
    id: 'asmSideEffects',
    section: 'symptomControl',
    text: 'Ask about mood and behaviour on levetiracetam (irritability, low mood or aggression: 13% vs 6% on placebo). If it is not tolerated, switch to another non-enzyme-inducing drug; lacosamide, lamotrigine and brivaracetam are used, though no guideline ranks them for brain metastases. Valproate only with care: in the UK it is not for women who could become pregnant unless the pregnancy prevention programme is met, and it is restricted in men under 55.',
    when: any(all(is('seizure', 'yes'), not(noMetastases)), statusEpilepticus, focalStatus),
    refs: [
      { citation: 'levetiracetamLabel', point: 'behavioural adverse reactions' },
      { citation: 'seidel2022', point: 'non-enzyme-inducing drugs preferred' },
    ],
    evidence: 'unverified',
  },
  {
    id: 'seizureRescuePlan',
    section: 'symptomControl',
    text: 'Give a written rescue plan: buccal midazolam 10 mg for a seizure lasting 5 minutes or a cluster of seizures, repeated once after 10 minutes if needed, and call an ambulance if it does not stop.',
    short: 'Rescue plan: buccal midazolam 10 mg for a seizure over 5 minutes.',
    rank: 58,
    when: seizureHappened,
    refs: [{ citation: 'nhsHighlandSeizure', point: 'buccal midazolam in adults' }],
    evidence: 'verified',
  },
  {
    id: 'firstSeizureNormalImaging',
    section: 'symptomControl',
    text: 'After a first unprovoked seizure with normal imaging, starting an anti-seizure medicine is an individual decision: the risk of another seizure is 21–45% over 2 years, and starting at once lowers it but does not improve remission in the long run. If the seizure was provoked (low sodium, high calcium, low glucose, a drug), correct the cause instead.',
    short: 'One seizure, normal scan: anti-seizure medicine is an individual choice.',
    rank: 20,
    when: all(noMetastases, is('seizure', 'yes')),
    refs: [{ citation: 'krumholz2015', strength: 'Level A (recurrence), Level B (early treatment)' }],
    evidence: 'verified',
    seedNote:
      'The seed and content 1.0 started an anti-seizure medicine for everyone; with a normal scan it is a choice.',
  },
  {
    id: 'noAsmProphylaxis',
    section: 'symptomControl',
    text: 'No anti-seizure prophylaxis: it should not be given to patients who have not had a seizure.',
    short: 'No anti-seizure prophylaxis (no seizure).',
    rank: 45,
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
    short: 'Unsure if seizures: EEG and neurology review.',
    rank: 22,
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
  {
    id: 'drivingAdvice',
    section: 'followUp',
    text: 'Tell the patient not to drive. In the UK the DVLA must be told about a brain tumour and about a seizure, and driving usually stops for at least a year; elsewhere, follow the local rules.',
    short: 'No driving; in the UK, tell the DVLA.',
    rank: 55,
    when: any(seizureHappened, parenchymal, leptomeningeal, progression),
    refs: [
      {
        citation: 'dvlaNeurological',
        point: 'seizures and structural brain lesions (the one-year period is from secondary sources)',
      },
    ],
    evidence: 'secondary',
  },

  // Steroids by severity
  {
    id: 'interimSteroids',
    section: 'symptomControl',
    text: 'While waiting for the scan, give dexamethasone only if the symptoms come from oedema or raised pressure: 4–8 mg a day for mild symptoms, 16 mg a day or more for severe ones. If unsure whether a symptom comes from oedema, discuss with neuro-oncology.',
    short: 'Dexamethasone only for symptoms of oedema: 4–8 mg a day (16 mg if severe).',
    rank: 25,
    when: all(pending, not(raisedIcp)),
    refs: [{ citation: 'ryken2019' }, { citation: 'chang2019' }],
    evidence: 'verified',
    seedNote:
      'The seed started 10 mg IV then 4 mg every 6 hours for everyone before the scan; steroids are for symptoms from oedema.',
  },
  {
    id: 'steroidsMild',
    section: 'symptomControl',
    text: 'Symptomatic mass effect without raised pressure: dexamethasone 4–8 mg a day for temporary relief, once or twice daily, the second dose before 2 pm. In a randomised trial 4 mg a day helped as much as 16 mg a day at one week, with less toxicity.',
    short: 'Dexamethasone 4–8 mg a day, lowest dose that works.',
    rank: 25,
    when: all(massEffect, not(raisedIcp), treated),
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
    section: 'symptomControl',
    text: 'No steroids: there is not enough evidence to give them for metastases without symptomatic mass effect.',
    short: 'No dexamethasone (no symptomatic mass effect).',
    rank: 35,
    when: all(noMassEffect, not(raisedIcp), treated),
    refs: [{ citation: 'ryken2019', point: 'asymptomatic metastases without mass effect' }],
    evidence: 'verified',
    seedNote: 'The seed started dexamethasone for every patient; not without symptoms of mass effect.',
  },
  {
    id: 'steroidTaper',
    section: 'symptomControl',
    text: 'Plan the taper when you start: use the lowest dose that works and reduce it as fast as the patient tolerates. A course shorter than 3–4 weeks can be stopped without an adrenal taper; after longer courses, taper towards a physiological dose and watch for withdrawal symptoms and adrenal insufficiency.',
    when: steroidsGiven,
    refs: [
      { citation: 'ryken2019', point: 'taper' },
      { citation: 'beuschlein2024', point: 'Recs 2.1–2.3' },
      { citation: 'vecht1994' },
    ],
    evidence: 'verified',
  },
  {
    id: 'steroidSideEffects',
    section: 'symptomControl',
    text: 'Check capillary glucose at least daily while on dexamethasone, more often if readings are high (its effect on glucose lasts over 24 hours); watch for proximal muscle weakness, insomnia, mood change and oral thrush.',
    when: steroidsGiven,
    refs: [
      { citation: 'ryken2019', point: 'steroid toxicity (monitoring schedule is not from this source)' },
    ],
    evidence: 'unverified',
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
    when: all(massEffect, not(raisedIcp), treated),
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
    id: 'lmSpineMri',
    section: 'immediate',
    text: 'Complete the imaging: contrast MRI of the whole spine as well as the brain (gadolinium 0.1 mmol/kg; slices of 1 mm or less in the brain, 3 mm or less in the spine), before any lumbar puncture.',
    short: 'Contrast MRI of the whole spine and brain.',
    rank: 10,
    when: leptomeningeal,
    refs: [{ citation: 'eanoEsmoLm2023', point: 'diagnostic work-up table' }],
    evidence: 'verified',
  },
  {
    id: 'lmLumbarPuncture',
    section: 'immediate',
    text: 'Lumbar puncture for CSF cytology once it is safe: imaging shows no mass lesion with shift and no obstructive hydrocephalus; platelets at least 50 × 10⁹/L and INR 1.5 or less; anticoagulant and antiplatelet drugs stopped for the intervals in the ABN guideline; measure the opening pressure. Send more than 10 mL (at least 5 mL), processed within 30 minutes, and repeat once if the first sample is negative.',
    short: 'Lumbar puncture for CSF cytology after the safety checks.',
    rank: 12,
    when: all(leptomeningeal, noMassEffect, not(raisedIcp)),
    refs: [
      { citation: 'harrisonLp', point: 'imaging before LP; platelets and INR' },
      { citation: 'dodd2018', point: 'stopping antithrombotic drugs (Table 2)' },
      { citation: 'eanoEsmoLm2023', point: 'CSF volume and handling' },
    ],
    evidence: 'secondary',
    seedNote: 'Content 1.0 ordered the lumbar puncture without a safety check (review E2).',
  },
  {
    id: 'lmDeferLp',
    section: 'immediate',
    text: 'Do not do a lumbar puncture now: with raised pressure, hydrocephalus or a mass lesion it can cause herniation. Treat the pressure first and ask neurosurgery; reconsider CSF sampling once it is safe.',
    short: 'No lumbar puncture while pressure is raised or CSF flow is blocked.',
    rank: 4,
    when: all(leptomeningeal, any(massEffect, raisedIcp)),
    refs: [{ citation: 'harrisonLp', point: 'herniation risk after lumbar puncture' }],
    evidence: 'secondary',
  },
  {
    id: 'lmCsfDiversion',
    section: 'localTherapy',
    text: 'Hydrocephalus: ask neurosurgery about CSF diversion (a ventriculoperitoneal shunt). In 190 patients with leptomeningeal disease, 83% had relief of symptoms; median survival after shunting was 2.4 months.',
    short: 'Neurosurgery: CSF shunt for hydrocephalus.',
    rank: 13,
    when: all(leptomeningeal, massEffect),
    refs: [{ citation: 'bander2021' }],
    evidence: 'verified',
  },
  {
    id: 'lmNeuroOncology',
    section: 'localTherapy',
    text: 'Refer to neuro-oncology: leptomeningeal disease leaves the parenchymal-metastasis pathway and is treated on its own.',
    short: 'Refer to neuro-oncology.',
    rank: 30,
    when: leptomeningeal,
    refs: [{ citation: 'eanoEsmoLm2023' }],
    evidence: 'secondary',
  },
  {
    id: 'lmActiveTreatment',
    section: 'localTherapy',
    text: 'For a patient fit for treatment the options are focal radiotherapy to symptomatic or bulky sites; proton craniospinal irradiation where available (randomised phase II in breast and lung cancer: CNS progression-free survival 7.5 vs 2.3 months and survival 9.9 vs 6.0 months against involved-field radiotherapy); intrathecal therapy; and systemic therapy with activity in the CNS.',
    short: 'Focal or proton craniospinal radiotherapy, intrathecal or CNS-active systemic therapy.',
    rank: 31,
    when: lmFit,
    refs: [{ citation: 'yang2022' }, { citation: 'leRhun2019' }, { citation: 'eanoEsmoLm2023' }],
    evidence: 'verified',
    seedNote:
      'Content 1.0 offered whole-brain radiotherapy for HER2-positive disease only (ASCO 2018); WBRT is not limited to HER2-positive disease.',
  },
  {
    id: 'lmSupportiveFirst',
    section: 'localTherapy',
    text: 'Performance status 50 or less from causes other than the leptomeningeal disease: lead with symptom control and palliative care; focal radiotherapy can still relieve pain or cranial-nerve symptoms.',
    short: 'Lead with symptom control and palliative care.',
    rank: 30,
    when: all(leptomeningeal, is('kps', 'kps50orLess'), is('kpsCause', 'other')),
    refs: [{ citation: 'leRhun2019' }, { citation: 'bander2021', point: 'KPS predicted survival' }],
    evidence: 'secondary',
  },
  {
    id: 'lmPalliativeCare',
    section: 'followUp',
    text: 'Involve palliative care from the start: leptomeningeal disease from breast cancer has a poor prognosis, with median survival measured in months, and longer with effective CNS-active therapy.',
    when: leptomeningeal,
    refs: [
      { citation: 'eanoEsmoLm2023', point: 'prognosis (the guideline wording was not read)' },
      { citation: 'perezGarcia2025' },
    ],
    evidence: 'unverified',
  },
  {
    id: 'lmHer2Systemic',
    section: 'systemicTherapy',
    text: 'HER2-positive: use HER2 therapy with activity in the CNS, chosen by what the patient has had: trastuzumab deruxtecan 5.4 mg/kg every 3 weeks (DEBBRAH leptomeningeal cohort: median survival 13.3 months in 7 patients) or tucatinib 300 mg twice daily with trastuzumab and capecitabine (TBCRC049: median survival 10 months in 17 patients).',
    short: 'CNS-active HER2 therapy: T-DXd 5.4 mg/kg every 3 weeks, or tucatinib 300 mg twice daily regimen.',
    rank: 40,
    when: all(leptomeningeal, her2Positive),
    refs: [
      { citation: 'perezGarcia2025' },
      { citation: 'tucatinibLabel', point: 'dose; brain metastases in the indication' },
      ascoHer2('Rec 9.1', 'Moderate'),
    ],
    evidence: 'secondary',
  },
  {
    id: 'lmHer2LowTdxd',
    section: 'systemicTherapy',
    text: 'HER2-low: trastuzumab deruxtecan 5.4 mg/kg every 3 weeks is an option; the DEBBRAH leptomeningeal cohort included HER2-low disease (7 patients in all, median survival 13.3 months).',
    short: 'HER2-low: T-DXd 5.4 mg/kg every 3 weeks is an option.',
    rank: 41,
    when: all(leptomeningeal, is('her2', 'low')),
    refs: [
      { citation: 'perezGarcia2025' },
      { citation: 'modi2022', point: 'HER2-low indication after chemotherapy' },
    ],
    evidence: 'verified',
  },
  {
    id: 'lmHer2NegativeSystemic',
    section: 'systemicTherapy',
    text: 'HER2-negative: systemic therapy follows the subtype; capecitabine has some CNS activity in retrospective series; intrathecal therapy can be added.',
    when: all(leptomeningeal, her2NegativeFamily),
    refs: [{ citation: 'gouveia2023' }, { citation: 'leRhun2019' }],
    evidence: 'secondary',
  },
  {
    id: 'lmOnTherapy',
    section: 'systemicTherapy',
    text: 'Leptomeningeal disease appeared on the current systemic therapy, so that therapy is failing in the CNS: change to a regimen with activity in the CNS.',
    when: all(leptomeningeal, onTherapy),
    refs: [{ citation: 'leRhun2019' }],
    evidence: 'unverified',
  },
  {
    id: 'lmStartSystemic',
    section: 'systemicTherapy',
    text: 'No systemic therapy now: start it, chosen by subtype, alongside the CNS treatment; re-test ER, PR and HER2 if tissue is available (receptors differ from the primary in 43% of patients).',
    when: all(leptomeningeal, is('systemicTherapy', 'none')),
    refs: [{ citation: 'leRhun2019' }, { citation: 'kotecha2021' }],
    evidence: 'secondary',
  },

  // No metastases on the scan
  {
    id: 'noMetsOtherCauses',
    section: 'immediate',
    text: 'Look for another cause of the symptom: a provoked seizure (low sodium, high calcium, low glucose, drugs, posterior reversible encephalopathy) or a mimic (hemifacial spasm, tics, myokymia). If it is unclear whether the events are seizures, an EEG can help.',
    short: 'Look for another cause: provoked seizure or a mimic.',
    rank: 10,
    when: noMetastases,
    refs: [
      { citation: 'krumholz2015', point: 'provoked and unprovoked seizures' },
      { citation: 'fisher2017', point: 'focal motor seizures (the list of mimics is not from this source)' },
    ],
    evidence: 'unverified',
  },
  {
    id: 'noMetsRepeatImaging',
    section: 'followUp',
    text: 'If the symptom persists or new symptoms appear, image again, with a low threshold for contrast MRI.',
    short: 'Image again if the symptom persists.',
    rank: 60,
    when: noMetastases,
    refs: [ascoHer2('Rec 10.2')],
    evidence: 'verified',
  },

  // Local therapy
  {
    id: 'mdtCare',
    section: 'localTherapy',
    text: 'Discuss the plan at a multidisciplinary tumour board (neurosurgery, radiation oncology, medical oncology).',
    when: treated,
    refs: [ascoHer2('Rec 1.0', 'Strong')],
    evidence: 'verified',
  },
  {
    id: 'upfrontLocalTherapy',
    section: 'localTherapy',
    text: 'The metastases are causing symptoms (a seizure, mass effect or raised pressure): give local treatment (surgery or radiation) upfront, whatever systemic therapy is planned. Do not defer it for systemic therapy.',
    when: all(fit, symptomatic),
    refs: [
      { citation: 'astro2022', point: 'symptomatic metastases', strength: 'Strong, low-quality evidence' },
      { citation: 'ascoSnoAstro2022', point: 'symptomatic metastases receive local therapy' },
    ],
    evidence: 'verified',
  },
  {
    id: 'deferralCriteria',
    section: 'localTherapy',
    text: 'No seizure, mass effect or raised pressure: for selected HER2-positive patients without symptoms from the metastases, ASCO allows local treatment to be deferred while a CNS-active HER2 regimen is started, with close MRI follow-up. Decide at the tumour board; the new symptom must have another explanation.',
    when: all(fit, is('seizure', 'no'), noMassEffect, is('redFlags', 'none'), her2Positive),
    refs: [ascoHer2('Rec 7.1', 'Weak'), ascoHer2('Rec 2.3')],
    evidence: 'verified',
  },
  {
    id: 'lesionDrivenLowKps',
    section: 'localTherapy',
    text: 'The low performance status comes from the metastases and may recover with treatment: treat them as for a fitter patient; the score alone does not rule out surgery or radiosurgery.',
    short: 'Low KPS from the lesions may recover: treat them.',
    rank: 36,
    when: all(treated, lowKps, is('kpsCause', 'brainLesion')),
    refs: [
      { citation: 'ascoSnoAstro2022', point: 'Rec 1.1' },
      { citation: 'astro2022', point: 'surgery for lesions with mass effect' },
      { citation: 'patchell1990' },
    ],
    evidence: 'secondary',
    seedNote: 'Content 1.0 removed all local treatment at KPS 60 or less (review E1).',
  },
  {
    id: 'weighLocalTherapy',
    section: 'localTherapy',
    text: 'The low performance status has another cause: treating the brain can still relieve symptoms, so weigh it against the overall prognosis (the GPA below) with the patient and the tumour board.',
    when: all(treated, lowKps, is('kpsCause', 'other'), localCandidate),
    refs: [
      { citation: 'astro2022', point: 'GPA; deferring radiotherapy for best supportive care' },
      { citation: 'mulvenna2016' },
    ],
    evidence: 'secondary',
  },
  {
    id: 'kpsCauseUnsure',
    section: 'localTherapy',
    text: 'Find out whether the low performance status comes from the metastases: ask neurosurgery and radiation oncology, and see whether a few days of dexamethasone improve it. If it improves, plan local treatment as for a fitter patient.',
    short: 'Find out if the low KPS comes from the lesions (steroid trial, surgical opinion).',
    rank: 29,
    when: all(any(treated, leptomeningeal), lowKps, is('kpsCause', 'unsure')),
    refs: [{ citation: 'ascoSnoAstro2022', point: 'Rec 1.1 (the steroid trial is not from this source)' }],
    evidence: 'unverified',
  },
  {
    id: 'srsOneToFour',
    section: 'localTherapy',
    text: 'Stereotactic radiosurgery (SRS) is the standard for up to 4 metastases. Do not add whole-brain radiotherapy routinely: it made cognitive decline at 3 months more common (91.7% vs 63.5%) without longer survival.',
    short:
      'Radiosurgery (SRS) to each metastasis, no routine whole-brain radiotherapy: refer to radiation oncology.',
    rank: 31,
    when: all(
      fit,
      any(is('lesionCount', 'twoToFour'), all(is('lesionCount', 'one'), is('largestLesion', 'under3cm'))),
      not(surgery),
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
    short: 'Radiosurgery in several fractions (surgery not possible).',
    rank: 31,
    when: all(fit, is('largestLesion', 'over4cm'), is('resectable', 'no')),
    refs: [{ citation: 'astro2022', point: 'over 4 cm', strength: 'Conditional' }],
    evidence: 'verified',
  },
  {
    id: 'surgeryLargeOrSymptomatic',
    section: 'localTherapy',
    text: 'Ask neurosurgery to assess resection of the large or symptomatic lesion (over 3–4 cm, or causing symptomatic mass effect), whatever the performance status; over 4 cm, surgery is the conditional recommendation. For a single metastasis, adding surgery to whole-brain radiotherapy cut recurrence at the site (20% vs 52%) and lengthened survival (40 vs 15 weeks).',
    short: 'Neurosurgery to assess resection, then radiation to the cavity.',
    rank: 30,
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
    // Follows srsOneToFour in the bottom line, which already says radiosurgery: this names the alternative.
    short:
      'Resection is an equal option to SRS for this single lesion: choose by site, need for tissue and risk.',
    rank: 31,
    when: all(
      fit,
      is('lesionCount', 'one'),
      is('largestLesion', 'under3cm'),
      noMassEffect,
      is('resectable', 'yes'),
    ),
    refs: [ascoHer2('Rec 2.2')],
    evidence: 'verified',
  },
  {
    id: 'surgeryManyLesions',
    section: 'localTherapy',
    text: 'With many metastases, surgery is less likely to help unless the rest of the disease can be controlled; it can still be discussed for a large lesion or one causing mass effect.',
    short: 'Neurosurgical opinion for the large or symptomatic lesion.',
    rank: 32,
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
    short: 'Radiosurgery is an option for 5–10 metastases (total volume 15 mL or less).',
    rank: 33,
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
    short:
      'Radiosurgery where suitable, or hippocampal-avoidance whole-brain radiotherapy with memantine 10 mg twice daily.',
    rank: 33,
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
    section: 'localTherapy',
    text: 'Performance status 50 or less from causes other than the metastases, and no mass effect: lead with supportive and palliative care, with dexamethasone only for symptoms. Whole-brain radiotherapy is optional, not the default: in QUARTZ (lung cancer, unsuitable for surgery or SRS) 20 Gy in 5 fractions added no survival over supportive care (HR 1.06). Use the GPA below to frame the discussion.',
    short: 'Lead with supportive and palliative care; whole-brain radiotherapy optional.',
    rank: 30,
    when: all(parenchymal, supportiveFirst),
    refs: [
      { citation: 'mulvenna2016' },
      { citation: 'astro2022', point: 'deferring radiotherapy for best supportive care; GPA' },
      { citation: 'gaspar2019', point: '20 Gy in 5 fractions for poor performance status' },
    ],
    evidence: 'verified',
    seedNote:
      'The seed listed whole-brain radiotherapy first for poor prognosis; supportive care leads here (QUARTZ).',
  },
  {
    id: 'srsSystemicTiming',
    section: 'localTherapy',
    text: 'Radiosurgery alongside systemic therapy: no guideline requires a pause, but many centres hold targeted drugs and capecitabine for about a week around radiosurgery (59% of centres in one survey); agree the timing with radiation oncology.',
    when: all(fit, onTherapy),
    refs: [{ citation: 'kroeze2019' }],
    evidence: 'secondary',
  },
  {
    id: 'tdm1SrsRadionecrosis',
    section: 'localTherapy',
    text: 'On T-DM1: clinically significant radionecrosis after radiosurgery was far more common with T-DM1 (39.1% vs 4.5% in one series; a smaller series found much less). Agree the timing with radiation oncology and look for radionecrosis on follow-up MRI.',
    when: all(any(fit, progression), afterRegimen('tdm1')),
    refs: [{ citation: 'stumpf2019' }],
    evidence: 'verified',
  },

  // Systemic therapy for newly found metastases
  {
    id: 'systemicAtPoorPs',
    section: 'systemicTherapy',
    text: 'Performance status 50 or less from another cause: whether to continue, start or change cancer treatment is decided with her, weighing her other illnesses, her goals and the burden of treatment, with palliative care alongside. ASCO advises against cancer-directed therapy, targeted drugs included, at performance status 3–4 when earlier treatment has not helped and there is no strong evidence that more will.',
    short: 'Cancer treatment by shared decision, not by default (performance status 50 or less).',
    rank: 39,
    when: all(treated, supportiveFirst),
    refs: [
      { citation: 'ascoChoosingWisely2021', point: 'item 1, as updated in 2021' },
      {
        citation: 'gennari2021',
        point: 'comorbidities and preferences in a shared decision; palliative care early',
      },
    ],
    evidence: 'verified',
  },
  {
    id: 'keepSystemicTherapy',
    section: 'systemicTherapy',
    text: 'The disease outside the brain is not progressing on the current therapy: do not switch it because of the brain metastases; treat the brain locally and carry on.',
    short: 'Keep the current systemic therapy; treat the brain locally.',
    rank: 40,
    // Not with supportive care first: "treat the brain locally" would contradict it (systemicAtPoorPs instead).
    when: all(parenchymal, onTherapy, notProgressingOutside, not(supportiveFirst)),
    refs: [ascoHer2('Rec 8.1')],
    evidence: 'verified',
    seedNote:
      'Content 1.0 also said this to patients on no therapy and at intracranial progression (review E5, E7).',
  },
  {
    id: 'newRelapseWorkup',
    section: 'systemicTherapy',
    text: 'No systemic therapy now (a new metastatic relapse, or treatment stopped): stage the disease outside the brain, get tissue where it is safe and re-test ER, PR and HER2 (receptors differ from the primary in 43% of patients), then choose systemic therapy by subtype.',
    short: 'Stage, biopsy and re-test ER, PR and HER2; then systemic therapy by subtype.',
    rank: 40,
    when: all(treated, noTherapy),
    refs: [
      { citation: 'kotecha2021' },
      { citation: 'eanoEsmo2021', point: 're-test biomarkers on resected metastases' },
    ],
    evidence: 'secondary',
  },
  {
    id: 'restageOnTherapy',
    section: 'systemicTherapy',
    text: 'Restage the disease outside the brain: whether it is progressing on the current therapy decides whether systemic therapy changes.',
    short: 'Restage the body to decide on systemic therapy.',
    rank: 40,
    when: all(treated, onTherapy, is('extracranial', 'notStaged')),
    refs: [ascoHer2('Rec 8.1'), ascoHer2('Rec 8.2')],
    evidence: 'verified',
  },
  {
    id: 'her2FirstLine',
    section: 'systemicTherapy',
    text: 'First line for HER2-positive metastatic disease: trastuzumab deruxtecan 5.4 mg/kg every 3 weeks with pertuzumab (DESTINY-Breast09: progression-free survival 40.7 vs 26.9 months against a taxane with trastuzumab and pertuzumab; FDA-approved in December 2025), or a taxane with trastuzumab and pertuzumab. Watch for interstitial lung disease (12% in DESTINY-Breast09).',
    short: 'First line: T-DXd 5.4 mg/kg every 3 weeks (DESTINY-Breast09 regimen).',
    rank: 41,
    when: all(treated, her2Positive, noTherapy),
    refs: [
      {
        citation: 'tolaney2025',
        point: 'results and approval read in secondary reports; the brain-metastasis subgroup was not read',
      },
      ascoHer2('Rec 8.2'),
    ],
    evidence: 'secondary',
  },
  {
    id: 'her2ProgressiveAlgorithm',
    section: 'systemicTherapy',
    text: 'The disease outside the brain is progressing: change HER2-targeted therapy following the HER2-positive metastatic algorithm, by line of therapy; the options with brain data for the next line follow.',
    when: all(parenchymal, her2Switch),
    refs: [ascoHer2('Rec 8.2', 'Moderate')],
    evidence: 'verified',
    seedNote:
      'The seed ranked tucatinib, then neratinib, then lapatinib as preferred without a line of therapy; ASCO 2022 orders by line and adds trastuzumab deruxtecan.',
  },
  {
    id: 'tdxdOption',
    section: 'systemicTherapy',
    text: 'Next line: trastuzumab deruxtecan 5.4 mg/kg every 3 weeks (the standard after trastuzumab and pertuzumab): intracranial response 65.7% vs 34.3% with T-DM1 in DESTINY-Breast03, and 71.7% in DESTINY-Breast12. Watch for interstitial lung disease (10–16% in these trials).',
    short: 'Next line: T-DXd 5.4 mg/kg every 3 weeks.',
    rank: 41,
    when: all(her2Switch, afterRegimen('trastuzumabPertuzumab', 'tdm1', 'tucatinibRegimen', 'other')),
    refs: [
      ascoHer2('Rec 8.2'),
      { citation: 'cortes2022' },
      { citation: 'hurvitz2024' },
      { citation: 'harbeck2024' },
    ],
    evidence: 'secondary',
  },
  {
    id: 'tucatinibOption',
    section: 'systemicTherapy',
    text: 'Tucatinib 300 mg twice daily with trastuzumab and capecitabine, after at least one HER2 regimen for metastatic disease: in the HER2CLIMB brain-metastasis group it added 9.1 months of survival, halved CNS progression (HR 0.32) and lowered the risk of new brain lesions by 45%. Tucatinib is a strong CYP3A inhibitor: check the patient’s other drugs.',
    short: 'Or tucatinib 300 mg twice daily in the HER2CLIMB regimen.',
    rank: 42,
    when: all(her2Switch, afterRegimen('trastuzumabPertuzumab', 'tdxd', 'tdm1', 'other')),
    refs: [
      ascoHer2('Rec 7.1 and Rec 8.2'),
      { citation: 'lin2023' },
      { citation: 'lin2020' },
      { citation: 'tucatinibLabel', point: 'indication, dose, CYP3A inhibition' },
    ],
    evidence: 'verified',
    seedNote:
      'The seed called this regimen preferred; it is one option, after at least one earlier HER2 regimen.',
  },
  {
    id: 'neratinibOption',
    section: 'systemicTherapy',
    text: 'Later lines: neratinib 240 mg daily with capecitabine (NALA, after 2 or more HER2 regimens): fewer patients needed CNS treatment than with lapatinib and capecitabine (22.8% vs 29.2%); grade 3 diarrhoea in 24%. Avoid proton-pump inhibitors and H2 blockers with neratinib (lansoprazole cut its exposure by 65%); give it at least 3 hours after an antacid.',
    when: all(
      her2Switch,
      is('systemicTherapy', 'laterLine'),
      afterRegimen('tdxd', 'tucatinibRegimen', 'other'),
    ),
    refs: [{ citation: 'saura2020' }, { citation: 'neratinibLabel', point: 'acid-reducing agents' }],
    evidence: 'secondary',
  },
  {
    id: 'lapatinibOption',
    section: 'systemicTherapy',
    text: 'Later lines: lapatinib 1,250 mg daily with capecitabine: intracranial response 65.9% in untreated brain metastases in patients without earlier whole-brain radiotherapy, capecitabine or lapatinib (LANDSCAPE).',
    when: all(
      her2Switch,
      is('systemicTherapy', 'laterLine'),
      afterRegimen('tdxd', 'tucatinibRegimen', 'other'),
    ),
    refs: [
      { citation: 'bachelot2013' },
      { citation: 'saura2020', point: 'lapatinib dose in the control arm' },
    ],
    evidence: 'secondary',
  },
  {
    id: 'tdm1Option',
    section: 'systemicTherapy',
    text: 'Later lines: trastuzumab emtansine (T-DM1) 3.6 mg/kg every 3 weeks: intracranial response 21.4% in measurable brain metastases (KAMILLA). With radiosurgery it was linked to much more radionecrosis (39.1% vs 4.5% in one series).',
    when: all(
      her2Switch,
      is('systemicTherapy', 'laterLine'),
      afterRegimen('tdxd', 'tucatinibRegimen', 'other'),
    ),
    refs: [
      { citation: 'montemurro2020' },
      { citation: 'cortes2022', point: 'T-DM1 dose' },
      { citation: 'stumpf2019' },
    ],
    evidence: 'verified',
  },
  {
    id: 'her2NegativeSystemic',
    section: 'systemicTherapy',
    text: 'HER2-negative: no systemic regimen is known to be better for the brain, and local treatment is the mainstay; systemic therapy follows the metastatic breast cancer algorithm for the subtype. Pivotal trials of the newer drugs excluded active brain metastases or had few such patients.',
    when: all(treated, her2NegativeFamily),
    refs: [
      { citation: 'ascoSnoAstro2022', point: 'local therapy for symptomatic metastases' },
      { citation: 'bardia2021', point: 'brain metastases stable for 4 weeks only' },
    ],
    evidence: 'unverified',
  },
  {
    id: 'hrPositiveFirstLine',
    section: 'systemicTherapy',
    text: 'HR-positive, HER2-negative, first line: endocrine therapy with a CDK4/6 inhibitor. Its activity in the brain is modest (abemaciclib: intracranial response 5.8%, clinical benefit about 25% in a phase II trial), so it does not replace local treatment.',
    short: 'First line: endocrine therapy with a CDK4/6 inhibitor.',
    rank: 41,
    when: all(treated, her2NegativeFamily, hrPositive, noTherapy),
    refs: [{ citation: 'tolaney2020' }],
    evidence: 'secondary',
  },
  {
    id: 'capecitabineOption',
    section: 'systemicTherapy',
    text: 'Capecitabine is an option with some activity in the brain in retrospective series (in 209 patients, a CNS response in 19–42% depending on how non-evaluable patients are counted); there are no randomised CNS data.',
    when: all(treated, her2NegativeFamily, switching),
    refs: [{ citation: 'gouveia2023' }],
    evidence: 'verified',
  },
  {
    id: 'tdxdHer2LowOption',
    section: 'systemicTherapy',
    text: 'HER2-low or ultralow: trastuzumab deruxtecan 5.4 mg/kg every 3 weeks, after chemotherapy for HER2-low disease (DESTINY-Breast04: survival 23.4 vs 16.8 months), or after endocrine therapy for HR-positive HER2-low and ultralow disease (DESTINY-Breast06: progression-free survival 13.2 vs 8.1 months). Few patients in these trials had brain metastases; watch for interstitial lung disease.',
    short: 'HER2-low: T-DXd 5.4 mg/kg every 3 weeks.',
    rank: 41,
    when: all(treated, switching, any(is('her2', 'low'), all(is('her2', 'ultralow'), hrPositive))),
    refs: [{ citation: 'modi2022' }, { citation: 'bardia2024' }],
    evidence: 'secondary',
  },
  {
    id: 'sacituzumabHrPositive',
    section: 'systemicTherapy',
    text: 'HR-positive, HER2-negative after endocrine therapy and chemotherapy: sacituzumab govitecan 10 mg/kg on days 1 and 8 every 3 weeks (TROPiCS-02: survival 14.4 vs 11.2 months); its effect on brain metastases is not known.',
    when: all(treated, her2NegativeFamily, hrPositive, switching, is('systemicTherapy', 'laterLine')),
    refs: [{ citation: 'rugo2023' }],
    evidence: 'secondary',
  },
  {
    id: 'tnbcFirstLine',
    section: 'systemicTherapy',
    text: 'Triple-negative, first line: test PD-L1 and germline BRCA if not known. PD-L1 CPS 10 or more: pembrolizumab 200 mg every 3 weeks with chemotherapy (KEYNOTE-355: survival 23.0 vs 16.1 months; active CNS metastases were excluded); otherwise chemotherapy. With a germline BRCA mutation, olaparib 300 mg twice daily or talazoparib 1 mg daily are options (OlympiAD, EMBRACA).',
    short: 'Test PD-L1 and gBRCA; CPS 10 or more: pembrolizumab 200 mg every 3 weeks with chemotherapy.',
    rank: 41,
    when: all(treated, her2NegativeFamily, hrNegative, noTherapy),
    refs: [{ citation: 'cortes2022keynote355' }, { citation: 'robson2017' }, { citation: 'litton2018' }],
    evidence: 'secondary',
  },
  {
    id: 'steroidsWithImmunotherapy',
    section: 'systemicTherapy',
    text: 'If pembrolizumab is used, keep dexamethasone to the lowest dose for the shortest time: steroids were linked to shorter survival on checkpoint inhibitors in observational studies of brain metastases.',
    when: all(treated, her2NegativeFamily, hrNegative, noTherapy, steroidsGiven),
    refs: [{ citation: 'jessurun2021', point: 'observational meta-analysis, HR 1.84' }],
    evidence: 'secondary',
  },
  {
    id: 'sacituzumabTripleNegative',
    section: 'systemicTherapy',
    text: 'Triple-negative after earlier therapy: sacituzumab govitecan 10 mg/kg on days 1 and 8 every 3 weeks (ASCENT: survival 12.1 vs 6.7 months in patients without brain metastases; stable brain metastases were allowed, and in that small group survival did not improve).',
    short: 'Sacituzumab govitecan 10 mg/kg on days 1 and 8 every 3 weeks.',
    rank: 41,
    when: all(treated, her2NegativeFamily, hrNegative, switching),
    refs: [{ citation: 'bardia2021' }],
    evidence: 'verified',
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
    id: 'necrosisWorkupNeeded',
    section: 'immediate',
    text: 'Before treating the growing lesion again, tell radionecrosis from tumour: perfusion MRI, MR spectroscopy, or amino-acid or FDG PET (pooled sensitivity 0.85, specificity 0.88), a short-interval repeat MRI, and tissue if it stays unclear. In a biopsy series of lesions growing after radiosurgery, 69% were radionecrosis alone.',
    short: 'Perfusion MRI or PET first: radionecrosis or tumour?',
    rank: 10,
    when: all(progression, is('necrosisWorkup', 'notDone')),
    refs: [{ citation: 'li2018' }, { citation: 'narloch2017' }],
    evidence: 'verified',
  },
  {
    id: 'necrosisIndeterminate',
    section: 'immediate',
    text: 'Imaging does not settle it: repeat the MRI at a short interval, or get tissue (biopsy, or resection, which also treats it); do not re-irradiate the lesion meanwhile.',
    short: 'Repeat MRI soon or get tissue; no re-irradiation yet.',
    rank: 10,
    when: all(progression, is('necrosisWorkup', 'indeterminate')),
    refs: [{ citation: 'narloch2017' }, { citation: 'li2018' }],
    evidence: 'secondary',
  },
  {
    id: 'radionecrosisTreatment',
    section: 'localTherapy',
    text: 'Treat the growing lesion as radionecrosis, not progression: no more radiation to it. Without symptoms, watch it on MRI. With symptoms: dexamethasone at the lowest dose that works; bevacizumab 7.5 mg/kg every 3 weeks for 2 doses if steroids fail or cannot be tapered (in a randomised trial oedema and enhancement shrank in every treated patient); laser interstitial thermal therapy or resection for a lesion that does not respond.',
    short: 'Radionecrosis: no more radiation; if symptomatic, steroids, then bevacizumab 7.5 mg/kg.',
    rank: 30,
    when: all(progression, is('necrosisWorkup', 'favoursNecrosis')),
    refs: [{ citation: 'levin2011' }, { citation: 'ahluwalia2018' }],
    evidence: 'secondary',
  },
  {
    id: 'progMassEffectSurgery',
    section: 'localTherapy',
    text: 'Symptomatic mass effect from a growing lesion: ask neurosurgery about resection, which relieves symptoms and gives tissue to tell tumour from radionecrosis.',
    short: 'Neurosurgery: resection relieves mass effect and gives tissue.',
    rank: 30,
    when: all(progression, massEffect),
    refs: [
      { citation: 'astro2022', point: 'discuss surgery for any lesion with mass effect' },
      { citation: 'narloch2017' },
    ],
    evidence: 'secondary',
  },
  {
    id: 'progLimitedAfterWbrt',
    section: 'localTherapy',
    text: 'Limited progression after whole-brain radiotherapy: options are SRS, surgery, systemic therapy or palliative care.',
    short: 'Radiosurgery or surgery for the progressing lesions.',
    rank: 31,
    when: prior('wbrt', 'limited'),
    refs: [ascoHer2('Rec 6.x, progression table')],
    evidence: 'verified',
  },
  {
    id: 'progLimitedAfterSrs',
    section: 'localTherapy',
    text: 'Limited progression after SRS: options for the tumour are repeat SRS, surgery, whole-brain radiotherapy with memantine and hippocampal avoidance, systemic therapy or palliative care.',
    short: 'Repeat radiosurgery or surgery for the progressing tumour.',
    rank: 31,
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
    short: 'Systemic therapy preferred; reduced-dose repeat whole-brain radiotherapy is the alternative.',
    rank: 31,
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
    short:
      'Hippocampal-avoidance whole-brain radiotherapy with memantine 10 mg twice daily, or systemic therapy.',
    rank: 31,
    when: prior('srs', 'diffuse'),
    refs: [ascoHer2('Rec 6.x, progression table')],
    evidence: 'verified',
  },
  {
    id: 'progLimitedAfterSurgery',
    section: 'localTherapy',
    text: 'Progression after surgery alone (no radiotherapy yet) is not covered by the ASCO progression table; the options for untreated metastases apply: SRS for up to 4 lesions (including the cavity), and surgery for a large or symptomatic one.',
    short: 'Radiosurgery to the lesions and the cavity (no radiation yet).',
    rank: 31,
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
    short: 'Radiosurgery where suitable, or hippocampal-avoidance whole-brain radiotherapy.',
    rank: 31,
    when: prior('surgeryOnly', 'diffuse'),
    refs: [ascoHer2('diffuse or extensive disease, favourable prognosis'), { citation: 'brown2020' }],
    evidence: 'verified',
  },
  {
    id: 'progSupportiveFirst',
    section: 'localTherapy',
    text: 'Performance status 50 or less from other causes, without mass effect: lead with supportive and palliative care; treat the brain again only if it would relieve symptoms.',
    short: 'Lead with supportive and palliative care.',
    rank: 30,
    when: all(progression, supportiveFirst),
    refs: [ascoHer2('Rec 6.x, palliative options in the progression table'), { citation: 'mulvenna2016' }],
    evidence: 'secondary',
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
    section: 'followUp',
    text: 'Offer palliative care alongside whichever option is chosen (ASCO lists palliative options in every progression scenario).',
    short: 'Palliative care alongside treatment.',
    rank: 60,
    when: progression,
    refs: [ascoHer2('Rec 6.x, progression table')],
    evidence: 'verified',
  },
  {
    id: 'progClinicalTrial',
    section: 'localTherapy',
    text: 'Ask whether a clinical trial for intracranial progression is open to the patient.',
    when: progression,
    refs: [ascoHer2('Rec 6.x (trials are not in the table as read)')],
    evidence: 'unverified',
  },

  // Follow-up
  {
    id: 'followUpMri',
    section: 'followUp',
    text: 'After treatment, brain MRI every 2–3 months in the first year (ASCO: every 2–4 months), sooner if symptoms appear; contrast CT if MRI is contraindicated.',
    short: 'Brain MRI every 2–3 months after treatment.',
    rank: 61,
    when: all(treated, localCandidate),
    refs: [{ citation: 'ascoHer2Guideline2018', point: 'serial imaging every 2–4 months' }],
    evidence: 'secondary',
  },
  {
    id: 'followUpSymptomGuided',
    section: 'followUp',
    text: 'While care is supportive, image again only if the result would change what is done, for example new symptoms in a patient who could still have treatment.',
    when: all(treated, not(localCandidate)),
    refs: [
      { citation: 'mulvenna2016', point: 'supportive care (the imaging advice is not from this source)' },
    ],
    evidence: 'unverified',
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

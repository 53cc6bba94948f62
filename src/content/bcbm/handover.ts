import type { PathwayInput } from '../schema';

/**
 * How each answer reads in the handover note's sentences (an empty phrase is left out), and its safety
 * net. Situation: the consult and what imaging shows; background: who she is and where her cancer stands.
 */
export const handover: PathwayInput['handover'] = {
  phrases: {
    scenario: {
      newSymptoms: 'New neurological symptom, brain metastases suspected',
      knownProgression: 'Known brain metastases, progressing',
    },
    redFlags: {
      none: '',
      raisedIcp: 'raised intracranial pressure',
      statusEpilepticus: 'convulsive status epilepticus',
      focalStatus: 'focal status epilepticus',
    },
    seizure: {
      yes: 'seizures',
      unsure: 'events that may be seizures',
      no: 'no seizures',
    },
    mriAccess: { available: '', contraindicated: 'MRI contraindicated', unavailable: 'MRI not yet possible' },
    imagingResult: {
      pending: 'brain imaging not done yet',
      parenchymal: 'imaging shows brain metastases',
      leptomeningeal: 'imaging shows leptomeningeal disease',
      noMetastases: 'imaging shows no metastases',
    },
    lesionCount: {
      one: '1 lesion',
      twoToFour: '2–4 lesions',
      fiveToTen: '5–10 lesions',
      moreThanTen: 'more than 10 lesions',
    },
    largestLesion: {
      under3cm: 'largest under 3 cm',
      from3to4cm: 'largest 3–4 cm',
      over4cm: 'largest over 4 cm',
    },
    massEffect: { yes: 'mass effect', no: 'no mass effect' },
    resectable: { yes: 'resectable', no: 'not resectable' },
    priorBrainTreatment: {
      srs: 'after radiosurgery',
      wbrt: 'after whole-brain radiotherapy',
      surgeryOnly: 'after surgery alone',
    },
    progressionPattern: { limited: 'limited progression', diffuse: 'diffuse progression' },
    progressionSite: {
      treatedSite: 'a treated lesion growing',
      newLesions: 'new lesions',
      both: 'a treated lesion growing and new lesions',
    },
    necrosisWorkup: {
      notDone: 'radionecrosis not yet excluded',
      favoursTumour: 'imaging favours tumour',
      favoursNecrosis: 'imaging favours radionecrosis',
      indeterminate: 'radionecrosis or tumour still unclear',
    },
    age: { under60: 'Woman under 60', sixtyOrOver: 'Woman of 60 or over' },
    hormoneReceptor: { positive: 'HR-positive', negative: 'HR-negative', unknown: 'ER/PR unknown' },
    her2: {
      positive: 'HER2-positive',
      low: 'HER2-low',
      ultralow: 'HER2-ultralow',
      negative: 'HER2-negative (IHC 0)',
      unknown: 'HER2 unknown',
    },
    kps: { kps90to100: 'KPS 90–100', kps70to80: 'KPS 70–80', kps60: 'KPS 60', kps50orLess: 'KPS 50 or less' },
    kpsCause: { brainLesion: 'from the lesions', other: 'from another cause', unsure: 'cause unclear' },
    extracranial: {
      none: 'no disease outside the brain',
      controlled: 'disease outside the brain controlled',
      progressive: 'disease outside the brain progressing',
      notStaged: 'not yet staged outside the brain',
    },
    systemicTherapy: {
      none: 'on no systemic therapy',
      firstLine: 'on first-line systemic therapy',
      laterLine: 'on second-line or later systemic therapy',
    },
    her2Regimen: {
      trastuzumabPertuzumab: 'trastuzumab and pertuzumab',
      tdxd: 'trastuzumab deruxtecan',
      tdm1: 'trastuzumab emtansine',
      tucatinibRegimen: 'the tucatinib regimen',
      other: 'another HER2 regimen',
    },
  },
  safetyNet: {
    text: 'If she worsens (drowsier, headache with vomiting, new weakness, a seizure over 5 minutes): an emergency; call the on-call team, and neurosurgery for raised pressure; for a seizure, buccal midazolam 10 mg, then an ambulance if it goes on.',
    refs: [
      { citation: 'scottishIcp', point: 'raised ICP: referral to neurosurgery and oncology' },
      { citation: 'nhsHighlandSeizure', point: 'buccal midazolam in adults' },
    ],
  },
};

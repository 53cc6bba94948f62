import type { PathwayInput } from '../schema';

export const outcomes: PathwayInput['outcomes'] = [
  {
    id: 'interimPlan',
    title: 'Interim plan while imaging is pending',
    summary: 'What to do now, before the scan. Resume this consult when the imaging result is back.',
    prognosis: false,
    resume: { question: 'imagingResult', label: 'Imaging result is back' },
  },
  {
    id: 'leptomeningealPlan',
    title: 'Leptomeningeal disease',
    summary:
      'Leptomeningeal spread is managed on its own pathway: complete the work-up safely and involve neuro-oncology. The Breast GPA was not derived for it and is not shown.',
    prognosis: false,
  },
  {
    id: 'noMetastasesPlan',
    title: 'No brain metastases seen',
    summary:
      'The scan does not explain the symptom: look for other causes, and image again if the symptom persists.',
    prognosis: false,
  },
  {
    id: 'treatmentPlan',
    title: 'Brain metastases: treatment plan',
    summary: 'Local treatment, symptom control and systemic treatment for newly found brain metastases.',
    prognosis: true,
  },
  {
    id: 'progressionPlan',
    title: 'Intracranial progression after local treatment',
    summary:
      'Options for brain metastases that progress after radiosurgery, whole-brain radiotherapy or surgery.',
    prognosis: true,
  },
];

import type { PathwayInput } from '../schema';
import { all, ascoHer2, is, leptomeningeal, pending, progression, treated } from './when';

/** What the consult could not settle, and what to do about it. */
export const unknowns: PathwayInput['unknowns'] = [
  {
    id: 'imagingPending',
    when: pending,
    text: 'The brain imaging result.',
    action:
      'Resume this consult when the scan is reported: local treatment, the steroid dose and systemic therapy depend on what it shows.',
    who: 'the team that asked for the scan',
    refs: [ascoHer2('Rec 10.2')],
  },
  {
    id: 'seizureUnclear',
    when: is('seizure', 'unsure'),
    text: 'Whether the symptom is a seizure.',
    action:
      'Arrange an EEG and a neurology review. If seizures are confirmed, start a non-enzyme-inducing anti-seizure medicine (levetiracetam preferred); until then, prophylaxis is not recommended.',
    who: 'neurology',
    refs: [{ citation: 'walbert2021' }],
  },
  {
    id: 'mriStillNeeded',
    when: all(is('mriAccess', 'unavailable'), is('imagingResult', 'parenchymal', 'noMetastases')),
    text: 'Contrast MRI has not been done: the findings come from CT.',
    action:
      'Do the MRI as soon as it is available and revisit this plan: MRI found more metastases in 31% of patients with one on contrast CT.',
    who: 'radiology',
    refs: [{ citation: 'schellinger1999' }],
  },
  {
    id: 'mriStillNeededLeptomeningeal',
    when: all(is('mriAccess', 'unavailable'), leptomeningeal),
    text: 'Contrast MRI has not been done: leptomeningeal disease was seen on CT, which is insensitive for it.',
    action:
      'Do contrast MRI of the brain and whole spine as soon as it is available, or confirm with CSF cytology once a lumbar puncture is safe, before craniospinal or intrathecal treatment.',
    who: 'radiology',
    refs: [
      { citation: 'eanoEsmoLm2023', point: 'diagnostic work-up table' },
      { citation: 'eanoEsmo2021', point: 'CT is markedly less sensitive than MRI' },
    ],
  },
  {
    id: 'her2Unknown',
    when: all(treated, is('her2', 'unknown')),
    text: 'HER2 status, which decides the HER2-directed options and the Breast GPA subtype.',
    action:
      'Test HER2 on the most recent tissue. If a brain metastasis is resected, test it there too: HER2 differs from the primary in 12% (gained in 9%).',
    who: 'oncology, with pathology',
    refs: [
      { citation: 'kotecha2021' },
      { citation: 'eanoEsmo2021', point: 're-test biomarkers on resected metastases' },
    ],
  },
  {
    id: 'hormoneReceptorUnknown',
    when: all(treated, is('hormoneReceptor', 'unknown')),
    text: 'ER/PR status, which sets the subtype for systemic therapy and the Breast GPA.',
    action:
      'Test ER and PR on the most recent tissue. If a brain metastasis is resected, test it there too: ER differs from the primary in 17% and PR in 23%, most often lost.',
    who: 'oncology, with pathology',
    refs: [
      { citation: 'kotecha2021' },
      { citation: 'eanoEsmo2021', point: 're-test biomarkers on resected metastases' },
    ],
  },
  {
    id: 'extracranialNotStaged',
    when: all(treated, is('extracranial', 'notStaged')),
    text: 'Whether there is disease outside the brain: it decides systemic therapy and is a Breast GPA factor, so the GPA is a range.',
    action: 'Stage the disease outside the brain, then revisit the systemic advice and the GPA.',
    who: 'oncology',
    refs: [ascoHer2('Rec 8.1'), { citation: 'sperduto2020breast' }],
  },
  {
    id: 'her2UnknownLeptomeningeal',
    when: all(leptomeningeal, is('her2', 'unknown')),
    text: 'HER2 status, which decides whether HER2 therapy with CNS activity is an option.',
    action:
      'Test HER2 on the most recent tissue (or CSF cells where the laboratory can); HER2 differs from the primary in 12% of metastases.',
    who: 'oncology, with pathology',
    refs: [{ citation: 'kotecha2021' }],
  },
  {
    id: 'hormoneReceptorLeptomeningeal',
    when: all(leptomeningeal, is('her2', 'low', 'ultralow', 'negative', 'unknown')),
    text: 'ER/PR status, which this consult does not ask in leptomeningeal disease: it decides between endocrine-based therapy and chemotherapy.',
    action: 'Check ER and PR on the most recent tissue before choosing systemic therapy.',
    who: 'oncology, with pathology',
    refs: [{ citation: 'kotecha2021' }],
  },
  {
    id: 'lesionCountNotAsked',
    when: progression,
    text: 'The number of brain metastases, a Breast GPA factor, is not asked in a progression consult, so the GPA is a range.',
    action: 'Count the metastases on the latest MRI to narrow the GPA.',
    who: 'radiology',
    refs: [{ citation: 'sperduto2020breast' }],
  },
];

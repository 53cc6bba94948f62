import type { PathwayInput } from '../schema';

/**
 * Updated Breast GPA (Sperduto 2020). Points for KPS, age, extracranial metastases and number of brain
 * metastases were read in a secondary source; subtype points and the survival bands are recalled, not
 * verified (clinical/evidence.md §6b), and are shown to the user as unverified.
 */
export const gpa: PathwayInput['gpa'] = {
  name: 'Updated Breast GPA (2020)',
  refs: [{ citation: 'sperduto2020breast' }, { citation: 'sperduto2020summary' }],
  note: 'Estimated median survival for groups of patients, not a prediction for this patient. The band medians are recalled, not verified: the 2020 summary report gives 3 to 36 months across breast GPA groups. Check the score at brainmetgpa.com.',
  factors: [
    {
      id: 'kps',
      label: 'KPS',
      evidence: 'secondary',
      levels: [
        { label: '90–100', points: 1, when: { q: 'kps', is: ['kps90to100'] } },
        { label: '70–80', points: 0.5, when: { q: 'kps', is: ['kps70to80'] } },
        { label: '60 or less', points: 0, when: { q: 'kps', is: ['kps60orLess'] } },
      ],
    },
    {
      id: 'subtype',
      label: 'Subtype',
      evidence: 'unverified',
      levels: [
        {
          label: 'HR+/HER2+',
          points: 1.5,
          when: {
            all: [
              { q: 'hormoneReceptor', is: ['positive'] },
              { q: 'her2', is: ['positive'] },
            ],
          },
        },
        {
          label: 'HR−/HER2+',
          points: 1,
          when: {
            all: [
              { q: 'hormoneReceptor', is: ['negative'] },
              { q: 'her2', is: ['positive'] },
            ],
          },
        },
        {
          label: 'HR+/HER2−',
          points: 0.5,
          when: {
            all: [
              { q: 'hormoneReceptor', is: ['positive'] },
              { q: 'her2', is: ['negative'] },
            ],
          },
        },
        {
          label: 'Triple negative',
          points: 0,
          when: {
            all: [
              { q: 'hormoneReceptor', is: ['negative'] },
              { q: 'her2', is: ['negative'] },
            ],
          },
        },
      ],
    },
    {
      id: 'age',
      label: 'Age',
      evidence: 'secondary',
      levels: [
        { label: 'under 60', points: 0.5, when: { q: 'age', is: ['under60'] } },
        { label: '60 or over', points: 0, when: { q: 'age', is: ['sixtyOrOver'] } },
      ],
    },
    {
      id: 'brainMetastases',
      label: 'Number of brain metastases',
      evidence: 'secondary',
      levels: [
        { label: '1', points: 0.5, when: { q: 'lesionCount', is: ['one'] } },
        {
          label: '2 or more',
          points: 0,
          when: { q: 'lesionCount', is: ['twoToFour', 'fiveToTen', 'moreThanTen'] },
        },
      ],
    },
    {
      id: 'extracranial',
      label: 'Extracranial metastases',
      evidence: 'secondary',
      levels: [
        { label: 'absent', points: 0.5, when: { q: 'extracranial', is: ['none'] } },
        { label: 'present', points: 0, when: { q: 'extracranial', is: ['controlled', 'progressive'] } },
      ],
    },
  ],
  bands: [
    { min: 0, max: 1, medianMonths: 6, evidence: 'unverified' },
    { min: 1.5, max: 2, medianMonths: 13, evidence: 'unverified' },
    { min: 2.5, max: 3, medianMonths: 24, evidence: 'unverified' },
    { min: 3.5, max: 4, medianMonths: 36, evidence: 'unverified' },
  ],
};

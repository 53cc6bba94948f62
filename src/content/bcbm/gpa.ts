import type { PathwayInput } from '../schema';

const her2Negative = ['low', 'ultralow', 'negative'];

/**
 * Updated Breast GPA (Sperduto 2020). The point table and band medians were read in the source of the
 * official calculator (brainmetgpa.com, data file of 2020), not in the paper's own table: a secondary
 * source. HER2-low and ultralow count as HER2-negative; "not staged" counts as unknown (a range).
 */
export const gpa: PathwayInput['gpa'] = {
  name: 'Updated Breast GPA (2020)',
  refs: [
    { citation: 'sperduto2020breast' },
    { citation: 'sperduto2020summary' },
    { citation: 'brainmetgpaApp', point: 'point table and band medians' },
  ],
  note: 'Estimated median survival for groups of patients, not a prediction for this patient. Points and medians are from the official calculator (brainmetgpa.com), which gives the 25th–75th percentiles beside each median (lowest band 2.5–12.3 months); the paper’s table was not read, and for the lowest band a 2020 summary report gives 3 months. The cohort was treated in 2006–2017, before tucatinib and trastuzumab deruxtecan, so for HER2-positive disease the figures may underestimate survival today.',
  caveats: [
    {
      when: { q: 'scenario', is: ['knownProgression'] },
      short: 'not validated at progression',
      text: 'Not validated at intracranial progression: the Breast GPA was derived in patients with newly diagnosed brain metastases.',
    },
    {
      // At KPS 60 the pooled level fits; only below it may the median overstate.
      when: { q: 'kps', is: ['kps50orLess'] },
      short: 'may overstate at KPS ≤50',
      text: 'The GPA’s lowest KPS level pools KPS 60 with 50 or less, so at KPS 50 or less the median may overstate survival.',
    },
  ],
  factors: [
    {
      id: 'kps',
      label: 'KPS',
      evidence: 'secondary',
      levels: [
        { label: '90–100', points: 1, when: { q: 'kps', is: ['kps90to100'] } },
        { label: '70–80', points: 0.5, when: { q: 'kps', is: ['kps70to80'] } },
        { label: '60 or less', points: 0, when: { q: 'kps', is: ['kps60', 'kps50orLess'] } },
      ],
    },
    {
      id: 'subtype',
      label: 'Subtype',
      evidence: 'secondary',
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
          points: 1.5,
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
              { q: 'her2', is: her2Negative },
            ],
          },
        },
        {
          label: 'Triple negative',
          points: 0,
          when: {
            all: [
              { q: 'hormoneReceptor', is: ['negative'] },
              { q: 'her2', is: her2Negative },
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
      unknown: ['notStaged'],
      levels: [
        { label: 'absent', points: 0.5, when: { q: 'extracranial', is: ['none'] } },
        { label: 'present', points: 0, when: { q: 'extracranial', is: ['controlled', 'progressive'] } },
      ],
    },
  ],
  bands: [
    {
      min: 0,
      max: 1,
      // Content 3.0 (review m5): the figure a clinician needs for a goals-of-care talk, shown with where
      // it comes from; the calculator's data file was read, the paper's table was not.
      medianMonths: 6,
      label: 'calculator value',
      evidence: 'secondary',
    },
    { min: 1.5, max: 2, medianMonths: 12.9, evidence: 'secondary' },
    { min: 2.5, max: 3, medianMonths: 23.5, evidence: 'secondary' },
    { min: 3.5, max: 4, medianMonths: 36.3, evidence: 'secondary' },
  ],
};

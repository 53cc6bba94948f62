import type { PathwayInput } from '../schema';

/** The advice items: each with the rule that selects it and the sources behind it. */
export const items: PathwayInput['items'] = [
  {
    id: 'asmForSeizure',
    section: 'symptomControl',
    text: 'Start an anti-seizure medicine now: this is treatment of a seizure that happened, not prophylaxis. Levetiracetam is preferred over the older enzyme-inducing drugs.',
    when: { any: [{ q: 'seizure', is: ['yes'] }, { q: 'redFlags', is: ['statusEpilepticus'] }] },
    refs: [{ citation: 'walbert2021', strength: 'Level C (levetiracetam over older drugs)' }],
    evidence: 'verified',
    seedNote: 'The seed article said "consider" an anti-seizure drug for prophylaxis; a seizure that happened is treated.',
  },
  {
    id: 'noAsmProphylaxis',
    section: 'symptomControl',
    text: 'No anti-seizure prophylaxis: it is not recommended for patients who have never had a seizure.',
    when: { all: [{ q: 'seizure', is: ['no'] }, { not: { q: 'redFlags', is: ['statusEpilepticus'] } }] },
    refs: [{ citation: 'walbert2021', strength: 'Level A' }],
    evidence: 'verified',
  },
];

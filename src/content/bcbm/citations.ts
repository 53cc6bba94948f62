import type { PathwayInput } from '../schema';

export const citations: PathwayInput['citations'] = [
  {
    id: 'sperduto2020breast',
    authors: 'Sperduto PW, Mesko S, Li J, et al.',
    title:
      'Beyond an Updated Graded Prognostic Assessment (Breast GPA): a prognostic index and trends in treatment and survival in breast cancer brain metastases from 1985 to today',
    source: 'Int J Radiat Oncol Biol Phys',
    year: 2020,
    detail: '107(2):334–343',
  },
  {
    id: 'sperduto2020summary',
    authors: 'Sperduto PW, Mesko S, Li J, et al.',
    title:
      'Survival in patients with brain metastases: summary report on the updated diagnosis-specific graded prognostic assessment and definition of the eligibility quotient',
    source: 'J Clin Oncol',
    year: 2020,
    detail: '38(32):3773–3784',
    doi: '10.1200/JCO.20.01255',
  },
  {
    id: 'walbert2021',
    authors: 'Walbert T, Harrison RA, Schiff D, et al.',
    title:
      'SNO and EANO practice guideline update: anticonvulsant prophylaxis in patients with newly diagnosed brain tumors',
    source: 'Neuro-Oncology',
    year: 2021,
    detail: '23(11):1835–1844',
    doi: '10.1093/neuonc/noab152',
  },
];

import type { PathwayInput } from '../schema';
import { all, any, her2NegativeFamily, her2Positive, is } from './when';

const hrPositive = is('hormoneReceptor', 'positive');
const hrNegative = is('hormoneReceptor', 'negative');

/**
 * Drugs that are for one receptor status only. Every item or pitfall that names one of them is
 * checked against `for` over the whole answer space, so a plan never names a drug its patient
 * cannot have (review section 1 and issue point 4). Longer names win: "trastuzumab deruxtecan" is
 * T-DXd, not trastuzumab.
 */
export const drugs: PathwayInput['drugs'] = [
  {
    id: 'tdxd',
    names: ['trastuzumab deruxtecan', 'T-DXd'],
    for: any(her2Positive, is('her2', 'low', 'ultralow')),
    why: 'HER2-positive, HER2-low or HER2-ultralow',
  },
  { id: 'tdm1', names: ['trastuzumab emtansine', 'T-DM1'], for: her2Positive, why: 'HER2-directed' },
  { id: 'trastuzumab', names: ['trastuzumab'], for: her2Positive, why: 'HER2-directed' },
  { id: 'pertuzumab', names: ['pertuzumab'], for: her2Positive, why: 'HER2-directed' },
  { id: 'tucatinib', names: ['tucatinib'], for: her2Positive, why: 'HER2-directed' },
  { id: 'neratinib', names: ['neratinib'], for: her2Positive, why: 'HER2-directed' },
  { id: 'lapatinib', names: ['lapatinib'], for: her2Positive, why: 'HER2-directed' },
  { id: 'her2Tki', names: ['HER2 tyrosine-kinase inhibitors'], for: her2Positive, why: 'HER2-directed' },
  {
    id: 'sacituzumab',
    names: ['sacituzumab govitecan', 'sacituzumab'],
    for: her2NegativeFamily,
    why: 'HER2-negative disease',
  },
  {
    id: 'cdk46',
    names: ['CDK4/6 inhibitor', 'abemaciclib'],
    for: all(hrPositive, her2NegativeFamily),
    why: 'HR-positive, HER2-negative disease',
  },
  {
    id: 'pembrolizumab',
    names: ['pembrolizumab'],
    for: all(hrNegative, her2NegativeFamily),
    why: 'triple-negative disease (PD-L1 CPS 10 or more)',
  },
  {
    id: 'parpInhibitor',
    names: ['olaparib', 'talazoparib'],
    for: her2NegativeFamily,
    why: 'HER2-negative disease with a germline BRCA mutation',
  },
];

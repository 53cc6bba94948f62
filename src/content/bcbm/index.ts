import type { PathwayInput } from '../schema';
import { changes } from './changes';
import { citations } from './citations';
import { conflicts } from './conflicts';
import { decisions } from './decisions';
import { drugs } from './drugs';
import { gpa } from './gpa';
import { handover } from './handover';
import { items } from './items';
import { outcomes } from './outcomes';
import { pitfalls } from './pitfalls';
import { questions } from './questions';
import { unknowns } from './unknowns';

/**
 * The breast-cancer brain-metastasis pathway: the one reviewed place for clinical wording.
 * Bump `version` and `reviewedOn` with every clinical change; docs/pathway.md is the review copy.
 */
export const bcbmContent: PathwayInput = {
  id: 'bcbm',
  title: 'Suspected brain metastases in breast cancer',
  version: '3.0.0',
  reviewedBy:
    'Not yet signed by a clinician: compiled by the engineering team from the two clinical reviews of December 2026 and the sources read for them; unverified points are labelled as such',
  reviewedOn: '2026-12-07',
  disclaimer:
    'Decision support only. This does not replace your clinical judgement or a multidisciplinary team; check each point against its source and the patient in front of you.',
  welcome: 'This consult walks through suspected brain metastases in breast cancer, one question at a time.',
  actNowResume: 'Stabilise her first, then come back to the questions: the consult goes on below.',
  questions,
  outcomes,
  items,
  pitfalls,
  unknowns,
  citations,
  gpa,
  drugs,
  conflicts,
  decisions,
  handover,
  changes,
};

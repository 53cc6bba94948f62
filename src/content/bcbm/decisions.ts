import type { PathwayInput } from '../schema';
import {
  all,
  any,
  ascoHer2,
  asymptomatic,
  goals,
  her2Positive,
  is,
  leptomeningeal,
  lowKps,
  manyLesions,
  massEffect,
  noMetastases,
  nothingToRelieve,
  noTherapy,
  parenchymal,
  pending,
  progression,
  raisedIcp,
  resectable,
  large,
  fewLesions,
  local,
  treated,
  treatedSiteUnsettled,
  tumourAfterRadiation,
} from './when';

const notImagedOrNone = any(pending, noMetastases);
const waitRef = ascoHer2('Rec 10.2: imaging decides the plan');

/**
 * The plan's key decisions, each made once per consult by an ordered table: the first row whose rule
 * holds sets the value. Every item that depends on a decision is gated on its value (items.ts), and the
 * load check refuses an item in a governed section that is not. docs/pathway.md prints the tables.
 */
export const decisions: PathwayInput['decisions'] = [
  {
    id: 'goals',
    title: 'Goals of care',
    values: [
      { value: 'notYet', label: 'Not part of this plan (no metastases to treat yet)', hidden: true },
      { value: 'activeTreatment', label: 'Active treatment, palliative care alongside' },
      {
        value: 'sharedDecision',
        label: 'Treatment weighed against the prognosis with her; palliative care now',
        short: 'Shared decision, palliative care',
      },
      {
        value: 'supportiveFirst',
        label: 'Supportive and palliative care first',
        short: 'Supportive care first',
      },
    ],
    rows: [
      {
        when: notImagedOrNone,
        value: 'notYet',
        why: 'Imaging pending, or no metastasis seen.',
        refs: [waitRef],
      },
      {
        when: all(
          any(treated, leptomeningeal),
          is('kps', 'kps50orLess'),
          is('kpsCause', 'other'),
          nothingToRelieve,
        ),
        value: 'supportiveFirst',
        why: 'Performance status 50 or less from another cause, and nothing a local treatment would relieve (no symptomatic mass effect, raised pressure or status epilepticus; a seizure is treated with an anti-seizure medicine).',
        refs: [
          {
            citation: 'astro2022',
            point: 'KQ3 Rec 5: early palliative care; supportive care alone may be considered',
            strength: 'Strong, moderate-quality evidence',
          },
          { citation: 'mulvenna2016' },
          { citation: 'ascoChoosingWisely2021', point: 'item 1' },
        ],
      },
      {
        when: all(any(treated, leptomeningeal), lowKps, is('kpsCause', 'other', 'unsure')),
        value: 'sharedDecision',
        why: 'Performance status 60 or less not known to come from the metastases: treatment is weighed against the prognosis with her, and palliative care is involved now.',
        refs: [
          { citation: 'astro2022', point: 'KQ3 Rec 5', strength: 'Strong, moderate-quality evidence' },
          {
            citation: 'ferrell2017',
            point: 'Rec 1: early palliative care in advanced cancer',
            strength: 'Strong',
          },
        ],
      },
      {
        when: all(treated, { gpaAtMost: 1 }),
        value: 'sharedDecision',
        why: 'Breast GPA 0–1, the lowest band (median survival about 6 months). A threshold of this pathway: ASTRO recommends early palliative care when the prognosis is poor but sets no cut-off.',
        refs: [
          { citation: 'astro2022', point: 'KQ3 Rec 5; prognosis by a validated index such as the GPA' },
          { citation: 'brainmetgpaApp', point: 'median of the lowest band' },
        ],
      },
      {
        value: 'activeTreatment',
        why: 'Otherwise: treat the metastases, with palliative care alongside as for any advanced cancer.',
        refs: [
          { citation: 'ascoSnoAstro2022', point: 'Rec 2.1', strength: 'Evidence-based, high; strong' },
          { citation: 'ferrell2017', point: 'Rec 1', strength: 'Strong' },
        ],
      },
    ],
    governs: { sections: [], items: ['palliativeCareNow', 'palliativeCareAlongside', 'progPalliativeCare'] },
  },
  {
    id: 'local',
    title: 'Local treatment',
    values: [
      { value: 'notYet', label: 'Not part of this plan (no metastases to treat yet)', hidden: true },
      {
        value: 'noRadiotherapy',
        label: 'No brain radiotherapy (no symptoms from the metastases, KPS 50 or less)',
        short: 'No brain radiotherapy',
      },
      {
        value: 'ifSystemicOptions',
        label: 'Radiosurgery only if effective systemic therapy remains',
        short: 'Radiosurgery only if systemic options remain',
      },
      {
        value: 'supportiveOptional',
        label: 'Local treatment only to relieve symptoms',
        short: 'Local treatment only for symptoms',
      },
      {
        value: 'pendingCause',
        label: 'Decided once it is known whether the metastases cause the low KPS',
        short: 'Local treatment after the KPS work-up',
      },
      {
        value: 'surgeryFirst',
        label: 'Surgery for the large or symptomatic lesion, then radiation',
        short: 'Surgery first, then radiation',
      },
      {
        value: 'fractionatedSrs',
        label: 'Radiosurgery in several fractions for the large lesion',
        short: 'Multifraction radiosurgery',
      },
      { value: 'srs', label: 'Radiosurgery', short: 'Radiosurgery' },
      {
        value: 'srsOrWbrt',
        label:
          'Radiosurgery where suitable, or hippocampal-avoidance whole-brain radiotherapy with memantine',
        short: 'Radiosurgery or HA-WBRT',
      },
      {
        value: 'settleFirst',
        label: 'Settle radionecrosis or tumour before treating the lesion again',
        short: 'Settle radionecrosis or tumour first',
      },
      {
        value: 'radionecrosis',
        label: 'Treat as radionecrosis: no more radiation to it',
        short: 'Treat as radionecrosis',
      },
      {
        value: 'reTreat',
        label: 'Treat the progression locally, by the earlier treatment and the extent',
        short: 'Local re-treatment',
      },
      {
        value: 'leptomeningeal',
        label: 'The leptomeningeal pathway with neuro-oncology',
        short: 'Leptomeningeal treatment (neuro-oncology)',
      },
    ],
    rows: [
      {
        when: notImagedOrNone,
        value: 'notYet',
        why: 'Imaging pending, or no metastasis seen.',
        refs: [waitRef],
      },
      {
        when: all(leptomeningeal, is('kps', 'kps50orLess'), is('kpsCause', 'other', 'unsure')),
        value: 'supportiveOptional',
        why: 'Leptomeningeal disease at performance status 50 or less not known to come from it: radiotherapy or a shunt only to relieve symptoms.',
        refs: [
          {
            citation: 'raghavendra2024',
            point: 'NCCN 2022 as reported: unfavourable features, palliative involved-field radiotherapy',
          },
          { citation: 'bander2021', point: 'KPS predicted survival' },
        ],
      },
      {
        when: leptomeningeal,
        value: 'leptomeningeal',
        why: 'Leptomeningeal disease: its own treatments (focal or craniospinal radiotherapy, intrathecal and CNS-active systemic therapy).',
        refs: [{ citation: 'eanoEsmoLm2023' }, { citation: 'yang2022' }],
      },
      {
        when: all(
          progression,
          is('priorBrainTreatment', 'srs', 'wbrt'),
          is('progressionSite', 'treatedSite'),
          is('necrosisWorkup', 'favoursNecrosis'),
        ),
        value: 'radionecrosis',
        why: 'A treated lesion growing, with imaging that favours radionecrosis: radionecrosis is not tumour progression.',
        refs: [{ citation: 'narloch2017' }, { citation: 'levin2011' }],
      },
      {
        when: treatedSiteUnsettled,
        value: 'settleFirst',
        why: 'A treated lesion growing that is not yet known to be tumour: settle that before treating it again.',
        refs: [{ citation: 'li2018' }, { citation: 'narloch2017' }],
      },
      {
        when: all(treated, asymptomatic, is('kps', 'kps50orLess')),
        value: 'noRadiotherapy',
        why: 'No symptoms from the metastases and KPS 50 or less: radiation should not be offered.',
        refs: [
          {
            citation: 'ascoSnoAstro2022',
            point: 'Rec 3.1',
            strength: 'Evidence-based, low-quality evidence; moderate',
          },
        ],
      },
      {
        when: all(treated, goals('supportiveFirst')),
        value: 'supportiveOptional',
        why: 'Supportive care first: treat the brain only if it would relieve symptoms (whole-brain radiotherapy is optional, not the default).',
        refs: [
          { citation: 'mulvenna2016' },
          { citation: 'astro2022', point: 'KQ3 Rec 5: supportive care alone may be considered' },
        ],
      },
      {
        when: all(treated, asymptomatic, is('kps', 'kps60')),
        value: 'ifSystemicOptions',
        why: 'No symptoms from the metastases and KPS 60: radiation should not be offered if no systemic therapy options remain.',
        refs: [
          {
            citation: 'ascoSnoAstro2022',
            point: 'Rec 3.1',
            strength: 'Evidence-based, low-quality evidence; moderate',
          },
        ],
      },
      {
        when: all(treated, is('kps', 'kps50orLess'), is('kpsCause', 'unsure'), nothingToRelieve),
        value: 'pendingCause',
        why: 'KPS 50 or less of unknown cause, with nothing a local treatment would relieve now (no symptomatic mass effect, raised pressure or status epilepticus): find out whether the metastases cause it first.',
        refs: [{ citation: 'ascoSnoAstro2022', point: 'Rec 1.1' }],
      },
      {
        when: progression,
        value: 'reTreat',
        why: 'Tumour progression (new lesions, growth that imaging favours as tumour, or growth after surgery alone): the options depend on the earlier treatment and how much progressed.',
        refs: [ascoHer2('Recs 6.1–6.3', 'Moderate to weak')],
      },
      {
        when: all(parenchymal, resectable, any(massEffect, large)),
        value: 'surgeryFirst',
        why: 'A resectable lesion causing mass effect, or 3 cm or more: surgery first, then radiation to the cavity.',
        refs: [
          ascoHer2('Rec 2.1'),
          {
            citation: 'astro2022',
            point: 'KQ1 Rec 6 (over 4 cm: surgery); discuss surgery for mass effect',
            strength: 'Conditional',
          },
          { citation: 'ascoSnoAstro2022', point: 'Rec 3.3: cavity radiosurgery' },
        ],
      },
      {
        when: all(parenchymal, is('largestLesion', 'over4cm')),
        value: 'fractionatedSrs',
        why: 'A lesion over 4 cm that cannot be removed: radiosurgery in several fractions rather than one.',
        refs: [{ citation: 'astro2022', point: 'KQ1 Rec 6', strength: 'Conditional, low-quality evidence' }],
      },
      {
        when: all(parenchymal, fewLesions),
        value: 'srs',
        why: 'One to four metastases: radiosurgery, without routine whole-brain radiotherapy.',
        refs: [
          { citation: 'astro2022', point: 'KQ1 Rec 1', strength: 'Strong, high-quality evidence' },
          { citation: 'ascoSnoAstro2022', point: 'Rec 3.2' },
        ],
      },
      {
        when: all(parenchymal, manyLesions),
        value: 'srsOrWbrt',
        why: 'Five or more metastases: radiosurgery where the lesions suit it, or whole-brain radiotherapy with hippocampal avoidance and memantine.',
        refs: [
          { citation: 'astro2022', point: 'KQ1 Rec 2 (5–10)', strength: 'Conditional, low-quality evidence' },
          { citation: 'ascoSnoAstro2022', point: 'Recs 3.4 and 3.5' },
        ],
      },
      { value: 'notYet', why: 'Otherwise there is nothing to treat locally yet.', refs: [waitRef] },
    ],
    governs: { sections: ['localTherapy'], items: [] },
  },
  {
    id: 'systemic',
    title: 'Systemic therapy',
    values: [
      { value: 'notYet', label: 'Not part of this plan (no metastases to treat yet)', hidden: true },
      {
        value: 'sharedDecision',
        label: 'Cancer treatment by shared decision, not by default',
        short: 'Cancer treatment if she chooses it',
      },
      {
        value: 'startFirstLine',
        label: 'Stage, re-test and start systemic therapy by subtype',
        short: 'Start systemic therapy by subtype',
      },
      {
        value: 'restageFirst',
        label: 'Restage the body before deciding',
        short: 'Restage before deciding',
      },
      {
        value: 'change',
        label: 'Change systemic therapy (progressing outside the brain)',
        short: 'Change systemic therapy',
      },
      {
        value: 'discussChange',
        label: 'Discuss a systemic therapy with activity in the brain',
        short: 'Discuss CNS-active systemic therapy',
      },
      {
        value: 'settleLesionFirst',
        label: 'Keep the current therapy while the growing lesion is settled',
        short: 'Keep systemic therapy meanwhile',
      },
      {
        value: 'keep',
        label: 'Keep the current systemic therapy',
        short: 'Keep the current systemic therapy',
      },
    ],
    rows: [
      {
        when: notImagedOrNone,
        value: 'notYet',
        why: 'Imaging pending, or no metastasis seen.',
        refs: [waitRef],
      },
      {
        when: any(goals('supportiveFirst'), all(leptomeningeal, local('supportiveOptional'))),
        value: 'sharedDecision',
        why: 'Supportive care first (or leptomeningeal disease at performance status 50 or less not known to come from it): whether to continue, start or change cancer treatment is decided with her, not by default; the trials of the next-line drugs took performance status 0–1.',
        refs: [
          { citation: 'ascoChoosingWisely2021', point: 'item 1' },
          { citation: 'gennari2021', point: 'shared decision; early palliative care' },
          { citation: 'lin2020', point: 'HER2CLIMB enrolled ECOG 0–1 (read in a trial summary)' },
        ],
      },
      {
        when: all(leptomeningeal, noTherapy),
        value: 'startFirstLine',
        why: 'Leptomeningeal disease and no systemic therapy now: start it by subtype, alongside the CNS treatment.',
        refs: [{ citation: 'leRhun2019' }],
      },
      {
        when: leptomeningeal,
        value: 'discussChange',
        why: 'Leptomeningeal disease on systemic therapy: consider a regimen with activity in the CNS, chosen by what she has had.',
        refs: [{ citation: 'leRhun2019', point: 'choose by prior treatment (no switch rule is stated)' }],
      },
      {
        when: noTherapy,
        value: 'startFirstLine',
        why: 'No systemic therapy now (a new relapse, or treatment stopped): stage, re-test and start by subtype.',
        refs: [{ citation: 'kotecha2021' }, { citation: 'gennari2021' }],
      },
      {
        when: is('extracranial', 'notStaged'),
        value: 'restageFirst',
        why: 'On therapy, but the disease outside the brain is not staged: whether it progresses decides.',
        refs: [ascoHer2('Recs 8.1 and 8.2')],
      },
      {
        when: is('extracranial', 'progressive'),
        value: 'change',
        why: 'Progressing outside the brain: change systemic therapy by the metastatic algorithm for the subtype.',
        refs: [ascoHer2('Rec 8.2', 'Moderate'), { citation: 'gennari2021', point: 'Figure 3' }],
      },
      {
        when: all(tumourAfterRadiation, her2Positive),
        value: 'discussChange',
        why: 'HER2-positive, tumour progressing in the brain after radiosurgery or whole-brain radiotherapy: a systemic therapy with activity in the brain may be discussed, beside local treatment.',
        refs: [ascoHer2('Rec 9.1', 'Moderate')],
      },
      {
        when: treatedSiteUnsettled,
        value: 'settleLesionFirst',
        why: 'A growing treated lesion that may be radionecrosis, with the disease outside the brain controlled: radionecrosis is not progression, so the current therapy stays while it is settled.',
        refs: [ascoHer2('Rec 9.1 (tumour progression only)'), { citation: 'narloch2017' }],
      },
      {
        value: 'keep',
        why: 'On therapy with the disease outside the brain controlled or absent: do not switch because of the brain.',
        refs: [
          ascoHer2('Rec 8.1 (read in a secondary report)'),
          { citation: 'gennari2021', point: 'Figure 3: keep unless progression outside the CNS' },
        ],
      },
    ],
    governs: { sections: ['systemicTherapy'], items: [] },
  },
  {
    id: 'steroids',
    title: 'Steroids',
    values: [
      { value: 'notYet', label: 'Not part of this plan', hidden: true },
      { value: 'none', label: 'No steroids', short: 'No steroids' },
      {
        value: 'ifSymptoms',
        label: 'Dexamethasone only for symptoms of oedema',
        short: 'Steroids only for oedema symptoms',
      },
      { value: 'low', label: 'Dexamethasone 4–8 mg a day', short: 'Dexamethasone 4–8 mg a day' },
      {
        value: 'high',
        label: 'Dexamethasone 16 mg a day or more',
        short: 'Dexamethasone 16 mg a day or more',
      },
      {
        value: 'review',
        label: 'Review the empirical dexamethasone (no tumour oedema)',
        short: 'Review or stop dexamethasone',
      },
    ],
    rows: [
      {
        when: all(noMetastases, raisedIcp),
        value: 'review',
        why: 'Raised pressure, but no metastasis on the scan: dexamethasone treats the vasogenic oedema of a tumour, so the empirical dose is reviewed.',
        refs: [
          { citation: 'rabinstein2006' },
          { citation: 'eanoEsmo2021', point: 'lowest dose, shortest time' },
        ],
      },
      {
        when: raisedIcp,
        value: 'high',
        why: 'Raised intracranial pressure: the dose for severe symptoms.',
        refs: [{ citation: 'ryken2019', point: 'severe symptoms or raised ICP: 16 mg/day or more' }],
      },
      {
        when: pending,
        value: 'ifSymptoms',
        why: 'Before the scan: only for symptoms from oedema or raised pressure.',
        refs: [{ citation: 'ryken2019' }],
      },
      {
        when: all(any(treated, leptomeningeal), massEffect),
        value: 'low',
        why: 'Symptomatic mass effect without raised pressure (in leptomeningeal disease as well): 4–8 mg a day.',
        refs: [{ citation: 'ryken2019', point: 'mild symptoms from mass effect' }, { citation: 'vecht1994' }],
      },
      {
        when: treated,
        value: 'none',
        why: 'No symptomatic mass effect or raised pressure: no steroids.',
        refs: [{ citation: 'ryken2019', point: 'asymptomatic metastases without mass effect' }],
      },
      {
        value: 'notYet',
        why: 'No metastasis seen, or leptomeningeal disease without mass effect or raised pressure: steroids are not part of this plan.',
        refs: [{ citation: 'ryken2019' }],
      },
    ],
    governs: {
      sections: [],
      items: [
        'interimSteroids',
        'steroidsMild',
        'noSteroids',
        'icpDexamethasone',
        'noMetsSteroidReview',
        'steroidTaper',
        'steroidSideEffects',
        'steroidPjp',
        'steroidGastricProtection',
      ],
    },
  },
];

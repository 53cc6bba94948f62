import type { TrainingInput } from '../training-schema';

/**
 * Trainee mode: the key-feature decisions, their options and the case-description phrases. Reviewed with the
 * consult content. The pathway's choice for a case is never written here: each option names the consult's
 * recommendation items (or GPA band) that signify it, and the case's own recommendation decides.
 */
export const training: TrainingInput = {
  version: '2.0.0',
  decisions: [
    {
      id: 'emergency',
      title: 'Emergency action',
      prompt: 'What do you do first?',
      hint: 'Look for signs of raised pressure or of a seizure that has not stopped: either changes the next ten minutes.',
      review:
        'Emergencies: raised intracranial pressure and status epilepticus (consult: immediate actions).',
      pitfalls: ['statusEpilepticusEscalate', 'posteriorFossa'],
      source: 'final',
      phase: 'presentation',
      requiredWhen: { not: { q: 'redFlags', is: ['none'] } },
      options: [
        {
          value: 'icpBundle',
          label: 'Urgent non-contrast CT, high-dose dexamethasone, call neurosurgery',
          explanation:
            'Falling consciousness with headache and vomiting is raised pressure: scan for bleeding or hydrocephalus, treat the oedema and get neurosurgery now.',
          refs: [{ citation: 'scottishIcp' }, { citation: 'eanoEsmo2021' }],
          // After the scan the emergency CT (and, with no metastasis, the high dose) is no longer ordered.
          signifiedBy: {
            items: [
              ['icpUrgentCt', 'icpDexamethasone', 'icpNeurosurgery'],
              ['icpDexamethasone', 'icpNeurosurgery'],
              ['icpNeurosurgery'],
            ],
          },
        },
        {
          value: 'benzodiazepine',
          label: 'Benzodiazepine now, then a second-line drug if it goes on',
          explanation:
            'A convulsive seizure lasting 5 minutes or more is status epilepticus: a benzodiazepine first (IM midazolam without IV access), then levetiracetam, fosphenytoin or valproate.',
          refs: [{ citation: 'glauser2016', strength: 'Level A' }],
          signifiedBy: { items: [['seFirstLine', 'seSecondLine']] },
        },
        {
          value: 'focalStatusTreatment',
          label: 'Benzodiazepine and a levetiracetam load; same-day EEG',
          explanation:
            'Continuous focal seizures with awareness kept are focal status epilepticus: urgent treatment with a benzodiazepine and a loaded non-enzyme-inducing drug, but not the convulsive anaesthetic protocol.',
          refs: [{ citation: 'trinka2015' }, { citation: 'kapur2019' }],
          signifiedBy: { items: [['focalStatusPlan']] },
        },
        {
          value: 'anaesthesia',
          label: 'Intubate and start an anaesthetic infusion',
          explanation:
            'Anaesthesia is the step for convulsive status that goes on after two drugs, not the first step, and not for focal status with awareness kept.',
          refs: [{ citation: 'trinka2015' }, { citation: 'brophy2012' }],
          tag: {
            kind: 'harmful',
            why: 'Intubation and anaesthetic drugs carry their own risks, which focal status with awareness kept does not justify.',
          },
        },
        {
          value: 'lumbarPuncture',
          label: 'Lumbar puncture to look for leptomeningeal disease',
          explanation: 'A lumbar puncture is never the first step in an emergency with a possible mass.',
          refs: [{ citation: 'eanoEsmoLm2023' }],
          tag: {
            kind: 'harmful',
            why: 'With raised pressure from a mass, a lumbar puncture can cause herniation.',
          },
        },
        {
          value: 'waitForMri',
          label: 'Book an MRI and review with the result',
          explanation: 'An emergency is treated before the diagnostic scan, not after it.',
          refs: [{ citation: 'glauser2016' }, { citation: 'scottishIcp' }],
          tag: {
            kind: 'harmful',
            why: 'Waiting lets a seizure or herniation go on untreated; the damage grows by the minute.',
          },
        },
      ],
    },
    {
      id: 'firstImaging',
      title: 'First imaging',
      prompt: 'Which brain imaging do you ask for?',
      hint: 'Think about what can be done here today, and which test finds the small metastases.',
      review: 'Imaging for suspected brain metastases: MRI protocol, contrast CT and its limits.',
      pitfalls: ['nonContrastCtMisses'],
      source: 'interim',
      phase: 'presentation',
      options: [
        {
          value: 'mri',
          label: 'Contrast-enhanced brain MRI',
          explanation:
            'Contrast MRI is the test of choice: it finds metastases that CT misses and is needed to plan radiosurgery.',
          refs: [
            { citation: 'eanoEsmo2021', point: 'MRI is the modality of choice' },
            { citation: 'kaufmann2020' },
          ],
          signifiedBy: { items: [['mriProtocol']] },
        },
        {
          value: 'contrastCt',
          label: 'Contrast-enhanced CT, because MRI is contraindicated',
          explanation:
            'When MRI cannot be done safely, contrast CT is next best; treat its lesion count as a minimum.',
          refs: [{ citation: 'schellinger1999' }],
          signifiedBy: { items: [['contrastCtContraindicated']] },
        },
        {
          value: 'ctThenMri',
          label: 'Contrast CT now, MRI as soon as it can be done',
          explanation:
            'Do not wait days for MRI: contrast CT now, then the MRI before any surgery or radiosurgery is planned.',
          refs: [{ citation: 'schellinger1999' }, { citation: 'eanoEsmo2021' }],
          signifiedBy: { items: [['contrastCtThenMri']] },
        },
        {
          value: 'plainCt',
          label: 'Non-contrast CT head alone',
          explanation: 'A non-contrast CT is for bleeding and hydrocephalus; it cannot rule metastases out.',
          refs: [{ citation: 'bardfeld1977' }],
          tag: {
            kind: 'harmful',
            why: 'Non-contrast CT alone misses metastases, so a "normal" scan falsely reassures and treatment is delayed.',
          },
        },
      ],
    },
    {
      id: 'seizureMedicine',
      title: 'Seizure medicine',
      prompt: 'What about anti-seizure medicine?',
      hint: 'Has a seizure actually happened? The answer decides between treatment and no drug at all.',
      review: 'Seizures in brain metastases: treat after a seizure, no prophylaxis, avoid enzyme inducers.',
      pitfalls: ['twitchNotBenign', 'noProphylaxisWithoutSeizure', 'enzymeInducingAsms'],
      source: 'final',
      phase: 'presentation',
      options: [
        {
          value: 'levetiracetam',
          label: 'Start levetiracetam 500 mg twice daily',
          explanation:
            'A seizure has happened: treat it, with a newer drug such as levetiracetam, raised as needed (stereotyped facial twitching is a focal motor seizure). Before the scan this is reasonable; if imaging shows no lesion, the choice is revisited.',
          refs: [{ citation: 'walbert2021', strength: 'Level C' }, { citation: 'fisher2017' }],
          signifiedBy: { items: [['asmForSeizure'], ['asmBeforeScan']] },
        },
        {
          value: 'noAsm',
          label: 'No anti-seizure medicine',
          explanation: 'Without a seizure, prophylaxis does not help and has side effects.',
          refs: [{ citation: 'walbert2021', strength: 'Level A' }],
          signifiedBy: { items: [['noAsmProphylaxis']] },
        },
        {
          value: 'eegFirst',
          label: 'EEG and neurology review first, no prophylaxis meanwhile',
          explanation:
            'When it is unclear whether the events are seizures, find out (EEG, neurology) rather than treat blindly.',
          refs: [
            { citation: 'fisher2017' },
            { citation: 'walbert2021', strength: 'Level A (no prophylaxis)' },
          ],
          signifiedBy: { items: [['seizureWorkup']] },
        },
        {
          value: 'phenytoin',
          label: 'Start phenytoin',
          explanation: 'Older enzyme-inducing drugs are avoided in patients on cancer treatment.',
          refs: [{ citation: 'walbert2021' }, { citation: 'lacy2012' }],
          tag: {
            kind: 'harmful',
            why: 'Phenytoin interacts with capecitabine (phenytoin toxicity) and lowers the levels of many cancer drugs and of dexamethasone.',
          },
        },
        {
          value: 'prophylaxis',
          label: 'Levetiracetam prophylaxis for everyone with brain metastases',
          explanation: 'Prophylaxis is not given to patients who have not had a seizure.',
          refs: [{ citation: 'walbert2021', strength: 'Level A' }, { citation: 'chang2019' }],
          tag: {
            kind: 'suboptimal',
            why: 'No seizure is prevented, and the drug brings mood and sleep side effects.',
          },
        },
      ],
    },
    {
      id: 'steroids',
      title: 'Steroids and dose',
      prompt: 'Dexamethasone: whether, and how much?',
      hint: 'Steroids treat symptoms from oedema, and the dose follows how severe they are.',
      review: 'Dexamethasone: only for symptoms from oedema, dose by severity, plan the taper.',
      pitfalls: ['steroidsOnlyForSymptoms'],
      source: 'final',
      phase: 'findings',
      options: [
        {
          value: 'highDose',
          label: 'Dexamethasone 10 mg IV now, then 16 mg a day or more',
          explanation: 'Raised pressure needs the dose for severe symptoms, with a proton-pump inhibitor.',
          refs: [
            { citation: 'ryken2019', point: 'severe symptoms: 16 mg/day or more' },
            { citation: 'dexamethasoneLabel' },
          ],
          signifiedBy: { decision: 'steroids', is: ['high'] },
        },
        {
          value: 'lowDose',
          label: 'Dexamethasone 4–8 mg a day',
          explanation:
            'Mild symptoms from mass effect: 4 mg a day helped as much as 16 mg with less toxicity.',
          refs: [{ citation: 'ryken2019' }, { citation: 'vecht1994' }],
          signifiedBy: { decision: 'steroids', is: ['low'] },
        },
        {
          value: 'none',
          label: 'No steroids',
          explanation: 'Without symptomatic mass effect, steroids bring side effects and no benefit.',
          refs: [{ citation: 'ryken2019', point: 'asymptomatic metastases' }],
          signifiedBy: { decision: 'steroids', is: ['none'] },
        },
        {
          value: 'ifSymptomatic',
          label: 'Only if symptoms come from oedema, dose by severity',
          explanation:
            'Before the scan, dexamethasone is for symptoms that come from oedema, not for everyone.',
          refs: [{ citation: 'ryken2019' }, { citation: 'chang2019' }],
          signifiedBy: { decision: 'steroids', is: ['ifSymptoms'] },
        },
        {
          value: 'review',
          label: 'Review the dexamethasone and stop it unless another cause needs it',
          explanation:
            'No metastasis on the scan: dexamethasone treats tumour oedema, not the other causes of raised pressure, so the empirical dose is reviewed while the cause is found.',
          refs: [{ citation: 'rabinstein2006' }, { citation: 'eanoEsmo2021' }],
          signifiedBy: { decision: 'steroids', is: ['review'] },
        },
        {
          value: 'everyone',
          label: 'Dexamethasone 16 mg a day for every patient with brain metastases',
          explanation: 'A fixed high dose for everyone is the old habit the guidelines replaced.',
          refs: [{ citation: 'ryken2019' }],
          tag: {
            kind: 'harmful',
            why: 'Steroids without symptoms: hyperglycaemia, myopathy, infection and insomnia for no benefit.',
            when: { decision: 'steroids', is: ['none'] },
          },
        },
      ],
    },
    {
      id: 'localTherapy',
      title: 'Local therapy',
      prompt: 'Which local treatment for the brain?',
      hint: 'Count the lesions, look at the size of the largest, any mass effect, and how fit she is.',
      review:
        'Local therapy: SRS for limited disease, surgery for large or symptomatic lesions, no routine WBRT.',
      pitfalls: ['plainWbrt', 'noDeferralWhenSymptomatic'],
      source: 'final',
      phase: 'findings',
      options: [
        {
          value: 'srs',
          label: 'Stereotactic radiosurgery alone',
          explanation:
            'Up to 4 metastases in a fit patient: SRS; adding whole-brain radiotherapy worsens cognition without longer survival.',
          refs: [{ citation: 'astro2022', strength: 'Strong' }, { citation: 'brown2016' }],
          signifiedBy: { items: [['srsOneToFour']] },
        },
        {
          value: 'srsOrResection',
          label: 'SRS or resection, chosen with the patient',
          explanation:
            'A single small metastasis without mass effect can be treated with either: location, need for tissue and preference decide.',
          refs: [{ citation: 'ascoHer2Guideline2022', point: 'Rec 2.2' }],
          signifiedBy: { items: [['srsOneToFour', 'srsOrResectionSingle']] },
        },
        {
          value: 'surgery',
          label: 'Resection of the large or symptomatic lesion, then cavity radiosurgery',
          explanation:
            'A large lesion or one causing mass effect that surgery can reach is resected; the cavity (and any others) then get radiosurgery.',
          refs: [{ citation: 'ascoHer2Guideline2022', point: 'Rec 2.1' }, { citation: 'patchell1990' }],
          signifiedBy: {
            items: [
              ['surgeryLargeOrSymptomatic'],
              ['surgeryManyLesions'],
              ['surgeryManyLesions', 'srsFiveToTen'],
              ['surgeryManyLesions', 'extensiveSrsOrHaWbrt'],
            ],
          },
        },
        {
          value: 'srsMany',
          label: 'Radiosurgery to each of the 5–10 lesions',
          explanation:
            'With 5–10 lesions each under 3 cm, a total volume of 15 mL or less and a good KPS, SRS alone did as well as for 2–4 lesions.',
          refs: [{ citation: 'yamamoto2014' }, { citation: 'astro2022', strength: 'Conditional' }],
          signifiedBy: { items: [['srsFiveToTen']] },
        },
        {
          value: 'largeLesionFirst',
          label: 'Treat the large lesion first (multifraction SRS), the rest by volume',
          explanation:
            'A lesion over 4 cm cannot be resected here: radiosurgery in several fractions for it; with 5 or more lesions, the rest get radiosurgery if the total volume allows, or hippocampal-avoidance whole-brain radiotherapy.',
          refs: [
            { citation: 'astro2022', point: 'KQ1 Recs 2 and 6', strength: 'Conditional' },
            { citation: 'yamamoto2014' },
          ],
          signifiedBy: {
            items: [
              ['hsrtOverFourUnresectable'],
              ['fiveToTenLargeLesion'],
              ['fiveToTenLargeLesion', 'hsrtOverFourUnresectable'],
              ['extensiveSrsOrHaWbrt', 'hsrtOverFourUnresectable'],
            ],
          },
        },
        {
          value: 'extensive',
          label: 'SRS where suitable, or hippocampal-avoidance WBRT with memantine',
          explanation:
            'More than 10 lesions with a good prognosis: radiosurgery if the lesions suit it, otherwise whole-brain radiotherapy that spares the hippocampi.',
          refs: [{ citation: 'ascoHer2Guideline2022' }, { citation: 'brown2020' }],
          signifiedBy: { items: [['extensiveSrsOrHaWbrt']] },
        },
        {
          value: 'supportive',
          label: 'Supportive and palliative care first; radiotherapy optional',
          explanation:
            'KPS 50 or less from causes other than the metastases, and no mass effect: whole-brain radiotherapy added no survival over supportive care (QUARTZ). A low KPS the lesions cause, or mass effect, keeps surgery and radiosurgery on the table.',
          refs: [{ citation: 'mulvenna2016' }, { citation: 'astro2022' }],
          signifiedBy: { items: [['poorPrognosisSupportive']] },
        },
        {
          value: 'noRadiotherapy',
          label: 'No brain radiotherapy: best supportive care',
          explanation:
            'No symptoms from the metastases and KPS 50 or less: radiation should not be offered (ASCO-SNO-ASTRO Rec 3.1); with KPS 60 the same holds if no effective systemic therapy remains.',
          refs: [{ citation: 'ascoSnoAstro2022', point: 'Rec 3.1' }],
          signifiedBy: { items: [['noRadiotherapyAsymptomatic'], ['radiotherapyIfSystemicOptions']] },
        },
        {
          value: 'srsPlusWbrt',
          label: 'Radiosurgery plus whole-brain radiotherapy',
          explanation: 'Routine whole-brain radiotherapy is no longer added to radiosurgery.',
          refs: [{ citation: 'brown2016' }, { citation: 'gaspar2019' }],
          tag: {
            kind: 'harmful',
            why: 'Routine WBRT (for one small lesion or a few) made cognitive decline at 3 months more common (92% vs 64%) without longer survival.',
          },
        },
        {
          value: 'deferLocal',
          label: 'Start systemic therapy first and treat the brain only if it grows',
          explanation:
            'Metastases that cause symptoms are treated locally upfront, whatever systemic therapy is planned; deferral is only for selected HER2-positive patients without symptoms, decided at the tumour board.',
          refs: [{ citation: 'astro2022', strength: 'Strong' }, { citation: 'ascoSnoAstro2022' }],
          tag: {
            kind: 'harmful',
            why: 'Deferring local treatment of symptomatic lesions risks permanent deficits while waiting for a drug response.',
            when: {
              any: [
                { q: 'seizure', is: ['yes'] },
                { q: 'massEffect', is: ['yes'] },
                { q: 'redFlags', is: ['raisedIcp', 'statusEpilepticus', 'focalStatus'] },
                { q: 'kpsCause', is: ['brainLesion'] },
              ],
            },
          },
        },
      ],
    },
    {
      id: 'systemicTherapy',
      title: 'Systemic therapy',
      prompt: 'What about her systemic therapy?',
      hint: 'Is the disease outside the brain responding or progressing, and what is the HER2 status?',
      review:
        'Systemic therapy with brain metastases: keep what works outside the brain; HER2 regimens with brain data.',
      pitfalls: ['dontStopWorkingSystemic'],
      source: 'final',
      phase: 'findings',
      options: [
        {
          value: 'keep',
          label: 'Keep the current systemic therapy',
          explanation:
            'The disease outside the brain is not progressing: manage the brain locally and carry on with what works.',
          refs: [{ citation: 'ascoHer2Guideline2022', point: 'Rec 8.1' }, { citation: 'gennari2021' }],
          signifiedBy: { decision: 'systemic', is: ['keep'] },
        },
        {
          value: 'settleFirst',
          label: 'Keep it while the growing lesion is settled',
          explanation:
            'A growing treated lesion may be radionecrosis, which is not progression: keep the therapy that controls the disease outside the brain while imaging or tissue settles it.',
          refs: [{ citation: 'ascoHer2Guideline2022', point: 'Rec 9.1' }, { citation: 'narloch2017' }],
          signifiedBy: { decision: 'systemic', is: ['settleLesionFirst'] },
        },
        {
          value: 'cnsActiveHer2',
          label: 'Discuss a next regimen with activity in the brain',
          explanation:
            'Tumour progressing in the brain after radiation (ASCO Rec 9.1), or leptomeningeal disease on therapy: a regimen with activity in the brain can be discussed, chosen by what she has had.',
          refs: [
            { citation: 'ascoHer2Guideline2022', point: 'Rec 9.1' },
            { citation: 'lin2020' },
            { citation: 'leRhun2019' },
          ],
          signifiedBy: { decision: 'systemic', is: ['discussChange'] },
        },
        {
          value: 'changeHer2',
          label: 'Change systemic therapy by the metastatic algorithm',
          explanation:
            'Progression outside the brain: change systemic therapy by subtype and line, favouring drugs with brain data (for HER2-positive disease T-DXd or the tucatinib regimen).',
          refs: [{ citation: 'ascoHer2Guideline2022', point: 'Rec 8.2' }, { citation: 'gennari2021' }],
          signifiedBy: { decision: 'systemic', is: ['change'] },
        },
        {
          value: 'startFirstLine',
          label: 'Stage, re-test receptors, start first-line therapy',
          explanation:
            'No systemic therapy now: stage the body, get tissue where safe and re-test ER, PR and HER2, then start by subtype.',
          refs: [{ citation: 'kotecha2021' }, { citation: 'gennari2021' }],
          signifiedBy: { decision: 'systemic', is: ['startFirstLine'] },
        },
        {
          value: 'restage',
          label: 'Restage the body before deciding',
          explanation:
            'On therapy but not staged: whether the disease outside the brain progresses decides whether to keep or change.',
          refs: [{ citation: 'ascoHer2Guideline2022', point: 'Recs 8.1 and 8.2' }],
          signifiedBy: { decision: 'systemic', is: ['restageFirst'] },
        },
        {
          value: 'sharedDecision',
          label: 'Cancer treatment by shared decision, with palliative care',
          explanation:
            'At a performance status of 50 or less from another cause, more cancer treatment is decided with her, not by default; palliative care leads.',
          refs: [{ citation: 'ascoChoosingWisely2021' }, { citation: 'gennari2021' }],
          signifiedBy: { decision: 'systemic', is: ['sharedDecision'] },
        },
        {
          value: 'switch',
          label: 'Switch systemic therapy because the brain is now involved',
          explanation:
            'Brain metastases alone are not a reason to change a therapy that controls the disease elsewhere.',
          refs: [{ citation: 'ascoHer2Guideline2022', point: 'Rec 8.1' }],
          tag: {
            kind: 'harmful',
            why: 'Switching a working systemic therapy gives up control of the disease outside the brain, and a line of treatment, for nothing.',
            when: { decision: 'systemic', is: ['keep', 'settleLesionFirst'] },
          },
        },
        {
          value: 'stop',
          label: 'Stop systemic therapy until the brain is treated',
          explanation:
            'Systemic therapy goes on around local treatment unless a specific interaction needs a pause.',
          refs: [{ citation: 'ascoHer2Guideline2022', point: 'Rec 8.1' }],
          tag: {
            kind: 'suboptimal',
            why: 'A long pause lets the disease outside the brain progress.',
            when: { decision: 'systemic', is: ['keep', 'settleLesionFirst'] },
          },
        },
      ],
    },
    {
      id: 'prognosis',
      title: 'Prognosis band',
      prompt: 'Which Breast GPA band is she in (the group median survival follows from it)?',
      hint: 'The Breast GPA adds points for KPS, subtype and age; the band gives a group median.',
      review: 'The updated Breast GPA: its factors and the survival bands.',
      pitfalls: ['noSurvivalFromMemory'],
      source: 'final',
      phase: 'findings',
      // The GPA was derived in newly found brain metastases: not quizzed at intracranial progression (review m10).
      appliesWhen: { q: 'scenario', is: ['newSymptoms'] },
      options: [
        {
          value: 'about6',
          label: 'GPA 0–1: about 6 months',
          explanation:
            'A GPA of 0–1 is the lowest band: the calculator gives a median of 6 months (a 2020 summary report gives 3); palliative care should be involved now.',
          refs: [{ citation: 'brainmetgpaApp' }, { citation: 'sperduto2020summary' }],
          signifiedBy: { gpaBandFrom: 0 },
        },
        {
          value: 'about13',
          label: 'GPA 1.5–2: about a year',
          explanation: 'A GPA of 1.5–2 falls in the band with a median of 12.9 months.',
          refs: [{ citation: 'sperduto2020breast' }, { citation: 'brainmetgpaApp' }],
          signifiedBy: { gpaBandFrom: 1.5 },
        },
        {
          value: 'about24',
          label: 'GPA 2.5–3: about 2 years',
          explanation: 'A GPA of 2.5–3 falls in the band with a median of 23.5 months.',
          refs: [{ citation: 'sperduto2020breast' }, { citation: 'brainmetgpaApp' }],
          signifiedBy: { gpaBandFrom: 2.5 },
        },
        {
          value: 'about36',
          label: 'GPA 3.5–4: about 3 years',
          explanation: 'A GPA of 3.5–4 is the highest band, with a median of 36.3 months.',
          refs: [{ citation: 'sperduto2020breast' }, { citation: 'brainmetgpaApp' }],
          signifiedBy: { gpaBandFrom: 3.5 },
        },
      ],
    },
    {
      id: 'followUp',
      title: 'Follow-up',
      prompt: 'How do you follow her brain after treatment?',
      hint: 'New lesions and local recurrence are common and are best treated while small.',
      review: 'Surveillance after treatment of brain metastases.',
      pitfalls: [],
      source: 'final',
      phase: 'findings',
      options: [
        {
          value: 'mriEvery2to3',
          label: 'Brain MRI every 2–3 months in the first year',
          explanation:
            'Serial MRI finds new or recurrent lesions while they can still be treated with radiosurgery.',
          refs: [{ citation: 'ascoHer2Guideline2018', point: 'every 2–4 months' }],
          signifiedBy: { items: [['followUpMri']] },
        },
        {
          value: 'ctEvery2to3',
          label: 'Contrast CT every 2–3 months (MRI contraindicated)',
          explanation:
            'Where MRI is contraindicated, contrast CT is the follow-up imaging, at the same intervals.',
          refs: [{ citation: 'ascoHer2Guideline2018' }, { citation: 'eanoEsmo2021' }],
          signifiedBy: { items: [['followUpCt']] },
        },
        {
          value: 'onSymptoms',
          label: 'Imaging only if new symptoms appear',
          explanation: 'Waiting for symptoms finds lesions later, when fewer options remain.',
          refs: [{ citation: 'ascoHer2Guideline2018' }],
          tag: {
            kind: 'suboptimal',
            why: 'Recurrences are found larger and more often need whole-brain treatment.',
          },
        },
        {
          value: 'yearlyCt',
          label: 'A CT head once a year',
          explanation: 'Yearly CT is too rare and too insensitive to follow treated metastases.',
          refs: [{ citation: 'schellinger1999' }],
          tag: {
            kind: 'suboptimal',
            why: 'CT misses small lesions, and a year lets them grow past radiosurgery size.',
          },
        },
      ],
    },
  ],
  templates: {
    age: {
      under60: ['in her forties', 'in her fifties'],
      sixtyOrOver: ['in her sixties', 'in her seventies'],
    },
    phrases: {
      hormoneReceptor: {
        positive: 'HR-positive',
        negative: 'HR-negative',
        unknown: '',
      },
      her2: {
        positive: 'HER2-positive',
        low: 'HER2-low',
        ultralow: 'HER2-ultralow',
        negative: 'HER2-negative (IHC 0)',
        unknown: '',
      },
      scenario: {
        newSymptoms: 'has a new neurological symptom.',
        knownProgression: 'and known brain metastases.',
      },
      extracranial: {
        none: 'Staging shows no disease outside the brain.',
        controlled: 'Her disease outside the brain is controlled.',
        progressive: 'Her disease outside the brain is progressing.',
        notStaged: 'Her disease outside the brain has not been staged yet.',
      },
      systemicTherapy: {
        none: 'She is on no systemic therapy at present.',
        firstLine: 'She is on first-line systemic therapy for metastatic disease.',
        laterLine: 'She is on second-line or later systemic therapy for metastatic disease.',
      },
      her2Regimen: {
        trastuzumabPertuzumab: 'Her HER2 treatment is trastuzumab and pertuzumab.',
        tdxd: 'Her HER2 treatment is trastuzumab deruxtecan.',
        tdm1: 'Her HER2 treatment is trastuzumab emtansine.',
        tucatinibRegimen: 'Her HER2 treatment is tucatinib with trastuzumab and capecitabine.',
        other: 'She is on another HER2-directed regimen.',
      },
      redFlags: {
        none: '',
        raisedIcp:
          'Since this morning she has been increasingly drowsy, with a severe headache and vomiting.',
        statusEpilepticus:
          'She is brought in with a convulsive seizure that has gone on for ten minutes without recovery in between.',
        focalStatus:
          'For the last twenty minutes her right face has twitched without stopping; she is awake and answers you.',
      },
      seizure: {
        yes: 'She has had three episodes of right facial twitching, each about a minute long, with full recovery.',
        unsure:
          'Her family have noticed brief flickering around her right eye; nobody is sure these are seizures.',
        no: 'She has had a new headache and mild word-finding difficulty for two weeks, with no seizure-like events.',
      },
      mriAccess: {
        available: 'An MRI slot is available today.',
        contraindicated: 'She has a pacemaker that is not MRI-safe.',
        unavailable: 'The nearest MRI cannot be done for several days.',
      },
      imagingResult: {
        parenchymal: 'Imaging shows brain metastases:',
        leptomeningeal:
          'Imaging shows leptomeningeal enhancement along the cerebellar folia and no parenchymal lesion.',
        noMetastases: 'Imaging shows no metastases.',
      },
      lesionCount: {
        one: 'a single lesion,',
        twoToFour: 'three lesions,',
        fiveToTen: 'seven lesions,',
        moreThanTen: 'more than ten lesions,',
      },
      largestLesion: {
        under3cm: 'up to 2 cm across.',
        from3to4cm: 'up to 3.5 cm across.',
        over4cm: 'up to 4.5 cm across.',
      },
      massEffect: {
        yes: 'There is surrounding oedema that explains her symptoms.',
        no: 'There is little oedema and no mass effect.',
      },
      resectable: {
        yes: 'Neurosurgery says the largest lesion can be reached safely.',
        no: 'The lesions lie deep, in eloquent brain, beyond safe resection.',
      },
      kps: {
        kps90to100: 'She is fully active (KPS 90–100).',
        kps70to80: 'She cares for herself but cannot work (KPS 70–80).',
        kps60: 'She needs occasional help but cares for most of her needs (KPS 60).',
        kps50orLess: 'She needs considerable help and frequent medical care (KPS 50 or less).',
      },
      kpsCause: {
        brainLesion: 'Her decline came with the brain symptoms and may be from the lesions.',
        other: 'Her decline is not from the brain lesions but from other illness or frailty.',
        unsure: 'It is not clear whether the brain lesions or her other disease cause her decline.',
      },
      priorBrainTreatment: {
        srs: 'Her brain metastases were treated with stereotactic radiosurgery last year.',
        wbrt: 'Her brain metastases were treated with whole-brain radiotherapy last year.',
        surgeryOnly: 'A brain metastasis was resected last year, without radiotherapy.',
      },
      progressionPattern: {
        limited: 'A follow-up MRI now shows progression in a few lesions.',
        diffuse: 'A follow-up MRI now shows progression throughout the brain.',
      },
      progressionSite: {
        treatedSite: 'It is a treated lesion that is growing.',
        newLesions: 'The growth is in new lesions, away from the treated ones.',
        both: 'A treated lesion is growing, and there are new lesions elsewhere.',
      },
      necrosisWorkup: {
        notDone: 'No perfusion MRI or PET has been done yet.',
        favoursTumour: 'Perfusion MRI favours tumour.',
        favoursNecrosis: 'Perfusion MRI and PET favour radionecrosis.',
        indeterminate: 'Perfusion MRI is indeterminate.',
      },
    },
    notes: {
      hormoneReceptor: { unknown: 'Her hormone-receptor status is not known yet.' },
      her2: { unknown: 'Her HER2 status is not known yet.' },
    },
    pending: 'The brain scan has not been done yet.',
  },
};

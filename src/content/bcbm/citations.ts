import type { PathwayInput } from '../schema';

/**
 * The sources behind the content. Content 2.0 adds the sources read for the clinical review of
 * December 2026; where a source was read (abstract, label, full text or a secondary summary) is
 * recorded on the items that cite it, through their evidence label.
 */
export const citations: PathwayInput['citations'] = [
  // Guidelines
  {
    id: 'ascoSnoAstro2022',
    authors: 'Vogelbaum MA, Brown PD, Messersmith H, et al.',
    title: 'Treatment for brain metastases: ASCO-SNO-ASTRO guideline',
    source: 'J Clin Oncol',
    year: 2022,
    detail: '40(5):492–516',
    doi: '10.1200/JCO.21.02314',
  },
  {
    id: 'astro2022',
    authors: 'Gondi V, Bauman G, Bradfield L, et al.',
    title: 'Radiation therapy for brain metastases: an ASTRO clinical practice guideline',
    source: 'Pract Radiat Oncol',
    year: 2022,
    detail: '12(4):265–282',
    doi: '10.1016/j.prro.2022.02.003',
  },
  {
    id: 'ascoHer2Guideline2022',
    authors: 'Ramakrishna N, Anders CK, Lin NU, et al.',
    title: 'Management of advanced HER2-positive breast cancer and brain metastases: ASCO guideline update',
    source: 'J Clin Oncol',
    year: 2022,
    detail: '40(23):2636–2655',
    doi: '10.1200/JCO.22.00520',
  },
  {
    id: 'ascoHer2Guideline2018',
    authors: 'Ramakrishna N, et al.',
    title:
      'Recommendations on disease management for patients with advanced HER2-positive breast cancer and brain metastases: ASCO clinical practice guideline update',
    source: 'J Clin Oncol',
    year: 2018,
    detail: '36(27):2804–2807',
  },
  {
    id: 'eanoEsmo2021',
    authors: 'Le Rhun E, Guckenberger M, Smits M, et al.',
    title:
      'EANO–ESMO Clinical Practice Guidelines for diagnosis, treatment and follow-up of patients with brain metastasis from solid tumours',
    source: 'Ann Oncol',
    year: 2021,
    detail: '32(11):1332–1347',
  },
  {
    id: 'eanoEsmoLm2023',
    authors: 'Le Rhun E, et al.',
    title: 'Leptomeningeal metastasis from solid tumours: EANO–ESMO Clinical Practice Guideline',
    source: 'ESMO Open',
    year: 2023,
    detail:
      'earlier version Ann Oncol 2017;28(suppl 4):iv84–iv99; work-up table read as adapted in PMC10619142',
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
  {
    id: 'ryken2019',
    authors: 'Ryken TC, Kuo JS, Prabhu RS, et al.',
    title:
      'Congress of Neurological Surgeons systematic review and evidence-based guidelines on the role of steroids in the treatment of adults with metastatic brain tumors',
    source: 'Neurosurgery',
    year: 2019,
    detail: '84(3):E189–E191',
  },
  {
    id: 'chang2019',
    authors: 'Chang SM, Messersmith H, Ahluwalia M, et al.',
    title:
      'Anticonvulsant prophylaxis and steroid use in adults with metastatic brain tumors: summary of SNO and ASCO endorsement of the Congress of Neurological Surgeons guidelines',
    source: 'Neuro-Oncology',
    year: 2019,
    detail: '21(4):424–427',
  },
  {
    id: 'gaspar2019',
    authors: 'Gaspar LE, et al.',
    title:
      'Congress of Neurological Surgeons systematic review and evidence-based guidelines on the role of whole brain radiation therapy in adults with newly diagnosed metastatic brain tumors',
    source: 'Neurosurgery',
    year: 2019,
    detail: '84(3):E159–E162',
  },
  {
    id: 'glauser2016',
    authors: 'Glauser T, Shinnar S, Gloss D, et al.',
    title:
      'Evidence-based guideline: treatment of convulsive status epilepticus in children and adults. Report of the Guideline Committee of the American Epilepsy Society',
    source: 'Epilepsy Curr',
    year: 2016,
    detail: '16(1):48–61',
  },
  {
    id: 'fisher2017',
    authors: 'Fisher RS, Cross JH, French JA, et al.',
    title:
      'Operational classification of seizure types by the International League Against Epilepsy: position paper of the ILAE Commission for Classification and Terminology',
    source: 'Epilepsia',
    year: 2017,
    detail: '58(4):522–530',
    doi: '10.1111/epi.13670',
  },
  {
    id: 'lacy2012',
    authors: 'Lacy J, Saadati H, Yu JB',
    title: 'Complications of brain tumors and their treatment',
    source: 'Hematol Oncol Clin North Am',
    year: 2012,
    detail: '26(4):779–796',
  },
  {
    id: 'scottishIcp',
    authors: 'Scottish Palliative Care Guidelines, NHS Scotland',
    title: 'Raised intracranial pressure (ICP)',
    source: 'Right Decisions (NHS Scotland), web guideline',
    year: 2026,
    detail: 'year is when the page was read; the page carries no edition date',
    url: 'https://rightdecisions.scot.nhs.uk/scottish-palliative-care-guidelines/palliative-emergencies/emergencies-overview/raised-intracranial-pressure-icp',
  },
  {
    id: 'enls2015',
    authors: 'Stevens RD, Shoykhet M, Cadena R',
    title: 'Emergency Neurological Life Support: intracranial hypertension and herniation',
    source: 'Neurocrit Care',
    year: 2015,
    detail: '23(Suppl 2):S76–S82',
    doi: '10.1007/s12028-015-0168-z',
    url: 'https://pmc.ncbi.nlm.nih.gov/articles/PMC4791176',
  },
  {
    id: 'dexamethasoneLabel',
    authors: 'US prescribing information (structured product label)',
    title: 'Dexamethasone sodium phosphate injection, USP: dosage and administration (cerebral oedema)',
    source: 'FDA structured product label',
    year: 2026,
    detail: 'year is when the label text was read; label version not recorded',
  },
  {
    id: 'wang2023',
    authors: 'Wang AP',
    title: 'A review of glioblastoma and other primary brain malignancies (letter)',
    source: 'JAMA',
    year: 2023,
    doi: '10.1001/jama.2023.8587',
  },
  // Dose and imaging studies
  {
    id: 'vecht1994',
    authors: 'Vecht CJ, Hovestadt A, Verbiest HB, et al.',
    title:
      'Dose-effect relationship of dexamethasone on Karnofsky performance in metastatic brain tumors: a randomized study of doses of 4, 8, and 16 mg per day',
    source: 'Neurology',
    year: 1994,
    detail: '44(4):675–680',
    doi: '10.1212/WNL.44.4.675',
  },
  {
    id: 'kaufmann2020',
    authors: 'Kaufmann TJ, et al.',
    title:
      'Consensus recommendations for a standardized brain tumor imaging protocol for clinical trials in brain metastases',
    source: 'Neuro-Oncology',
    year: 2020,
    detail: '22(6):757–772',
    doi: '10.1093/neuonc/noaa030',
  },
  {
    id: 'schellinger1999',
    authors: 'Schellinger PD, Meinck HM, Thron A',
    title: 'Diagnostic accuracy of MRI compared to CCT in patients with brain metastases',
    source: 'J Neurooncol',
    year: 1999,
    detail: '44(3):275–281',
  },
  {
    id: 'bardfeld1977',
    authors: 'Bardfeld PA, Passalaqua AM, Braunstein P, et al.',
    title: 'A comparison of radionuclide scanning and computed tomography in metastatic lesions of the brain',
    source: 'J Comput Assist Tomogr',
    year: 1977,
    detail: '1(3):315–318; title from recall, DOI checked',
    doi: '10.1097/00004728-197707000-00005',
  },
  // Local therapy trials
  {
    id: 'patchell1990',
    authors: 'Patchell RA, Tibbs PA, Walsh JW, et al.',
    title: 'A randomized trial of surgery in the treatment of single metastases to the brain',
    source: 'N Engl J Med',
    year: 1990,
    detail: '322:494–500',
  },
  {
    id: 'brown2016',
    authors: 'Brown PD, Jaeckle K, Ballman KV, et al.',
    title:
      'Effect of radiosurgery alone vs radiosurgery with whole brain radiation therapy on cognitive function in patients with 1 to 3 brain metastases: a randomized clinical trial',
    source: 'JAMA',
    year: 2016,
    detail: '316(4):401–409 (N0574)',
  },
  {
    id: 'yamamoto2014',
    authors: 'Yamamoto M, Serizawa T, Shuto T, et al.',
    title:
      'Stereotactic radiosurgery for patients with multiple brain metastases (JLGK0901): a multi-institutional prospective observational study',
    source: 'Lancet Oncol',
    year: 2014,
    detail: '15:387–395',
  },
  {
    id: 'brown2020',
    authors: 'Brown PD, Gondi V, Pugh S, et al.',
    title:
      'Hippocampal avoidance during whole-brain radiotherapy plus memantine for patients with brain metastases: phase III trial NRG Oncology CC001',
    source: 'J Clin Oncol',
    year: 2020,
    detail: '38(10):1019–1029',
  },
  {
    id: 'mulvenna2016',
    authors: 'Mulvenna P, Nankivell M, Barton R, et al.',
    title:
      'Dexamethasone and supportive care with or without whole brain radiotherapy in treating patients with non-small cell lung cancer with brain metastases unsuitable for resection or stereotactic radiotherapy (QUARTZ): results from a phase 3, non-inferiority, randomised trial',
    source: 'Lancet',
    year: 2016,
    detail: '388:2004–2014',
  },
  // Systemic therapy trials
  {
    id: 'lin2020',
    authors: 'Lin NU, Borges V, Anders C, et al.',
    title:
      'Intracranial efficacy and survival with tucatinib plus trastuzumab and capecitabine for previously treated HER2-positive breast cancer with brain metastases in the HER2CLIMB trial',
    source: 'J Clin Oncol',
    year: 2020,
    detail: '38(23):2610–2619',
    doi: '10.1200/JCO.20.00775',
  },
  {
    id: 'lin2023',
    authors: 'Lin NU, Murthy RK, Abramson V, et al.',
    title:
      'Tucatinib vs placebo, both in combination with trastuzumab and capecitabine, for previously treated ERBB2 (HER2)-positive metastatic breast cancer in patients with brain metastases: updated exploratory analysis of the HER2CLIMB randomized clinical trial',
    source: 'JAMA Oncol',
    year: 2023,
    detail: '9(2):197–205',
  },
  {
    id: 'harbeck2024',
    authors: 'Harbeck N, Ciruelos E, Jerusalem G, et al.',
    title:
      'Trastuzumab deruxtecan in HER2-positive advanced breast cancer with or without brain metastases: a phase 3b/4 trial',
    source: 'Nat Med',
    year: 2024,
    detail: '30(12):3717–3727 (DESTINY-Breast12)',
    doi: '10.1038/s41591-024-03261-7',
  },
  {
    id: 'hurvitz2024',
    authors: 'Hurvitz SA, et al.',
    title:
      'Trastuzumab deruxtecan versus trastuzumab emtansine in HER2-positive metastatic breast cancer patients with brain metastases from the randomized DESTINY-Breast03 trial',
    source: 'ESMO Open',
    year: 2024,
    detail: 'title from recall; DOI as recorded in the evidence sheet',
    doi: '10.1016/j.esmoop.2024.102924',
  },
  {
    id: 'saura2020',
    authors: 'Saura C, Oliveira M, Feng YH, et al.',
    title:
      'Neratinib plus capecitabine versus lapatinib plus capecitabine in HER2-positive metastatic breast cancer previously treated with ≥2 HER2-directed regimens: phase III NALA trial',
    source: 'J Clin Oncol',
    year: 2020,
    detail: '38(27):3138–3149',
  },
  {
    id: 'bachelot2013',
    authors: 'Bachelot T, Romieu G, Campone M, et al.',
    title:
      'Lapatinib plus capecitabine in patients with previously untreated brain metastases from HER2-positive metastatic breast cancer (LANDSCAPE): a single-group phase 2 study',
    source: 'Lancet Oncol',
    year: 2013,
    detail: '14(1):64–71',
  },
  {
    id: 'montemurro2020',
    authors: 'Montemurro F, Delaloge S, Barrios CH, et al.',
    title:
      'Trastuzumab emtansine (T-DM1) in patients with HER2-positive metastatic breast cancer and brain metastases: exploratory final analysis of cohort 1 from KAMILLA, a single-arm phase IIIb clinical trial',
    source: 'Ann Oncol',
    year: 2020,
    detail: '31(10):1350–1358',
  },
  {
    id: 'kotecha2021',
    authors: 'Kotecha R, Tonse R, Rubens M, et al.',
    title:
      'Systematic review and meta-analysis of breast cancer brain metastasis and primary tumor receptor expression discordance',
    source: 'Neuro-Oncol Adv',
    year: 2021,
    detail: '3(1):vdab010',
    doi: '10.1093/noajnl/vdab010',
  },
  // Prognosis
  {
    id: 'sperduto2012',
    authors: 'Sperduto PW, Kased N, Roberge D, et al.',
    title:
      'Effect of tumor subtype on survival and the graded prognostic assessment for patients with breast cancer and brain metastases',
    source: 'Int J Radiat Oncol Biol Phys',
    year: 2012,
    detail: '82(5):2111–2117',
    doi: '10.1016/j.ijrobp.2011.02.027',
  },
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

  // Added in content 2.0
  {
    id: 'trinka2015',
    authors: 'Trinka E, Cock H, Hesdorffer D, et al.',
    title:
      'A definition and classification of status epilepticus: report of the ILAE Task Force on Classification of Status Epilepticus',
    source: 'Epilepsia',
    year: 2015,
    detail: '56(10):1515–1523',
  },
  {
    id: 'kapur2019',
    authors: 'Kapur J, Elm J, Chamberlain JM, et al.',
    title: 'Randomized trial of three anticonvulsant medications for status epilepticus (ESETT)',
    source: 'N Engl J Med',
    year: 2019,
    detail: '381(22):2103–2113',
    doi: '10.1056/NEJMoa1905795',
  },
  {
    id: 'brophy2012',
    authors: 'Brophy GM, Bell R, Claassen J, et al.',
    title: 'Guidelines for the evaluation and management of status epilepticus',
    source: 'Neurocrit Care',
    year: 2012,
    detail: '17:3–23',
    doi: '10.1007/s12028-012-9695-z',
  },
  {
    id: 'krumholz2015',
    authors: 'Krumholz A, Wiebe S, Gronseth GS, et al.',
    title: 'Evidence-based guideline: management of an unprovoked first seizure in adults',
    source: 'Neurology',
    year: 2015,
    detail: '84(16):1705–1713',
    doi: '10.1212/WNL.0000000000001487',
  },
  {
    id: 'seidel2022',
    authors: 'Seidel S, Wehner T, Miller D, et al.',
    title:
      'Brain tumor related epilepsy: pathophysiological approaches and rational management of antiseizure medication',
    source: 'Neurol Res Pract',
    year: 2022,
    detail: '4:45',
  },
  {
    id: 'levetiracetamLabel',
    authors: 'UCB',
    title:
      'Keppra (levetiracetam) prescribing information: dosage in adults and renal impairment; behavioural warnings',
    source: 'US prescribing information',
    year: 2026,
  },
  {
    id: 'nhsHighlandSeizure',
    authors: 'NHS Highland',
    title: 'Prolonged seizure / status epilepticus in adults (primary care): buccal midazolam',
    source: 'NHS Highland Therapeutics Advisory Group guideline',
    year: 2026,
  },
  {
    id: 'dvlaNeurological',
    authors: 'Driver and Vehicle Licensing Agency',
    title: 'Neurological disorders: assessing fitness to drive',
    source: 'GOV.UK',
    year: 2026,
    url: 'https://www.gov.uk/guidance/neurological-disorders-assessing-fitness-to-drive',
  },
  {
    id: 'harrisonLp',
    authors: 'Harrison’s Principles of Internal Medicine',
    title: 'Lumbar puncture (chapter): imaging before lumbar puncture, coagulation and platelets',
    source: 'McGraw Hill',
    year: 2022,
  },
  {
    id: 'dodd2018',
    authors: 'Dodd KC, Emsley HCA, Desborough MJR, Chhetri SK',
    title:
      'Periprocedural antithrombotic management for lumbar puncture: Association of British Neurologists clinical guideline',
    source: 'Pract Neurol',
    year: 2018,
    detail: '18(6):436–448',
    doi: '10.1136/practneurol-2017-001820',
  },
  {
    id: 'yang2022',
    authors: 'Yang JT, Wijetunga NA, Pentsova E, et al.',
    title:
      'Randomized phase II trial of proton craniospinal irradiation versus photon involved-field radiotherapy for patients with solid tumor leptomeningeal metastasis',
    source: 'J Clin Oncol',
    year: 2022,
    detail: '40(33):3858–3867',
    doi: '10.1200/JCO.22.01148',
  },
  {
    id: 'perezGarcia2025',
    authors: 'Pérez-García JM, Vaz Batista M, et al.',
    title:
      'The DEBBRAH trial: trastuzumab deruxtecan in HER2-positive and HER2-low breast cancer patients with leptomeningeal carcinomatosis',
    source: 'Med',
    year: 2025,
    detail: '6(1):100502',
    doi: '10.1016/j.medj.2024.08.001',
  },
  {
    id: 'leRhun2019',
    authors: 'Le Rhun E, Preusser M, van den Bent M, et al.',
    title: 'How we treat patients with leptomeningeal metastases',
    source: 'ESMO Open',
    year: 2019,
    detail: '4:e000507',
  },
  {
    id: 'bander2021',
    authors: 'Bander ED, Yuan M, Reiner AS, et al.',
    title:
      'Cerebrospinal fluid diversion for leptomeningeal metastasis: palliative, procedural and oncologic outcomes',
    source: 'J Neurooncol',
    year: 2021,
    detail: '154(3):301–313',
    doi: '10.1007/s11060-021-03827-2',
  },
  {
    id: 'stumpf2019',
    authors: 'Stumpf PK, Cittelly DM, Robin TP, et al.',
    title:
      'Combination of trastuzumab emtansine and stereotactic radiosurgery results in high rates of clinically significant radionecrosis and dysregulation of aquaporin-4',
    source: 'Clin Cancer Res',
    year: 2019,
    detail: '25(13):3946–3953',
    doi: '10.1158/1078-0432.CCR-18-2851',
  },
  {
    id: 'narloch2017',
    authors: 'Narloch JL, Farber SH, Sammons S, et al.',
    title:
      'Biopsy of enlarging lesions after stereotactic radiosurgery for brain metastases frequently reveals radiation necrosis',
    source: 'Neuro Oncol',
    year: 2017,
    detail: '19(10):1391–1397',
  },
  {
    id: 'li2018',
    authors: 'Li H, Deng L, Bai HX, et al.',
    title:
      'Diagnostic accuracy of amino acid and FDG-PET in differentiating brain metastasis recurrence from radionecrosis after radiotherapy: a systematic review and meta-analysis',
    source: 'AJNR Am J Neuroradiol',
    year: 2018,
    detail: '39(2):280–288',
  },
  {
    id: 'levin2011',
    authors: 'Levin VA, Bidaut L, Hou P, et al.',
    title:
      'Randomized double-blind placebo-controlled trial of bevacizumab therapy for radiation necrosis of the central nervous system',
    source: 'Int J Radiat Oncol Biol Phys',
    year: 2011,
    detail: '79(5):1487–1495 (read in the Cochrane review CD011492)',
  },
  {
    id: 'ahluwalia2018',
    authors: 'Ahluwalia M, Barnett GH, Deng D, et al.',
    title:
      'Laser ablation after stereotactic radiosurgery: a multicenter prospective study in patients with metastatic brain tumors and radiation necrosis',
    source: 'J Neurosurg',
    year: 2018,
    detail: '130(3):804–811',
    doi: '10.3171/2017.11.JNS171273',
  },
  {
    id: 'tolaney2025',
    authors: 'Tolaney SM, Jiang Z, Zhang Q, et al.',
    title:
      'Trastuzumab deruxtecan plus pertuzumab for HER2-positive metastatic breast cancer (DESTINY-Breast09)',
    source: 'N Engl J Med',
    year: 2025,
    doi: '10.1056/NEJMoa2508668',
  },
  {
    id: 'cortes2022',
    authors: 'Cortés J, Kim SB, Chung WP, et al.',
    title: 'Trastuzumab deruxtecan versus trastuzumab emtansine for breast cancer (DESTINY-Breast03)',
    source: 'N Engl J Med',
    year: 2022,
    detail: '386(12):1143–1154',
    doi: '10.1056/NEJMoa2115022',
  },
  {
    id: 'murthy2020',
    authors: 'Murthy RK, Loi S, Okines A, et al.',
    title: 'Tucatinib, trastuzumab, and capecitabine for HER2-positive metastatic breast cancer (HER2CLIMB)',
    source: 'N Engl J Med',
    year: 2020,
    detail: '382(7):597–609',
    doi: '10.1056/NEJMoa1914609',
  },
  {
    id: 'modi2022',
    authors: 'Modi S, Jacot W, Yamashita T, et al.',
    title: 'Trastuzumab deruxtecan in previously treated HER2-low advanced breast cancer (DESTINY-Breast04)',
    source: 'N Engl J Med',
    year: 2022,
    detail: '387(1):9–20',
    doi: '10.1056/NEJMoa2203690',
  },
  {
    id: 'bardia2024',
    authors: 'Bardia A, Hu X, Dent R, et al.',
    title: 'Trastuzumab deruxtecan after endocrine therapy in metastatic breast cancer (DESTINY-Breast06)',
    source: 'N Engl J Med',
    year: 2024,
    detail: '391(22):2110–2122',
    doi: '10.1056/NEJMoa2407086',
  },
  {
    id: 'tolaney2020',
    authors: 'Tolaney SM, Sahebjam S, Le Rhun E, et al.',
    title:
      'A phase II study of abemaciclib in patients with brain metastases secondary to hormone receptor-positive breast cancer',
    source: 'Clin Cancer Res',
    year: 2020,
    detail: '26(20):5310–5319',
  },
  {
    id: 'gouveia2023',
    authors: 'Gouveia MC, et al.',
    title: 'Activity of capecitabine for central nervous system metastases from breast cancer',
    source: 'ecancermedicalscience',
    year: 2023,
  },
  {
    id: 'rugo2023',
    authors: 'Rugo HS, Bardia A, Marmé F, et al.',
    title:
      'Overall survival with sacituzumab govitecan in hormone receptor-positive and HER2-negative metastatic breast cancer (TROPiCS-02)',
    source: 'Lancet',
    year: 2023,
    detail: '402(10411):1423–1433',
    doi: '10.1016/S0140-6736(23)01245-X',
  },
  {
    id: 'bardia2021',
    authors: 'Bardia A, Hurvitz SA, Tolaney SM, et al.',
    title: 'Sacituzumab govitecan in metastatic triple-negative breast cancer (ASCENT)',
    source: 'N Engl J Med',
    year: 2021,
    detail: '384(16):1529–1541',
    doi: '10.1056/NEJMoa2028485',
  },
  {
    id: 'cortes2022keynote355',
    authors: 'Cortes J, Rugo HS, Cescon DW, et al.',
    title: 'Pembrolizumab plus chemotherapy in advanced triple-negative breast cancer (KEYNOTE-355)',
    source: 'N Engl J Med',
    year: 2022,
    detail: '387(3):217–226',
    doi: '10.1056/NEJMoa2202809',
  },
  {
    id: 'robson2017',
    authors: 'Robson M, Im SA, Senkus E, et al.',
    title: 'Olaparib for metastatic breast cancer in patients with a germline BRCA mutation (OlympiAD)',
    source: 'N Engl J Med',
    year: 2017,
    detail: '377(6):523–533',
    doi: '10.1056/NEJMoa1706450',
  },
  {
    id: 'litton2018',
    authors: 'Litton JK, Rugo HS, Ettl J, et al.',
    title: 'Talazoparib in patients with advanced breast cancer and a germline BRCA mutation (EMBRACA)',
    source: 'N Engl J Med',
    year: 2018,
    detail: '379(8):753–763',
    doi: '10.1056/NEJMoa1802905',
  },
  {
    id: 'neratinibLabel',
    authors: 'Puma Biotechnology',
    title:
      'Nerlynx (neratinib) prescribing information: drug interactions (acid-reducing agents, CYP3A4 inducers)',
    source: 'US prescribing information, read as quoted in drug-interaction monographs',
    year: 2026,
  },
  {
    id: 'tucatinibLabel',
    authors: 'Pfizer',
    title: 'Tukysa (tucatinib) prescribing information: indications, dosage and drug interactions',
    source: 'US prescribing information',
    year: 2026,
  },
  {
    id: 'capecitabineLabel',
    authors: 'Genentech',
    title:
      'Xeloda (capecitabine) prescribing information: boxed warning (DPD deficiency; vitamin K antagonists)',
    source: 'US prescribing information (openFDA label record)',
    year: 2026,
  },
  {
    id: 'phenytoinLabel',
    authors: 'Pfizer',
    title: 'Dilantin (phenytoin) prescribing information: drugs that raise phenytoin levels (capecitabine)',
    source: 'US prescribing information',
    year: 2026,
  },
  {
    id: 'donato2015',
    authors: 'Donato J, Campigotto F, Uhlmann EJ, et al.',
    title:
      'Intracranial hemorrhage in patients with brain metastases treated with therapeutic enoxaparin: a matched cohort study',
    source: 'Blood',
    year: 2015,
    detail: '126(4):494–499',
    doi: '10.1182/blood-2015-02-626788',
  },
  {
    id: 'bloodAdv2022',
    authors: 'Giustozzi M, et al.',
    title:
      'Intracranial hemorrhage in primary or metastatic brain cancer patients with or without anticoagulant treatment: a systematic review and meta-analysis',
    source: 'Blood Adv',
    year: 2022,
    detail: '6(16):4873–4883',
    doi: '10.1182/bloodadvances.2022008086',
  },
  {
    id: 'brainmetgpaApp',
    authors: 'Sperduto PW, et al. (calculator)',
    title:
      'Brain metastasis GPA calculator: breast GPA point table and band medians (web app source, data file of 2020)',
    source: 'brainmetgpa.com',
    year: 2020,
    url: 'https://brainmetgpa.com',
  },
  {
    id: 'beuschlein2024',
    authors: 'Beuschlein F, Else T, Bancos I, et al.',
    title:
      'European Society of Endocrinology and Endocrine Society joint clinical guideline: diagnosis and therapy of glucocorticoid-induced adrenal insufficiency',
    source: 'J Clin Endocrinol Metab',
    year: 2024,
    detail: '109(7):1657–1683',
    doi: '10.1210/clinem/dgae250',
  },
  {
    id: 'jessurun2021',
    authors: 'Jessurun CAC, Hulsbergen AFC, de Wit AE, et al.',
    title:
      'The combined use of steroids and immune checkpoint inhibitors in brain metastasis patients: a systematic review and meta-analysis',
    source: 'Neuro Oncol',
    year: 2021,
  },
  {
    id: 'kroeze2019',
    authors: 'Kroeze SGC, Fritz C, Basler L, et al.',
    title:
      'Combination of stereotactic radiotherapy and targeted therapy: patterns-of-care survey in German-speaking countries',
    source: 'Strahlenther Onkol',
    year: 2019,
    detail: '195(3):199–206',
  },
];

import type { Answers } from '../../src/content/case-model';
import { pathway } from '../../src/content';
import { breastGpa, type GpaResult } from '../../src/pathway/gpa';

/**
 * Worked examples of the Updated Breast GPA (Sperduto 2020), recomputed by hand from the table of the
 * official calculator (brainmetgpa.com, its data file of 2020), not from the content:
 *
 *   KPS                        ≤60 = 0     70–80 = 0.5      90–100 = 1.0
 *   Subtype                    TN = 0      HR+/HER2− = 0.5  HR−/HER2+ = 1.5   HR+/HER2+ = 1.5
 *   Age                        ≥60 = 0     <60 = 0.5
 *   Number of brain mets       ≥2 = 0      1 = 0.5
 *   Extracranial metastases    present = 0 absent = 0.5
 *
 *   Median survival by band: 0–1.0 → 6 (the calculator's value; the JCO summary gives 3, so it is labelled);
 *   1.5–2.0 → 12.9; 2.5–3.0 → 23.5; 3.5–4.0 → 36.3 months.
 *
 * "Extracranial metastases, controlled" is still ECM present (0 points): the GPA counts presence only;
 * "not staged" is unknown. HER2-low and ultralow count as HER2-negative.
 */
const gpa = (answers: Answers): GpaResult => breastGpa(pathway.gpa, answers);
const band = (r: GpaResult) => r.bands.map((b) => [b.min, b.max, b.medianMonths]);
const pointsOf = (r: GpaResult) => Object.fromEntries(r.factors.map((f) => [f.id, f.level?.points]));

describe('Breast GPA: complete answers give one score', () => {
  it('best case: KPS 90–100, HR+/HER2+, under 60, 1 metastasis, no ECM = 4.0 → 36 months', () => {
    const r = gpa({
      kps: 'kps90to100',
      hormoneReceptor: 'positive',
      her2: 'positive',
      age: 'under60',
      lesionCount: 'one',
      extracranial: 'none',
    });
    expect(r.min).toBe(1.0 + 1.5 + 0.5 + 0.5 + 0.5);
    expect(r.min).toBe(4.0);
    expect(r.max).toBe(4.0);
    expect(r.exact).toBe(true);
    expect(r.missing).toEqual([]);
    expect(band(r)).toEqual([[3.5, 4.0, 36.3]]);
    expect(pointsOf(r)).toEqual({
      kps: 1.0,
      subtype: 1.5,
      age: 0.5,
      brainMetastases: 0.5,
      extracranial: 0.5,
    });
  });

  it('worst case: triple negative, KPS ≤60, 60 or over, multiple metastases, ECM present = 0 → 0–1.0', () => {
    const r = gpa({
      kps: 'kps50orLess',
      hormoneReceptor: 'negative',
      her2: 'negative',
      age: 'sixtyOrOver',
      lesionCount: 'moreThanTen',
      extracranial: 'progressive',
    });
    expect(r.min).toBe(0 + 0 + 0 + 0 + 0);
    expect(r.exact).toBe(true);
    expect(band(r)).toEqual([[0, 1.0, 6]]);
    expect(r.factors.find((f) => f.id === 'subtype')?.level?.label).toBe('Triple negative');
  });

  it.each<[string, Answers, number, [number, number, number]]>([
    [
      // 0.5 + 0.5 + 0 + 0.5 + 0 = 1.5
      'KPS 70–80, HR+/HER2−, 60 or over, 1 metastasis, ECM controlled',
      {
        kps: 'kps70to80',
        hormoneReceptor: 'positive',
        her2: 'negative',
        age: 'sixtyOrOver',
        lesionCount: 'one',
        extracranial: 'controlled',
      },
      1.5,
      [1.5, 2.0, 12.9],
    ],
    [
      // 1.0 + 1.5 + 0.5 + 0 + 0.5 = 3.5 (HR−/HER2+ scores 1.5, as triple positive does)
      'KPS 90–100, HR−/HER2+, under 60, 2–4 metastases, no ECM',
      {
        kps: 'kps90to100',
        hormoneReceptor: 'negative',
        her2: 'positive',
        age: 'under60',
        lesionCount: 'twoToFour',
        extracranial: 'none',
      },
      3.5,
      [3.5, 4.0, 36.3],
    ],
    [
      // 0 + 1.5 + 0 + 0 + 0.5 = 2.0
      'KPS 60, HR+/HER2+, 60 or over, 5–10 metastases, no ECM',
      {
        kps: 'kps60',
        hormoneReceptor: 'positive',
        her2: 'positive',
        age: 'sixtyOrOver',
        lesionCount: 'fiveToTen',
        extracranial: 'none',
      },
      2.0,
      [1.5, 2.0, 12.9],
    ],
    [
      // 0.5 + 0 + 0.5 + 0 + 0 = 1.0
      'KPS 70–80, triple negative, under 60, 2–4 metastases, ECM progressing',
      {
        kps: 'kps70to80',
        hormoneReceptor: 'negative',
        her2: 'negative',
        age: 'under60',
        lesionCount: 'twoToFour',
        extracranial: 'progressive',
      },
      1.0,
      [0, 1.0, 6],
    ],
    [
      // 1.0 + 0.5 + 0 + 0.5 + 0.5 = 2.5
      'KPS 90–100, HR+/HER2−, 60 or over, 1 metastasis, no ECM',
      {
        kps: 'kps90to100',
        hormoneReceptor: 'positive',
        her2: 'negative',
        age: 'sixtyOrOver',
        lesionCount: 'one',
        extracranial: 'none',
      },
      2.5,
      [2.5, 3.0, 23.5],
    ],
    [
      // 0.5 + 1.5 + 0.5 + 0.5 + 0 = 3.0
      'KPS 70–80, HR+/HER2+, under 60, 1 metastasis, ECM controlled',
      {
        kps: 'kps70to80',
        hormoneReceptor: 'positive',
        her2: 'positive',
        age: 'under60',
        lesionCount: 'one',
        extracranial: 'controlled',
      },
      3.0,
      [2.5, 3.0, 23.5],
    ],
    [
      // 0 + 0.5 + 0.5 + 0.5 + 0.5 = 2.0: HER2-low counts as HER2-negative, KPS 50 as the lowest level
      'KPS 50 or less, HR+/HER2-low, under 60, 1 metastasis, no ECM',
      {
        kps: 'kps50orLess',
        hormoneReceptor: 'positive',
        her2: 'low',
        age: 'under60',
        lesionCount: 'one',
        extracranial: 'none',
      },
      2.0,
      [1.5, 2.0, 12.9],
    ],
  ])('%s', (_name, answers, score, expected) => {
    const r = gpa(answers);
    expect(r.min).toBe(score);
    expect(r.max).toBe(score);
    expect(r.exact).toBe(true);
    expect(r.missing).toEqual([]);
    expect(band(r)).toEqual([expected]);
  });

  it('ignores answers that are not GPA inputs', () => {
    const base: Answers = {
      kps: 'kps90to100',
      hormoneReceptor: 'positive',
      her2: 'positive',
      age: 'under60',
      lesionCount: 'one',
      extracranial: 'none',
    };
    expect(gpa({ ...base, seizure: 'yes', massEffect: 'yes', scenario: 'newSymptoms' })).toEqual(gpa(base));
  });
});

describe('Breast GPA: unknown or unasked inputs give a range, never a guess', () => {
  it('HER2 unknown (HR+): subtype 0.5 or 1.5, so 3.0–4.0 over two bands', () => {
    const r = gpa({
      kps: 'kps90to100',
      hormoneReceptor: 'positive',
      her2: 'unknown',
      age: 'under60',
      lesionCount: 'one',
      extracranial: 'none',
    });
    // 1.0 + (0.5 | 1.5) + 0.5 + 0.5 + 0.5
    expect(r.min).toBe(3.0);
    expect(r.max).toBe(4.0);
    expect(r.exact).toBe(false);
    expect(r.missing).toEqual(['her2']);
    expect(band(r)).toEqual([
      [2.5, 3.0, 23.5],
      [3.5, 4.0, 36.3],
    ]);
    const subtype = r.factors.find((f) => f.id === 'subtype');
    expect(subtype?.level).toBeUndefined();
    expect(subtype?.possible).toEqual([0.5, 1.5]);
    // The other factors are still exact.
    expect(r.factors.find((f) => f.id === 'kps')?.level).toEqual({ label: '90–100', points: 1.0 });
  });

  it('HER2 not yet asked counts as missing too', () => {
    const r = gpa({
      kps: 'kps70to80',
      hormoneReceptor: 'negative',
      age: 'sixtyOrOver',
      lesionCount: 'twoToFour',
      extracranial: 'progressive',
    });
    // 0.5 + (0 | 1.5) + 0 + 0 + 0
    expect([r.min, r.max]).toEqual([0.5, 2.0]);
    expect(r.missing).toEqual(['her2']);
    expect(band(r)).toEqual([
      [0, 1.0, 6],
      [1.5, 2.0, 12.9],
    ]);
  });

  it('HER2 and ER/PR both unknown: any subtype, 0 to 1.5', () => {
    const r = gpa({
      kps: 'kps90to100',
      hormoneReceptor: 'unknown',
      her2: 'unknown',
      age: 'sixtyOrOver',
      lesionCount: 'one',
      extracranial: 'none',
    });
    // 1.0 + (0 … 1.5) + 0 + 0.5 + 0.5
    expect([r.min, r.max]).toEqual([2.0, 3.5]);
    expect([...r.missing].sort()).toEqual(['her2', 'hormoneReceptor']);
    expect(r.factors.find((f) => f.id === 'subtype')?.possible).toEqual([0, 0.5, 1.5]);
    expect(band(r)).toEqual([
      [1.5, 2.0, 12.9],
      [2.5, 3.0, 23.5],
      [3.5, 4.0, 36.3],
    ]);
  });

  it('lesion count not asked (progression consult): number of metastases 0 or 0.5', () => {
    const r = gpa({
      scenario: 'knownProgression',
      priorBrainTreatment: 'srs',
      progressionPattern: 'limited',
      kps: 'kps70to80',
      age: 'under60',
      hormoneReceptor: 'negative',
      her2: 'positive',
      extracranial: 'controlled',
    });
    // 0.5 + 1.5 + 0.5 + (0 | 0.5) + 0
    expect(r.min).toBe(2.5);
    expect(r.max).toBe(3.0);
    expect(r.exact).toBe(false);
    expect(r.missing).toEqual(['lesionCount']);
    expect(r.factors.find((f) => f.id === 'brainMetastases')?.possible).toEqual([0, 0.5]);
    expect(band(r)).toEqual([[2.5, 3.0, 23.5]]);
  });

  it('extracranial disease not staged counts as unknown: present or absent', () => {
    const r = gpa({
      kps: 'kps90to100',
      hormoneReceptor: 'positive',
      her2: 'negative',
      age: 'under60',
      lesionCount: 'one',
      extracranial: 'notStaged',
    });
    // 1.0 + 0.5 + 0.5 + 0.5 + (0 | 0.5)
    expect([r.min, r.max]).toEqual([2.5, 3.0]);
    expect(r.missing).toEqual(['extracranial']);
  });

  it('nothing answered: 0 to 4.0, every band, every input missing', () => {
    const r = gpa({});
    expect([r.min, r.max]).toEqual([0, 4.0]);
    expect([...r.missing].sort()).toEqual(
      ['age', 'extracranial', 'her2', 'hormoneReceptor', 'kps', 'lesionCount'].sort(),
    );
    expect(band(r)).toEqual([
      [0, 1.0, 6],
      [1.5, 2.0, 12.9],
      [2.5, 3.0, 23.5],
      [3.5, 4.0, 36.3],
    ]);
  });
});

describe('Breast GPA: evidence status shown with the score', () => {
  it('marks the points as read in a secondary source and labels the lowest band’s median as the calculator’s', () => {
    const r = gpa({});
    expect(Object.fromEntries(r.factors.map((f) => [f.id, f.evidence]))).toEqual({
      kps: 'secondary',
      subtype: 'secondary',
      age: 'secondary',
      brainMetastases: 'secondary',
      extracranial: 'secondary',
    });
    expect(r.bands.map((b) => b.evidence)).toEqual(['secondary', 'secondary', 'secondary', 'secondary']);
    expect(r.bands[0]?.label).toMatch(/calculator/);
    expect(r.note).toMatch(/3 months/);
  });

  it('says, with KPS 60 or less, that the lowest KPS level pools 60 with 50 or less', () => {
    expect(gpa({ kps: 'kps50orLess' }).caveats.map((c) => c.text)).toEqual([
      expect.stringMatching(/pools KPS 60 with 50 or less/),
    ]);
    expect(gpa({ kps: 'kps70to80' }).caveats).toEqual([]);
  });

  it('carries the name and the note that the score is for groups, not this patient', () => {
    const r = gpa({});
    expect(r.name).toMatch(/Breast GPA/);
    expect(r.note).toMatch(/not a prediction for this patient/);
  });
});

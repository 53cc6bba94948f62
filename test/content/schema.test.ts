import { caseModel, type Answers, type QuestionId } from '../../src/content/case-model';
import { bcbmContent } from '../../src/content/bcbm';
import { loadPathway, pathway } from '../../src/content';
import { conditionRefs, type PathwayInput } from '../../src/content/schema';
import { holds } from '../../src/content/conditions';

/** A deep copy of the real content, to break one thing in. */
const clone = (): PathwayInput => structuredClone(bcbmContent);

function at<T>(list: readonly T[] | undefined, i: number, what: string): T {
  const x = list?.[i];
  if (x === undefined) throw new Error(`test setup: the content has no ${what} #${i}`);
  return x;
}

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function questionIndex(c: PathwayInput, id: QuestionId): number {
  const i = c.questions.findIndex((q) => q.id === id);
  if (i < 0) throw new Error(`test setup: the content has no question "${id}"`);
  return i;
}

describe('the real content', () => {
  it('loads', () => {
    expect(() => loadPathway(bcbmContent)).not.toThrow();
    expect(pathway.id).toBe('bcbm');
  });

  it('is not changed by loading (the clone used below is the real thing)', () => {
    expect(loadPathway(clone())).toEqual(pathway);
  });
});

describe('bad content fails with a message naming the item', () => {
  it('a dangling citation', () => {
    const bad = clone();
    const item = at(bad.items, 0, 'item');
    at(item.refs, 0, 'ref').citation = 'noSuchSource2099';
    expect(() => loadPathway(bad)).toThrow(
      new RegExp(`item "${esc(item.id)}" cites unknown citation "noSuchSource2099"`),
    );
  });

  it('a dangling citation in a pitfall, an unknown and the GPA', () => {
    const pit = clone();
    const pitfall = at(pit.pitfalls, 0, 'pitfall');
    at(pitfall.refs, 0, 'ref').citation = 'ghost';
    expect(() => loadPathway(pit)).toThrow(
      new RegExp(`pitfall "${esc(pitfall.id)}" cites unknown citation "ghost"`),
    );

    const unk = clone();
    const unknown = at(unk.unknowns, 0, 'unknown');
    unknown.refs = [{ citation: 'ghost' }];
    expect(() => loadPathway(unk)).toThrow(
      new RegExp(`unknown "${esc(unknown.id)}" cites unknown citation "ghost"`),
    );

    const gpa = clone();
    at(gpa.gpa.refs, 0, 'GPA ref').citation = 'ghost';
    expect(() => loadPathway(gpa)).toThrow(/the GPA cites unknown citation "ghost"/);
  });

  it('a duplicate id, within a list and across lists', () => {
    const bad = clone();
    const first = at(bad.items, 0, 'item');
    at(bad.items, 1, 'item').id = first.id;
    expect(() => loadPathway(bad)).toThrow(new RegExp(`duplicate id "${esc(first.id)}" \\(also in items\\)`));

    const across = clone();
    const citation = at(across.citations, 0, 'citation');
    at(across.pitfalls, 0, 'pitfall').id = citation.id;
    expect(() => loadPathway(across)).toThrow(new RegExp(`duplicate id "${esc(citation.id)}"`));
  });

  it('an option without a label (the message points at the question and option)', () => {
    const blank = clone();
    const i = questionIndex(blank, 'seizure');
    at(at(blank.questions, i, 'question').options, 1, 'option').label = '   ';
    expect(() => loadPathway(blank)).toThrow(
      new RegExp(`an option needs a label[\\s\\S]*questions\\[${i}\\]\\.options\\[1\\]\\.label`),
    );

    const missing = clone();
    const option = at(at(missing.questions, i, 'question').options, 1, 'option') as { label?: string };
    delete option.label;
    expect(() => loadPathway(missing)).toThrow(new RegExp(`questions\\[${i}\\]\\.options\\[1\\]\\.label`));
  });

  it('an item condition naming an answer that does not exist', () => {
    const bad = clone();
    const item = at(bad.items, 0, 'item');
    item.when = {
      all: [
        { q: 'seizure', is: ['maybe'] },
        { q: 'kps', is: ['kps90to100'] },
      ],
    };
    expect(() => loadPathway(bad)).toThrow(
      new RegExp(`item "${esc(item.id)}": "maybe" is not an answer to "seizure"`),
    );
  });

  it('a pitfall, an unknown or a GPA level naming an answer that does not exist', () => {
    const pit = clone();
    const pitfall = at(pit.pitfalls, 0, 'pitfall');
    pitfall.when = { not: { q: 'her2', is: ['medium'] } };
    expect(() => loadPathway(pit)).toThrow(
      new RegExp(`pitfall "${esc(pitfall.id)}": "medium" is not an answer to "her2"`),
    );

    const unk = clone();
    const unknown = at(unk.unknowns, 0, 'unknown');
    unknown.when = { any: [{ q: 'age', is: ['old'] }] };
    expect(() => loadPathway(unk)).toThrow(
      new RegExp(`unknown "${esc(unknown.id)}": "old" is not an answer to "age"`),
    );

    const gpa = clone();
    const factor = at(gpa.gpa.factors, 0, 'GPA factor');
    at(factor.levels, 0, 'level').when = { q: 'kps', is: ['kps100'] };
    expect(() => loadPathway(gpa)).toThrow(
      new RegExp(`GPA factor "${esc(factor.id)}": "kps100" is not an answer`),
    );
  });

  it('an item condition naming a question that does not exist', () => {
    const bad = clone();
    const item = at(bad.items, 0, 'item');
    item.when = { q: 'nonsense', is: ['yes'] } as unknown as typeof item.when;
    expect(() => loadPathway(bad)).toThrow(
      new RegExp(`item "${esc(item.id)}"[\\s\\S]*nonsense|items\\[0\\]\\.when`),
    );
  });

  it('a question whose options differ from the case model', () => {
    const fewer = clone();
    const i = questionIndex(fewer, 'mriAccess');
    at(fewer.questions, i, 'question').options.pop();
    expect(() => loadPathway(fewer)).toThrow(
      /question "mriAccess" options must be exactly: available,contraindicated,unavailable/,
    );

    const renamed = clone();
    at(at(renamed.questions, questionIndex(renamed, 'her2'), 'question').options, 0, 'option').value = 'low';
    expect(() => loadPathway(renamed)).toThrow(/question "her2" options must be exactly/);

    const twice = clone();
    const q = at(twice.questions, questionIndex(twice, 'age'), 'question');
    q.options = [at(q.options, 0, 'option'), at(q.options, 0, 'option')];
    expect(() => loadPathway(twice)).toThrow(/question "age" options must be exactly/);
  });

  it('a question naming a pitfall that does not exist', () => {
    const bad = clone();
    const i = questionIndex(bad, 'redFlags');
    at(bad.questions, i, 'question').pitfalls = ['noSuchPitfall'];
    expect(() => loadPathway(bad)).toThrow(/question "redFlags" names unknown pitfall "noSuchPitfall"/);
  });

  it('a missing question', () => {
    const bad = clone();
    bad.questions = bad.questions.filter((q) => q.id !== 'age');
    expect(() => loadPathway(bad)).toThrow(/question "age" of the case model has no content/);
  });

  it('a bad version or review date', () => {
    const version = clone();
    version.version = '1.0';
    expect(() => loadPathway(version)).toThrow(/version is semver[\s\S]*at version/);

    const date = clone();
    date.reviewedOn = '2026-13-45';
    expect(() => loadPathway(date)).toThrow(/content "bcbm" is invalid[\s\S]*at reviewedOn/);

    const notIso = clone();
    notIso.reviewedOn = '28/11/2026';
    expect(() => loadPathway(notIso)).toThrow(/at reviewedOn/);
  });
});

/** Every combination of the inputs' values, leaving out `unknown` (the GPA tries each real value). */
/** Every complete combination of a factor's inputs, leaving out the answers it counts as unknown. */
function combinations(inputs: readonly QuestionId[], unknown: readonly string[] = []): Answers[] {
  return inputs.reduce<Answers[]>(
    (all, q) =>
      all.flatMap((a) =>
        caseModel[q]
          .filter((v) => v !== 'unknown' && !unknown.includes(v))
          .map((v) => ({ ...a, [q]: v }) as Answers),
      ),
    [{}],
  );
}

describe('the Breast GPA table', () => {
  const { factors, bands } = pathway.gpa;

  it.each(factors.map((f) => [f.id, f] as const))(
    'factor "%s" has exactly one level for every complete combination of its inputs',
    (_id, factor) => {
      const inputs = [...new Set(factor.levels.flatMap((l) => conditionRefs(l.when).map((c) => c.q)))];
      expect(inputs.length).toBeGreaterThan(0);
      const worlds = combinations(inputs, factor.unknown);
      expect(worlds.length).toBeGreaterThan(1);
      for (const w of worlds) {
        const matching = factor.levels.filter((l) => holds(l.when, w)).map((l) => l.label);
        if (matching.length !== 1)
          throw new Error(
            `GPA factor "${factor.id}" has ${matching.length} levels (${matching.join(', ') || 'none'}) for ${JSON.stringify(w)}`,
          );
      }
    },
  );

  it('gives points in steps of 0.5 that add up to at most 4.0', () => {
    for (const f of factors) for (const l of f.levels) expect(Number.isInteger(l.points * 2)).toBe(true);
    const best = factors.reduce((sum, f) => sum + Math.max(...f.levels.map((l) => l.points)), 0);
    const worst = factors.reduce((sum, f) => sum + Math.min(...f.levels.map((l) => l.points)), 0);
    expect(worst).toBe(0);
    expect(best).toBe(4);
  });

  it('has bands that cover 0–4.0 in 0.5 steps without overlap', () => {
    for (const b of bands) expect(b.min).toBeLessThanOrEqual(b.max);
    for (let score = 0; score <= 4; score += 0.5) {
      const containing = bands.filter((b) => b.min <= score && score <= b.max);
      if (containing.length !== 1)
        throw new Error(
          `GPA score ${score} falls in ${containing.length} bands: ${JSON.stringify(containing)}`,
        );
    }
    const sorted = [...bands].sort((a, b) => a.min - b.min);
    expect(sorted).toEqual(bands); // listed in order
    expect(sorted[0]?.min).toBe(0);
    expect(sorted[sorted.length - 1]?.max).toBe(4);
    // Median survival rises with the score (where a figure is shown), and a withheld one says why.
    const shown = sorted.flatMap((b) => (b.medianMonths === undefined ? [] : [b.medianMonths]));
    expect(shown).toEqual([...shown].sort((a, b) => a - b));
    for (const b of sorted) expect(b.medianMonths ?? b.withheld).toBeDefined();
  });
});

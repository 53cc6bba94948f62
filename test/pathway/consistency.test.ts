import { pathway } from '../../src/content';
import { PathwayParser } from '../../src/content/compile';
import type { PathwayInput } from '../../src/content/schema';
import { bcbmContent } from '../../src/content/bcbm';
import { drugsNamed, findViolations } from '../support/consistency';
import type { Condition } from '../../src/content/conditions';
import { consultsOf, generatePaths, witness } from '../support/paths';

const paths = generatePaths();
const report = (v: ReturnType<typeof findViolations>) =>
  v.map((x) => `${x.between[0]} + ${x.between[1]}: ${x.why}; e.g. ${JSON.stringify(x.example)}`);

/** A rule that names a key decision but holds for every value of it: an item's own conditions put back. */
const anyValueOf = (decision: string) => ({
  decision,
  is: bcbmContent.decisions!.find((d) => d.id === decision)!.values.map((v) => v.value),
});

/** The content with some items' or pitfalls' rules or text replaced, as a contradiction put back. */
function withChanges(change: (c: PathwayInput) => void) {
  const copy = structuredClone(bcbmContent);
  change(copy);
  return PathwayParser.parse(copy);
}

describe('contradictions cannot ship (every consult the statechart allows)', () => {
  it(`checks the whole answer space: ${paths.length} paths standing for every consult`, () => {
    expect(paths.reduce((n, p) => n + consultsOf(p), 0)).toBeGreaterThan(1_000_000);
    expect(pathway.conflicts.length).toBeGreaterThan(40);
  });

  it('no recommendation holds two statements that exclude each other, nor a drug its patient cannot have', () => {
    expect(report(findViolations(pathway, paths))).toEqual([]);
  });

  it('finds the review’s E5 contradiction when it is put back ("do not switch" beside switch options)', () => {
    const content = withChanges((c) => {
      const keep = c.items.find((i) => i.id === 'keepSystemicTherapy')!;
      // The 1.0.1 rule, written beside the decision instead of through it (any value of it).
      keep.when = { all: [anyValueOf('systemic'), { q: 'extracranial', is: ['none', 'controlled'] }] };
    });
    const pairs = findViolations(content, paths, 'keepSystemicTherapy').map((v) => v.between.join(' + '));
    expect(pairs).toContain('keepSystemicTherapy + progSystemicCnsActive');
    expect(pairs).toContain('keepSystemicTherapy + newRelapseWorkup');
  });

  it('finds the review’s E8 contradiction when it is put back (supportive care beside "do not defer")', () => {
    const content = withChanges((c) => {
      const supportive = c.items.find((i) => i.id === 'poorPrognosisSupportive')!;
      // KPS alone, as in 1.0.1, beside the decision instead of through it.
      supportive.when = { all: [anyValueOf('local'), { q: 'kps', is: ['kps60', 'kps50orLess'] }] };
    });
    const pairs = findViolations(content, paths, 'poorPrognosisSupportive').map((v) => v.between.join(' + '));
    expect(pairs).toContain('poorPrognosisSupportive + noDeferralWhenSymptomatic');
    expect(pairs).toContain('poorPrognosisSupportive + followUpMri');
  });

  it('finds a HER2 drug named in a HER2-negative consult when the 1.0.1 interaction warning is put back', () => {
    const content = withChanges((c) => {
      const p = c.pitfalls.find((x) => x.id === 'enzymeInducingAsms')!;
      p.text =
        'Avoid enzyme-inducing anti-seizure drugs: the tucatinib, neratinib and lapatinib labels advise against strong CYP3A inducers.';
    });
    const v = findViolations(content, paths, 'enzymeInducingAsms').find(
      (x) => x.between.join(' + ') === 'enzymeInducingAsms + tucatinib',
    );
    expect(v?.example.her2).not.toBe('positive');
  });
});

describe('which drugs a statement names', () => {
  it.each([
    ['Trastuzumab deruxtecan 5.4 mg/kg', ['tdxd']],
    ['T-DXd, then tucatinib with trastuzumab and capecitabine', ['tdxd', 'trastuzumab', 'tucatinib']],
    ['trastuzumab emtansine (T-DM1)', ['tdm1']],
    ['sacituzumab govitecan 10 mg/kg', ['sacituzumab']],
    ['levetiracetam 500 mg twice daily', []],
  ])('%s', (text, ids) => {
    expect(drugsNamed(pathway, text).sort()).toEqual([...ids].sort());
  });
});

describe('the key decisions (every consult the statechart allows)', () => {
  const valuesOf = (d: (typeof pathway.decisions)[number]) => d.values.map((v) => v.value);

  it.each(pathway.decisions.map((d) => [d.id, d] as const))(
    '%s takes exactly one value in every consult',
    (_id, d) => {
      const both: string[] = [];
      for (const [i, v] of valuesOf(d).entries())
        for (const w of valuesOf(d).slice(i + 1)) {
          const condition = { all: [d.valueConditions[v]!, d.valueConditions[w]!] };
          if (paths.some((p) => witness(p, condition))) both.push(`${v} + ${w}`);
        }
      const none = { not: { any: valuesOf(d).map((v) => d.valueConditions[v]!) } };
      expect(both).toEqual([]);
      expect(paths.filter((p) => witness(p, none)).map((p) => p.description)).toEqual([]);
    },
  );

  it.each(pathway.decisions.map((d) => [d.id, d] as const))(
    'every row of %s decides some consult (no row is hidden behind the rows above it)',
    (_id, d) => {
      const earlier: Condition[] = [];
      const hidden: string[] = [];
      // The last row holds otherwise: it may never be reached when the rows above cover every consult.
      for (const [j, row] of d.rows.slice(0, -1).entries()) {
        const first: Condition = {
          all: [...earlier.map((c) => ({ not: c })), ...(row.condition ? [row.condition] : [])],
        };
        if (!paths.some((p) => witness(p, first))) hidden.push(`row ${j + 1} (${row.value}): ${row.why}`);
        if (row.condition) earlier.push(row.condition);
      }
      expect(hidden).toEqual([]);
    },
  );

  it('refuses at load an item of a governed section whose rule does not name the decision', () => {
    const copy = structuredClone(bcbmContent);
    copy.items.find((i) => i.id === 'keepSystemicTherapy')!.when = {
      q: 'extracranial',
      is: ['none', 'controlled'],
    };
    expect(() => PathwayParser.parse(copy)).toThrow(
      /keepSystemicTherapy\W+ is governed by decision \W+systemic/,
    );
  });
});

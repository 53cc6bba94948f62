import { pathway } from '../../src/content';
import { Pathway, type PathwayInput } from '../../src/content/schema';
import { bcbmContent } from '../../src/content/bcbm';
import { drugsNamed, findViolations } from '../support/consistency';
import { consultsOf, generatePaths } from '../support/paths';

const paths = generatePaths();
const report = (v: ReturnType<typeof findViolations>) =>
  v.map((x) => `${x.between[0]} + ${x.between[1]}: ${x.why}; e.g. ${JSON.stringify(x.example)}`);

/** The content with some items' or pitfalls' rules or text replaced, as a contradiction put back. */
function withChanges(change: (c: PathwayInput) => void) {
  const copy = structuredClone(bcbmContent);
  change(copy);
  return Pathway.parse(copy);
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
      keep.when = { q: 'extracranial', is: ['none', 'controlled'] }; // the 1.0.1 rule
    });
    const pairs = findViolations(content, paths).map((v) => v.between.join(' + '));
    expect(pairs).toContain('keepSystemicTherapy + progSystemicCnsActive');
    expect(pairs).toContain('keepSystemicTherapy + newRelapseWorkup');
  });

  it('finds the review’s E8 contradiction when it is put back (supportive care beside "do not defer")', () => {
    const content = withChanges((c) => {
      const supportive = c.items.find((i) => i.id === 'poorPrognosisSupportive')!;
      supportive.when = { q: 'kps', is: ['kps60', 'kps50orLess'] }; // KPS alone, as in 1.0.1
    });
    const pairs = findViolations(content, paths).map((v) => v.between.join(' + '));
    expect(pairs).toContain('poorPrognosisSupportive + noDeferralWhenSymptomatic');
    expect(pairs).toContain('poorPrognosisSupportive + followUpMri');
  });

  it('finds a HER2 drug named in a HER2-negative consult when the 1.0.1 interaction warning is put back', () => {
    const content = withChanges((c) => {
      const p = c.pitfalls.find((x) => x.id === 'enzymeInducingAsms')!;
      p.text =
        'Avoid enzyme-inducing anti-seizure drugs: the tucatinib, neratinib and lapatinib labels advise against strong CYP3A inducers.';
    });
    const v = findViolations(content, paths).find(
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

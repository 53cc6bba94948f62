import fc from 'fast-check';
import { pathway } from '../../src/content';
import { caseModel, questionIds, type Answers } from '../../src/content/case-model';
import { holds } from '../../src/content/conditions';
import { decide } from '../../src/pathway/recommend';
import { RuleEvaluator } from '../support/rules';

// Any answers, each question answered or not: the compiled rules must agree everywhere, not only on consults.
const answers: fc.Arbitrary<Answers> = fc
  .tuple(...questionIds.map((q) => fc.constantFrom(undefined, ...caseModel[q])))
  .map((values) => Object.fromEntries(questionIds.flatMap((q, i) => (values[i] ? [[q, values[i]]] : []))));

const rules = new RuleEvaluator(pathway);
const noRefs = () => [];

/**
 * The bot chooses with the rules compiled at load (src/content/compile.ts); the content's authors, the
 * review copy and the FHIR export read them as written, naming the key decisions and the GPA. The two
 * must be the same function of the answers: the FHIR export's exhaustive test proves the export equal
 * to the rules as written on every combination of their inputs, and relies on this for the rest.
 */
describe('the rules compiled at load', () => {
  it('make each key decision as its table as written does, and choose the items, pitfalls and unknowns it does', () => {
    fc.assert(
      fc.property(answers, (a) => {
        const written = rules.at(a, new Set());
        for (const d of pathway.decisions)
          expect([d.id, decide(pathway, d, a, noRefs).value]).toEqual([d.id, written.decide(d.id)]);
        const statements = [...pathway.items, ...pathway.pitfalls, ...pathway.unknowns];
        for (const s of statements)
          if (s.rule && s.when) expect([s.id, holds(s.when, a)]).toEqual([s.id, written.holds(s.rule)]);
      }),
      { numRuns: 200, seed: 18 },
    );
  });
});

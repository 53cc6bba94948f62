import fc from 'fast-check';
import { evaluate, type Model } from 'fhirpath';
import * as r4 from 'fhirpath/fhir-context/r4';
import { pathway } from '../../src/content';
import { caseModel, type Answers, type QuestionId } from '../../src/content/case-model';
import { holds, type Condition } from '../../src/content/conditions';
import { consultResponse } from '../../src/view/fhir/consult';
import { conditionExpression } from '../../tools/fhir/fhirpath';

/** A condition's value for these answers, as the `fhirpath` package computes it on the consult's response. */
function fhirpathValue(c: Condition, answers: Answers): unknown[] {
  const log = Object.entries(answers).map(([question, answer]) => ({
    question: question as QuestionId,
    answer,
  }));
  const response = consultResponse(pathway, { contentVersion: pathway.version, log });
  return evaluate(response, conditionExpression(c), { resource: response }, r4 as Model) as unknown[];
}

const questions: QuestionId[] = ['seizure', 'kps', 'her2'];
const answer = (q: QuestionId) => fc.constantFrom(undefined, ...caseModel[q]);
const answers: fc.Arbitrary<Answers> = fc
  .tuple(...questions.map(answer))
  .map((values) => Object.fromEntries(questions.flatMap((q, i) => (values[i] ? [[q, values[i]]] : []))));
const test: fc.Arbitrary<Condition> = fc
  .constantFrom(...questions)
  .chain((q) => fc.subarray([...caseModel[q]], { minLength: 1 }).map((is) => ({ q, is })));
const condition: fc.Arbitrary<Condition> = fc.letrec<{ c: Condition }>((tie) => ({
  c: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    test,
    fc.record({ not: tie('c') }),
    fc.record({ all: fc.array(tie('c'), { minLength: 1, maxLength: 3 }) }),
    fc.record({ any: fc.array(tie('c'), { minLength: 1, maxLength: 3 }) }),
  ),
})).c;

describe('a content Condition as FHIRPath', () => {
  it('has the value `holds` gives it, as one boolean, for any rule and any answers (unanswered included)', () => {
    fc.assert(
      fc.property(condition, answers, (c, a) => {
        expect(fhirpathValue(c, a)).toEqual([holds(c, a)]);
      }),
      { numRuns: 300, seed: 21 },
    );
  });

  it('is false for an unanswered question, and its negation true (FHIRPath would otherwise say "empty")', () => {
    const c: Condition = { q: 'kps', is: ['kps60'] };
    expect(fhirpathValue(c, {})).toEqual([false]);
    expect(fhirpathValue({ not: c }, {})).toEqual([true]);
    expect(fhirpathValue({ not: { all: [c, { not: c }] } }, {})).toEqual([true]);
  });

  it('reads the answer by linkId and code, and brackets only what needs it', () => {
    expect(conditionExpression({ q: 'seizure', is: ['yes'] })).toBe(
      "%resource.item.where(linkId = 'seizure').answer.value.where(code = 'yes').exists()",
    );
    const a =
      "%resource.item.where(linkId = 'kps').answer.value.where(code in ('kps60' | 'kps50orLess')).exists()";
    const b = "%resource.item.where(linkId = 'her2').answer.value.where(code = 'positive').exists()";
    const c = "%resource.item.where(linkId = 'seizure').answer.value.where(code = 'no').exists()";
    const kps: Condition = { q: 'kps', is: ['kps60', 'kps50orLess'] };
    const her2: Condition = { q: 'her2', is: ['positive'] };
    const seizure: Condition = { q: 'seizure', is: ['no'] };
    expect(conditionExpression({ all: [kps, { any: [her2, { not: seizure }] }] })).toBe(
      `${a} and (${b} or ${c}.not())`,
    );
    expect(conditionExpression({ not: { all: [kps, { all: [her2, seizure] }] } })).toBe(
      `(${a} and ${b} and ${c}).not()`,
    );
  });
});

import fc from 'fast-check';
import { compile, evaluate, type Model } from 'fhirpath';
import * as r4 from 'fhirpath/fhir-context/r4';
import { pathway } from '../../src/content';
import { caseModel, type Answers, type QuestionId } from '../../src/content/case-model';
import { highestScore } from '../../src/content/compile';
import { conditionRefs, holds, type Condition } from '../../src/content/conditions';
import type { Rule } from '../../src/content/rules';
import { consultResponse } from '../../src/view/fhir/consult';
import { conditionExpression } from '../../tools/fhir/fhirpath';
import { gpaExpression } from '../../tools/fhir/gpa';
import { gpaVariable, valueVariable } from '../../tools/fhir/names';
import { ruleHolds, type Env } from '../support/plan-semantics';

/** An expression's value for these answers (and variables), as the `fhirpath` package computes it on the consult's response. */
function evaluated(expression: string, answers: Answers, env: Env = {}): unknown[] {
  const response = responseOf(answers);
  return evaluate(response, expression, { resource: response, ...env }, r4 as Model) as unknown[];
}
function responseOf(answers: Answers) {
  const log = Object.entries(answers).map(([question, answer]) => ({
    question: question as QuestionId,
    answer,
  }));
  return consultResponse(pathway, { contentVersion: pathway.version, log });
}
const fhirpathValue = (r: Rule, answers: Answers, env?: Env) =>
  evaluated(conditionExpression(r), answers, env);

const answer = (q: QuestionId) => fc.constantFrom(undefined, ...caseModel[q]);
const answersOf = (questions: readonly QuestionId[]): fc.Arbitrary<Answers> =>
  fc
    .tuple(...questions.map(answer))
    .map((values) => Object.fromEntries(questions.flatMap((q, i) => (values[i] ? [[q, values[i]]] : []))));
const questions: QuestionId[] = ['seizure', 'kps', 'her2'];
const answers = answersOf(questions);
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

// Rules as written may also name a key decision's values and a GPA threshold: the export reads each as a variable.
const decision = fc.constantFrom(...pathway.decisions.slice(0, 2)).chain((d) =>
  fc
    .subarray(
      d.values.map((v) => v.value),
      { minLength: 1 },
    )
    .map((is) => ({ decision: d.id, is })),
);
const thresholds = [1, 2.5];
const rule: fc.Arbitrary<Rule> = fc.letrec<{ r: Rule }>((tie) => ({
  r: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    test,
    decision,
    fc.constantFrom(...thresholds).map((gpaAtMost) => ({ gpaAtMost })),
    fc.record({ not: tie('r') }),
    fc.record({ all: fc.array(tie('r'), { minLength: 1, maxLength: 3 }) }),
    fc.record({ any: fc.array(tie('r'), { minLength: 1, maxLength: 3 }) }),
  ),
})).r;
const variables = [
  ...pathway.decisions.slice(0, 2).flatMap((d) => d.values.map((v) => valueVariable(d.id, v.value))),
  ...thresholds.map(gpaVariable),
];
const env: fc.Arbitrary<Env> = fc
  .tuple(...variables.map(() => fc.boolean()))
  .map((values) => Object.fromEntries(variables.map((n, i) => [n, values[i] as boolean])));

describe('a content rule as FHIRPath', () => {
  it('has the value the rule as written has, with the decisions and GPA thresholds it names given as variables', () => {
    fc.assert(
      fc.property(rule, answers, env, (r, a, e) => {
        expect(fhirpathValue(r, a, e)).toEqual([ruleHolds(r, a, e)]);
      }),
      { numRuns: 300, seed: 21 },
    );
  });

  it('reads a decision as its value variables and the GPA as its threshold variable', () => {
    expect(conditionExpression({ decision: 'local', is: ['srs', 'srsOrWbrt'] })).toBe(
      '%localIsSrs or %localIsSrsOrWbrt',
    );
    expect(conditionExpression({ not: { gpaAtMost: 1.5 } })).toBe('%gpaAtMost1Point5.not()');
  });

  it('writes the GPA threshold as the sum of each factor’s points, an open factor at its best, for any answers', () => {
    const inputs = [
      ...new Set(
        pathway.gpa.factors.flatMap((f) => f.levels.flatMap((l) => conditionRefs(l.when).map((c) => c.q))),
      ),
    ];
    // Compiled once per threshold: the formula is long, and parsing it is most of the time.
    const formulas = [0, 0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4].map((n) => ({
      n,
      formula: compile(gpaExpression(pathway.gpa, n), r4 as Model),
    }));
    fc.assert(
      fc.property(answersOf(inputs), fc.constantFrom(...formulas), (a, { n, formula }) => {
        const response = responseOf(a);
        expect(formula(response, { resource: response })).toEqual([highestScore(pathway.gpa, a) <= n]);
      }),
      { numRuns: 300, seed: 21 },
    );
  });
});

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

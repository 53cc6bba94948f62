import { pathway } from '../../src/content';
import { buildPlanDefinition } from '../../tools/fhir/plan-definition';
import { buildQuestionnaire, reachedVariable } from '../../tools/fhir/questionnaire';
import { consultMismatches, statementMismatches } from '../support/fhir-equality';
import { consultsOf, generatePaths } from '../support/paths';

// The export as `npm run fhir:export` builds it (test/tools/fhir-export.test.ts keeps the committed copy equal).
const paths = generatePaths();
const form = buildQuestionnaire(pathway);
const plan = buildPlanDefinition(pathway);
const consults = paths.reduce((n, p) => n + consultsOf(p), 0);

describe(`the FHIR export, evaluated with fhirpath, equals the consult (${paths.length} paths standing for ${consults} consults)`, () => {
  it('enables the questions each consult asks, step by step, then its outcome; applies the actions of its recommendation', () => {
    const checked = consultMismatches(pathway, form, plan, paths);
    expect(checked.mismatches).toEqual([]);
    expect(checked.consults).toBeGreaterThanOrEqual(paths.length);
  });

  it('applies each action exactly where the content rule it translates holds, in every consult', () => {
    const checked = statementMismatches(pathway, plan, paths);
    expect(checked.mismatches).toEqual([]);
    expect(checked.evaluated).toBeGreaterThan(checked.consults / 100);
  });
});

describe('the equality check fails when a translation is broken', () => {
  const some = paths.slice(0, 10);

  it('finds a question enabled too early (its route’s guard left out)', () => {
    const broken = structuredClone(form);
    const seizure = broken.extension?.find(
      (e) => e.valueExpression?.name === reachedVariable('bcbm.triage.askSeizure'),
    );
    if (!seizure?.valueExpression) throw new Error('no variable for the seizure question');
    seizure.valueExpression.expression = `%${reachedVariable('bcbm.triage.askRedFlags')}`;
    const found = consultMismatches(pathway, broken, plan, some).mismatches;
    expect(found[0]).toMatch(/^after scenario=\w+: the form enables \[scenario, redFlags, seizure\]/);
  });

  it('finds an action whose condition is negated', () => {
    const broken = structuredClone(plan);
    const action = broken.action?.find((a) => a.title === 'icpUrgentCt');
    const expression = action?.condition?.[0]?.expression;
    if (!expression) throw new Error('no action icpUrgentCt');
    expression.expression = `(${expression.expression}).not()`;
    const found = statementMismatches(pathway, broken, some).mismatches;
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((m) => m.startsWith('icpUrgentCt: '))).toBe(true);
    expect(consultMismatches(pathway, form, broken, some).mismatches[0]).toMatch(
      /the actions that apply are/,
    );
  });
});

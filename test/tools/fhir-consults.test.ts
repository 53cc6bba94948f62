import { pathway } from '../../src/content';
import { buildPlanDefinition } from '../../tools/fhir/plan-definition';
import { buildQuestionnaire } from '../../tools/fhir/questionnaire';
import { consultMismatches, statementMismatches } from '../support/fhir-equality';
import { consultsOf, generatePaths } from '../support/paths';

const paths = generatePaths();
const form = buildQuestionnaire(pathway);
const plan = buildPlanDefinition(pathway);
const all = paths.reduce((n, p) => n + consultsOf(p), 0);

describe(`the FHIR export equals the consult, over every consult the statechart allows (${paths.length} paths, ${all} consults)`, () => {
  it('enables the questions the consult asks, step by step, and applies the actions whose items it shows', () => {
    const checked = consultMismatches(pathway, form, plan, paths);
    expect(checked.mismatches).toEqual([]);
    console.log(checked.consults, checked.evaluated);
  });

  it('applies each action exactly where the content rule it translates holds', () => {
    const checked = statementMismatches(pathway, plan, paths);
    expect(checked.mismatches).toEqual([]);
    console.log(checked.consults, checked.evaluated);
  });
});

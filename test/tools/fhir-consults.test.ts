import { pathway } from '../../src/content';
import { buildPlanDefinition } from '../../tools/fhir/plan-definition';
import { buildQuestionnaire, reachedVariable } from '../../tools/fhir/questionnaire';
import { actionMismatches, consultMismatches, variableMismatches } from '../support/fhir-equality';
import { consultsOf, generatePaths } from '../support/paths';

/*
 * Why these three checks cover every consult the statechart allows, and not only the ones visited:
 *
 * (a) Each variable of the PlanDefinition equals its meaning in the content (test/support/plan-semantics.ts)
 *     on every combination of its direct inputs: the answers it tests (each answer, or none) and the
 *     earlier variables it names (each true or false, possible or not). The variables are checked to be
 *     defined before use, so by induction along their order, on ANY response whatever its answers, each
 *     variable evaluated in order has its meaning computed from the answers alone: `gpaAtMost1` is the
 *     bot's highest GPA score ≤ 1; `localRow6` is row 6 of the local-treatment table as written, with
 *     the decisions it names taking the values the tables give; `localBeforeRow6` is "some row before 6
 *     holds"; and `localIsSrs` is "the first row that holds gives srs", which is how `decide` makes it.
 * (b) Each action's condition equals its meaning on every combination of its direct inputs, so on any
 *     response the actions that apply are the values the tables give and the statements whose rule, as
 *     written, holds.
 * (c) The bot chooses with the rules compiled at load (src/content/compile.ts), which are built to be the
 *     same functions of the answers as the rules as written: a decision reference becomes "a row giving
 *     the value holds and no earlier row does", the GPA rule a table over every answer of its inputs
 *     (test/content/compile.test.ts checks that on random answers). (c) checks it end to end, with the real
 *     recommendation, on every consult that differs in an answer a route reads; and it checks what (a)
 *     and (b) cannot: that the names and the order of evaluation fit together, that every action is
 *     there, that the response lists what the consult recommends.
 * So the export equals the bot on every consult, though (a) and (b) evaluate each expression only on its
 * own few inputs: seconds, where evaluating each compiled condition on every consult took many minutes.
 */

// The export as `npm run fhir:export` builds it (test/tools/fhir-export.test.ts keeps the committed copy equal).
const paths = generatePaths();
const form = buildQuestionnaire(pathway);
const plan = buildPlanDefinition(pathway);
const consults = paths.reduce((n, p) => n + consultsOf(p), 0);

describe('the FHIR export, evaluated with fhirpath, equals the content', () => {
  it('(a) defines each variable as the content does, on every combination of its inputs', () => {
    const checked = variableMismatches(pathway, plan);
    expect(checked.mismatches).toEqual([]);
    expect(checked.evaluated).toBeGreaterThan(10_000);
  });

  it('(b) applies each action exactly where its rule as written holds, on every combination of its inputs', () => {
    const checked = actionMismatches(pathway, plan);
    expect(checked.mismatches).toEqual([]);
    expect(checked.evaluated).toBeGreaterThan(10_000);
  });

  it(`(c) enables the questions each consult asks, step by step, then its outcome; makes its key decisions and applies the actions of its recommendation (${paths.length} paths standing for ${consults} consults)`, () => {
    const checked = consultMismatches(pathway, form, plan, paths);
    expect(checked.mismatches).toEqual([]);
    expect(checked.consults).toBeGreaterThanOrEqual(paths.length);
  });
});

describe('the equality check fails when a translation is broken', () => {
  const some = paths.slice(0, 10);
  /** A copy of the plan with one variable's or action's expression changed. */
  function breakPlan(name: string, change: (expression: string) => string) {
    const broken = structuredClone(plan);
    const actions = (broken.action ?? []).flatMap((a) => [a, ...(a.action ?? [])]);
    const e =
      broken.extension?.find((x) => x.valueExpression?.name === name)?.valueExpression ??
      actions.find((a) => a.id === name)?.condition?.[0]?.expression;
    if (!e?.expression) throw new Error(`no expression named ${name}`);
    const changed = change(e.expression);
    if (changed === e.expression) throw new Error(`${name}: the change changes nothing`);
    e.expression = changed;
    return broken;
  }

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
    const broken = breakPlan('icpUrgentCt', (e) => `(${e}).not()`);
    const found = actionMismatches(pathway, broken, ['icpUrgentCt']).mismatches;
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((m) => m.startsWith('icpUrgentCt: '))).toBe(true);
    expect(consultMismatches(pathway, form, broken, some).mismatches[0]).toMatch(
      /the actions that apply are/,
    );
  });

  // Consults that reach the surgery question, where local treatment can be surgery first or radiosurgery.
  const resectable = paths.filter((p) => p.groups.some((g) => g.question === 'resectable')).slice(0, 10);

  it('finds a decision row that reads an answer wrong (surgery for an unresectable lesion)', () => {
    const broken = breakPlan('localRow11', (e) =>
      e.replace(
        "linkId = 'resectable').answer.value.where(code = 'yes')",
        "linkId = 'resectable').answer.value.where(code = 'no')",
      ),
    );
    const found = variableMismatches(pathway, broken, ['localRow11']).mismatches;
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((m) => m.startsWith('localRow11: the export gives'))).toBe(true);
    expect(consultMismatches(pathway, form, broken, resectable).mismatches[0]).toMatch(
      /the value variables that hold are \[[^\]]*local=srs\b.*the decisions \[[^\]]*local=surgeryFirst/,
    );
  });

  it('finds a decision value that forgets the first matching row wins (radiosurgery beside surgery)', () => {
    const broken = breakPlan('localIsSrs', () => '%localRow13');
    const found = variableMismatches(pathway, broken, ['localIsSrs']).mismatches;
    expect(found).toEqual([
      'localIsSrs: reads [%localRow13], its meaning reads [%localRow13, %localBeforeRow13]',
    ]);
    expect(consultMismatches(pathway, form, broken, resectable).mismatches[0]).toMatch(
      /the value variables that hold are \[[^\]]*local=surgeryFirst, local=srs/,
    );
  });
});

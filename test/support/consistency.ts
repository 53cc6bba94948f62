import type { Answers } from '../../src/content/case-model';
import type { Condition, Pathway } from '../../src/content/schema';
import { witness, type GeneratedPath } from './paths';

export interface Violation {
  /** The two ids at fault: two statements that exclude each other, or a statement and a drug. */
  between: [string, string];
  why: string;
  /** A consult the statechart allows in which both hold. */
  example: Answers;
}

type Statement = { id: string; text: string; when: Condition };

function statements(content: Pathway): Statement[] {
  return [
    ...content.items,
    ...content.pitfalls.flatMap((p) => (p.when ? [{ id: p.id, text: p.text, when: p.when }] : [])),
  ];
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** The drugs a text names, longest names first, so "trastuzumab deruxtecan" is not also "trastuzumab". */
export function drugsNamed(content: Pathway, text: string): string[] {
  const names = content.drugs
    .flatMap((d) => d.names.map((name) => ({ id: d.id, name })))
    .sort((a, b) => b.name.length - a.name.length);
  let rest = text;
  const found = new Set<string>();
  for (const { id, name } of names) {
    const re = new RegExp(`(?<![\\w-])${escape(name)}(?![\\w-])`, 'gi');
    if (re.test(rest)) {
      found.add(id);
      rest = rest.replace(re, ' ');
    }
  }
  return [...found];
}

/**
 * Every contradiction the statechart allows: pairs the content declares exclusive that both hold in
 * some consult, and statements that name a drug in a consult the drug is not for. Exact over the whole
 * answer space: each path stands for all its consults, and only the answers the conditions read are varied.
 */
export function findViolations(
  content: Pathway,
  paths: GeneratedPath[],
  /** Only the checks that name this statement (a test that puts one contradiction back). */
  about?: string,
): Violation[] {
  const byId = new Map(statements(content).map((s) => [s.id, s]));
  const checks: { between: [string, string]; why: string; condition: Condition }[] = [];
  for (const c of content.conflicts) {
    const [a, b] = c.between.map((id) => byId.get(id));
    // A pitfall without a rule is never gathered with a recommendation, so it cannot clash there.
    if (a && b) checks.push({ between: c.between, why: c.why, condition: { all: [a.when, b.when] } });
  }
  for (const s of byId.values())
    for (const id of drugsNamed(content, s.text)) {
      const drug = content.drugs.find((d) => d.id === id);
      if (drug)
        checks.push({
          between: [s.id, drug.id],
          why: `names ${drug.names[0]} (for ${drug.why}) where it does not apply`,
          condition: { all: [s.when, { not: drug.for }] },
        });
    }
  const found: Violation[] = [];
  for (const check of about ? checks.filter((c) => c.between.includes(about)) : checks)
    for (const path of paths) {
      const example = witness(path, check.condition);
      if (example) {
        found.push({ between: check.between, why: check.why, example });
        break;
      }
    }
  return found;
}

import type { Pathway, Rule } from '../../src/content/schema';
import { md, num, orList } from './markdown';

/**
 * Conditions in words, with question short names and option labels: the rules of the content (answers, key
 * decisions, the GPA) and the statechart's guards, which are rules of answers too (machines/graph.ts).
 */

export function shortName(p: Pathway, q: string): string {
  return p.questions.find((x) => x.id === q)?.short ?? q;
}

function optionLabel(p: Pathway, q: string, value: string): string {
  return p.questions.find((x) => x.id === q)?.options.find((o) => o.value === value)?.label ?? value;
}

const quoted = (p: Pathway, q: string, values: readonly string[]) =>
  values.map((v) => `“${md(optionLabel(p, q, v))}”`);

function flatten(c: Rule, kind: 'all' | 'any'): readonly Rule[] {
  if (kind === 'all' && 'all' in c) return c.all.flatMap((x) => flatten(x, kind));
  if (kind === 'any' && 'any' in c) return c.any.flatMap((x) => flatten(x, kind));
  return [c];
}

/**
 * A condition in words, with question short names and option labels:
 * "Seizure is “Yes”, or Emergency signs is “Status epilepticus”". Nested groups get parentheses.
 */
export function conditionText(p: Pathway, c: Rule, nested = false): string {
  if ('decision' in c) {
    const d = p.decisions.find((x) => x.id === c.decision);
    const labels = c.is.map((v) => `“${md(d?.values.find((x) => x.value === v)?.label ?? v)}”`);
    return `the decision **${md(d?.title ?? c.decision)}** is ${orList(labels)}`;
  }
  if ('gpaAtMost' in c)
    return `the Breast GPA is ${num(c.gpaAtMost)} or less (the highest score the answers allow)`;
  if ('q' in c) return `${md(shortName(p, c.q))} is ${orList(quoted(p, c.q, c.is))}`;
  if ('not' in c) {
    const inner = c.not;
    if ('decision' in inner || 'gpaAtMost' in inner) return `not ${conditionText(p, inner)}`;
    if ('q' in inner) {
      const labels = quoted(p, inner.q, inner.is);
      const name = md(shortName(p, inner.q));
      if (labels.length === 1) return `${name} is not ${labels[0]}`;
      if (labels.length === 2) return `${name} is neither ${labels[0]} nor ${labels[1]}`;
      return `${name} is none of ${labels.join(', ')}`;
    }
    return `not (${conditionText(p, inner)})`;
  }
  const kind = 'all' in c ? 'all' : 'any';
  const parts = flatten(c, kind);
  if (parts.length === 1) return conditionText(p, parts[0] as Rule, nested);
  const text = parts.map((x) => conditionText(p, x, true)).join(kind === 'all' ? ' and ' : ', or ');
  return nested ? `(${text})` : text;
}

/** An answer, decision or GPA condition: one phrase, no and/or inside. */
const atomic = (c: Rule) => 'q' in c || 'decision' in c || 'gpaAtMost' in c;

function depth(c: Rule): number {
  if (atomic(c)) return 0;
  if ('not' in c) return atomic(c.not) ? 0 : depth(c.not);
  const kind = 'all' in c ? 'all' : 'any';
  return 1 + Math.max(...flatten(c, kind).map(depth));
}

/**
 * A condition as Markdown list lines after `lead` (e.g. "- **When:**"): inline when it is short,
 * otherwise as a nested list ("all of:", "any of:") so that and/or cannot be misread.
 */
export function conditionBlock(p: Pathway, c: Rule, lead: string, indent = ''): string[] {
  const single = (x: Rule) =>
    'q' in x || 'decision' in x ? x.is.length === 1 : 'gpaAtMost' in x || ('not' in x && atomic(x.not));
  const parts = depth(c) === 1 ? flatten(c, 'all' in c ? 'all' : 'any') : [];
  const simple = depth(c) === 0 || (depth(c) === 1 && parts.length <= 2 && parts.every(single));
  if (simple) return [`${indent}${lead} ${conditionText(p, c)}`];
  const group = (x: Rule, head: string, at: string): string[] => {
    if (atomic(x) || ('not' in x && atomic(x.not)) || depth(x) === 0)
      return [`${at}${head}${conditionText(p, x)}`];
    if ('not' in x) {
      const inner = x.not;
      const kind = 'all' in inner ? 'all' : 'any';
      const words = kind === 'all' ? 'not all of:' : 'none of:';
      return [`${at}${head}${words}`, ...flatten(inner, kind).flatMap((y) => group(y, '- ', `${at}  `))];
    }
    const kind = 'all' in x ? 'all' : 'any';
    const parts = flatten(x, kind);
    if (parts.length === 1) return group(parts[0] as Rule, head, at);
    return [
      `${at}${head}${kind === 'all' ? 'all of:' : 'any of:'}`,
      ...parts.flatMap((y) => group(y, '- ', `${at}  `)),
    ];
  };
  return group(c, `${lead} `, indent);
}

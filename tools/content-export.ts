import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { bcbmMachine, bcbmMachineVersion } from '../machines/bcbm.machine';
import { sectionOrder } from '../src/pathway/recommend';
import { caseModel, isQuestionId } from '../src/content/case-model';
import { pathway } from '../src/content/index';
import type { Evidence, Pathway, Phase, Ref, Rule as ContentRule, Section } from '../src/content/schema';

/**
 * The review copy of the pathway: docs/pathway.md, for a clinical reviewer who does not read code.
 * Everything comes from the content and from the statechart's config, so the document cannot drift
 * from what the bot does; test/content/export.test.ts fails when the committed copy is stale.
 * `npm run content:export` writes it. The output is deterministic (no generation date).
 */

// ---------------------------------------------------------------------------------------------------
// Markdown helpers

/** Escapes text for Markdown running text: emphasis, code, links, HTML and table pipes are literal. */
export function md(text: string): string {
  const flat = text.replace(/\s*\n\s*/g, ' ').trim();
  const escaped = flat.replace(/[\\`*_[\]<>|]/g, (c) => `\\${c}`);
  // Block syntax only matters at the start of a line; text is always placed after a prefix or alone.
  return escaped.replace(/^(\d+)([.)]\s)/, '$1\\$2').replace(/^(#|[-+=]\s)/, '\\$1');
}

/** Text for a table cell. */
const cell = (text: string) => md(text) || ' ';

const code = (id: string) => `\`${id.replace(/`/g, '')}\``;

function num(n: number): string {
  return Number.isInteger(n * 2) ? n.toFixed(1) : String(n);
}

/** "A", "A or B", "A, B or C" */
function orList(parts: readonly string[], word = 'or'): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} ${word} ${parts[parts.length - 1]}`;
}

function doiLink(doi: string): string {
  const url = `https://doi.org/${encodeURI(doi).replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
  return `[doi:${md(doi)}](${url})`;
}

function urlLink(url: string): string {
  return `<${url.replace(/[<>\s]/g, (c) => encodeURIComponent(c))}>`;
}

const evidenceWords: Record<Evidence, string> = {
  verified: 'verified (read in the primary source)',
  secondary: 'secondary (read in a reliable secondary source that quotes the primary)',
  unverified: '**⚠️ UNVERIFIED**: could not be confirmed in a source; shown to the user as unverified',
};
const evidenceTag: Record<Evidence, string> = {
  verified: 'verified',
  secondary: 'secondary source',
  unverified: '**⚠️ UNVERIFIED**',
};

const phaseWords: Record<Phase, string> = {
  triage: 'Triage',
  imaging: 'Imaging',
  lesions: 'Lesions',
  prognosis: 'Prognosis',
  systemic: 'Systemic treatment',
  progression: 'Progression after local treatment',
};

const sectionWords: Record<Section, string> = {
  immediate: 'Immediate actions',
  symptomControl: 'Symptom control',
  localTherapy: 'Local therapy',
  systemicTherapy: 'Systemic therapy',
  followUp: 'Follow-up',
};

// ---------------------------------------------------------------------------------------------------
// Conditions in words

/** A rule as written in the content (answers, key decisions, the GPA), or a statechart guard kept as its name. */
type Rule = ContentRule | { guard: string };

function shortName(p: Pathway, q: string): string {
  return p.questions.find((x) => x.id === q)?.short ?? q;
}

function optionLabel(p: Pathway, q: string, value: string): string {
  return p.questions.find((x) => x.id === q)?.options.find((o) => o.value === value)?.label ?? value;
}

const quoted = (p: Pathway, q: string, values: readonly string[]) =>
  values.map((v) => `“${md(optionLabel(p, q, v))}”`);

function flatten(c: ContentRule, kind: 'all' | 'any'): readonly ContentRule[] {
  if (kind === 'all' && 'all' in c) return c.all.flatMap((x) => flatten(x, kind));
  if (kind === 'any' && 'any' in c) return c.any.flatMap((x) => flatten(x, kind));
  return [c];
}

/**
 * A condition in words, with question short names and option labels:
 * "Seizure is “Yes”, or Emergency signs is “Status epilepticus”". Nested groups get parentheses.
 */
export function conditionText(p: Pathway, c: Rule, nested = false): string {
  if ('guard' in c) return `the rule ${code(c.guard)} holds`;
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
  if (parts.length === 1) return conditionText(p, parts[0] as ContentRule, nested);
  const text = parts.map((x) => conditionText(p, x, true)).join(kind === 'all' ? ' and ' : ', or ');
  return nested ? `(${text})` : text;
}

/** An answer, decision or GPA condition: one phrase, no and/or inside. */
const atomic = (c: ContentRule) => 'q' in c || 'decision' in c || 'gpaAtMost' in c;

function depth(c: ContentRule): number {
  if (atomic(c)) return 0;
  if ('not' in c) return atomic(c.not) ? 0 : depth(c.not);
  const kind = 'all' in c ? 'all' : 'any';
  return 1 + Math.max(...flatten(c, kind).map(depth));
}

/**
 * A condition as Markdown list lines after `lead` (e.g. "- **When:**"): inline when it is short,
 * otherwise as a nested list ("all of:", "any of:") so that and/or cannot be misread.
 */
export function conditionBlock(p: Pathway, c: ContentRule, lead: string, indent = ''): string[] {
  const single = (x: ContentRule) =>
    'q' in x || 'decision' in x ? x.is.length === 1 : 'gpaAtMost' in x || ('not' in x && atomic(x.not));
  const parts = depth(c) === 1 ? flatten(c, 'all' in c ? 'all' : 'any') : [];
  const simple = depth(c) === 0 || (depth(c) === 1 && parts.length <= 2 && parts.every(single));
  if (simple) return [`${indent}${lead} ${conditionText(p, c)}`];
  const group = (x: ContentRule, head: string, at: string): string[] => {
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
    if (parts.length === 1) return group(parts[0] as ContentRule, head, at);
    return [
      `${at}${head}${kind === 'all' ? 'all of:' : 'any of:'}`,
      ...parts.flatMap((y) => group(y, '- ', `${at}  `)),
    ];
  };
  return group(c, `${lead} `, indent);
}

// ---------------------------------------------------------------------------------------------------
// The statechart's routing, read from its config

interface TransitionConfig {
  target?: string | readonly string[];
  guard?: unknown;
}
type Transitions = string | TransitionConfig | readonly (string | TransitionConfig)[];
interface StateConfig {
  id?: string;
  initial?: string;
  type?: string;
  meta?: { questionId?: string; outcomeId?: string };
  states?: Record<string, StateConfig>;
  on?: Record<string, Transitions>;
  always?: Transitions;
}

interface Node {
  /** The state node's id (its path, unless the config names it). */
  id: string;
  /** Its path from the root, dot-separated, for relative targets. */
  path: string;
  parent?: Node;
  config: StateConfig;
}

/** Where a transition leads, after following compound states to their initial child and transient states. */
type Destination =
  | { kind: 'question'; question: string }
  | { kind: 'outcome'; outcome: string }
  | { kind: 'branch'; branches: Branch[] }
  | { kind: 'state'; id: string };
interface Branch {
  /** The transition's own rule (if/else-if/otherwise order applies). */
  rule?: Rule;
  /** The rule with the earlier branches' rules negated: when this branch is taken, on its own. */
  effective?: Rule;
  to: Destination;
}

export interface Routing {
  start: Destination;
  /** In the order the statechart defines its question states. */
  steps: { question: string; stateId: string; events: { event: string; branches: Branch[] }[] }[];
}

function normalise(t: Transitions | undefined): TransitionConfig[] {
  if (t === undefined) return [];
  const list = (Array.isArray(t) ? t : [t]) as (string | TransitionConfig)[];
  return list.map((x) => (typeof x === 'string' ? { target: x } : x));
}

function ruleOf(guard: unknown): Rule | undefined {
  if (guard === undefined) return undefined;
  if (typeof guard === 'string') return { guard };
  if (typeof guard === 'object' && guard !== null && 'type' in guard) {
    const { type, params } = guard as { type: unknown; params?: unknown };
    // `all`: every one of several answer rules (the machine's guard for a rule over two questions).
    if (type === 'all' && Array.isArray(params)) {
      const parts = params.map((x) => ruleOf({ type: 'answered', params: x }));
      if (parts.every((x): x is ContentRule => x !== undefined && !('guard' in x))) return { all: parts };
      return { guard: 'all' };
    }
    const { q, is } = (params ?? {}) as { q?: unknown; is?: unknown };
    if (
      type === 'answered' &&
      isQuestionId(q) &&
      Array.isArray(is) &&
      is.length > 0 &&
      is.every((v) => typeof v === 'string')
    )
      return { q, is: is as string[] };
    return { guard: String(type) };
  }
  return { guard: 'inline guard' };
}

/**
 * The rule under which branch `k` of an if/else-if chain is taken. Negations of rules on `answered`
 * (the question just answered, so it has a value) are folded into the values it can have.
 */
function effectiveRule(rules: (Rule | undefined)[], k: number, answered?: string): Rule | undefined {
  const atoms: Rule[] = [];
  for (let i = 0; i < k; i++) {
    const r = rules[i];
    if (r) atoms.push('guard' in r ? { guard: `not ${r.guard}` } : { not: r });
  }
  const own = rules[k];
  if (own) atoms.push(own);
  let allowed: string[] | undefined;
  const rest: Rule[] = [];
  for (const a of atoms) {
    if (answered && isQuestionId(answered) && 'q' in a && a.q === answered) {
      allowed = (allowed ?? [...caseModel[answered]]).filter((v) => a.is.includes(v));
    } else if (answered && isQuestionId(answered) && 'not' in a && 'q' in a.not && a.not.q === answered) {
      const excluded = a.not.is;
      allowed = (allowed ?? [...caseModel[answered]]).filter((v) => !excluded.includes(v));
    } else rest.push(a);
  }
  if (allowed && answered && isQuestionId(answered) && allowed.length < caseModel[answered].length)
    rest.unshift({ q: answered, is: allowed });
  if (rest.some((r) => 'guard' in r)) {
    const guards = rest.filter((r): r is { guard: string } => 'guard' in r).map((r) => r.guard);
    return { guard: guards.join(' and ') };
  }
  const conditions = rest as ContentRule[];
  if (conditions.length === 0) return undefined;
  return conditions.length === 1 ? conditions[0] : { all: conditions };
}

export function routingOf(machine: StateConfig = bcbmMachine.config as unknown as StateConfig): Routing {
  const byId = new Map<string, Node>();
  const byPath = new Map<string, Node>();
  const order: Node[] = [];
  const visit = (node: Node) => {
    byId.set(node.id, node);
    byPath.set(node.path, node);
    order.push(node);
    for (const [key, config] of Object.entries(node.config.states ?? {})) {
      const path = `${node.path}.${key}`;
      visit({ id: config.id ?? path, path, parent: node, config });
    }
  };
  const rootId = machine.id ?? '(machine)';
  visit({ id: rootId, path: rootId, config: machine });

  /** XState's target syntax: `#id`, `.child`, or a sibling (optionally `sibling.child`). */
  const resolve = (from: Node, target: string): Node | undefined => {
    if (target.startsWith('#')) {
      const [id = '', ...rest] = target.slice(1).split('.');
      // `#bcbm.recommend.x` is the id `bcbm.recommend.x`, or the id `bcbm` followed by a path.
      const exact = byId.get(target.slice(1));
      if (exact) return exact;
      const base = byId.get(id);
      return base && byPath.get([base.path, ...rest].join('.'));
    }
    if (target.startsWith('.')) return byPath.get(`${from.path}${target}`);
    return byPath.get(`${from.parent?.path ?? rootId}.${target}`);
  };

  const enter = (node: Node | undefined, answered: string | undefined, seen: Set<string>): Destination => {
    if (!node) return { kind: 'state', id: '(unknown target)' };
    const { meta, states, initial, always } = node.config;
    if (meta?.questionId) return { kind: 'question', question: meta.questionId };
    if (meta?.outcomeId) return { kind: 'outcome', outcome: meta.outcomeId };
    if (seen.has(node.id)) return { kind: 'state', id: node.id };
    const next = new Set(seen).add(node.id);
    if (states && typeof initial === 'string')
      return enter(byPath.get(`${node.path}.${initial}`), answered, next);
    if (always) return { kind: 'branch', branches: branches(node, normalise(always), answered, next) };
    return { kind: 'state', id: node.id };
  };

  const branches = (
    from: Node,
    transitions: TransitionConfig[],
    answered: string | undefined,
    seen: Set<string>,
  ): Branch[] => {
    const rules = transitions.map((t) => ruleOf(t.guard));
    return transitions.map((t, k) => {
      const target = Array.isArray(t.target) ? t.target[0] : t.target;
      const to: Destination =
        typeof target === 'string'
          ? enter(resolve(from, target), answered, seen)
          : { kind: 'state', id: `${from.id} (stays)` };
      return { rule: rules[k], effective: effectiveRule(rules, k, answered), to };
    });
  };

  const steps: Routing['steps'] = order
    .filter((n) => n.config.meta?.questionId)
    .map((n) => {
      const question = n.config.meta?.questionId as string;
      const events = Object.entries(n.config.on ?? {}).map(([event, t]) => ({
        event,
        branches: branches(
          n,
          normalise(t),
          event === `answer.${question}` ? question : undefined,
          new Set([n.id]),
        ),
      }));
      return { question, stateId: n.id, events };
    });
  return { start: enter(byId.get(rootId), undefined, new Set()), steps };
}

// ---------------------------------------------------------------------------------------------------
// The document

function destinationText(p: Pathway, d: Destination): string {
  switch (d.kind) {
    case 'question':
      return `ask **${md(shortName(p, d.question))}** (${code(d.question)})`;
    case 'outcome': {
      const o = p.outcomes.find((x) => x.id === d.outcome);
      return `recommendation **${md(o?.title ?? d.outcome)}** (${code(d.outcome)})`;
    }
    case 'state':
      return `state ${code(d.id)}`;
    case 'branch':
      return 'continue as follows';
  }
}

function startText(p: Pathway, d: Destination): string {
  return d.kind === 'question'
    ? `**${md(shortName(p, d.question))}** (${code(d.question)})`
    : destinationText(p, d);
}

function branchLines(p: Pathway, list: Branch[], indent: string): string[] {
  if (list.length === 1 && !list[0]?.rule) {
    const only = list[0] as Branch;
    if (only.to.kind !== 'branch') return [`${indent}- then ${destinationText(p, only.to)}`];
    return branchLines(p, only.to.branches, indent);
  }
  return list.flatMap((b, k) => {
    const head = !b.rule ? 'otherwise' : `${k === 0 ? 'if' : 'else if'} ${conditionText(p, b.rule)}`;
    if (b.to.kind === 'branch')
      return [`${indent}- ${head}, then:`, ...branchLines(p, b.to.branches, `${indent}  `)];
    return [`${indent}- ${head} → ${destinationText(p, b.to)}`];
  });
}

/** For each outcome, how it is reached: after which question, and under which rule. */
function arrivals(p: Pathway, routing: Routing): Map<string, string[]> {
  const found = new Map<string, string[]>();
  const walk = (question: string, list: Branch[], outer: Rule | undefined) => {
    for (const b of list) {
      const rule: Rule | undefined =
        outer && b.effective
          ? 'guard' in outer || 'guard' in b.effective
            ? { guard: `${conditionText(p, outer)} and ${conditionText(p, b.effective)}` }
            : { all: [outer, b.effective] }
          : (outer ?? b.effective);
      if (b.to.kind === 'branch') walk(question, b.to.branches, rule);
      else if (b.to.kind === 'outcome') {
        const text = `after **${md(shortName(p, question))}**${rule ? `, when ${conditionText(p, rule)}` : ''}`;
        found.set(b.to.outcome, [...(found.get(b.to.outcome) ?? []), text]);
      }
    }
  };
  for (const step of routing.steps) for (const e of step.events) walk(step.question, e.branches, undefined);
  return found;
}

function referenceNumbers(p: Pathway): Map<string, number> {
  return new Map(p.citations.map((c, i) => [c.id, i + 1]));
}

/** "Ryken TC et al." for a list of people; a group author is kept whole. */
function shortAuthors(authors: string): string {
  const first = (authors.split(',')[0] ?? authors).trim();
  const person = /^\S.*\s[A-Z]{1,3}$/.test(first);
  if (!person) return authors.trim().replace(/[.,;\s]+$/, '');
  return authors.includes(',') ? `${first} et al.` : first;
}

function refsText(p: Pathway, refs: readonly Ref[]): string {
  if (refs.length === 0) return 'none';
  const numbers = referenceNumbers(p);
  return refs
    .map((r) => {
      const c = p.citations.find((x) => x.id === r.citation);
      const who = c ? `${md(shortAuthors(c.authors))} ${c.year}` : 'unknown source';
      const extra = [r.point && md(r.point), r.strength && `strength: ${md(r.strength)}`].filter(Boolean);
      return `[${numbers.get(r.citation) ?? '?'}] ${who} (${code(r.citation)})${extra.length ? `: ${extra.join('; ')}` : ''}`;
    })
    .join('; ');
}

function questionOrder(p: Pathway, routing: Routing): string[] {
  const inMachine = [...new Set(routing.steps.map((s) => s.question))];
  const rest = p.questions.map((q) => q.id).filter((id) => !inMachine.includes(id));
  return [...inMachine.filter((id) => p.questions.some((q) => q.id === id)), ...rest];
}

/** The whole review document, as Markdown. Pure: the same content and statechart give the same text. */
export function renderPathwayMarkdown(
  p: Pathway,
  machine: StateConfig = bcbmMachine.config as unknown as StateConfig,
  machineVersion: string = bcbmMachineVersion,
): string {
  const out: string[] = [];
  const line = (...text: string[]) => out.push(...text);
  const routing = routingOf(machine);
  const order = questionOrder(p, routing);
  const numbers = referenceNumbers(p);
  const reached = arrivals(p, routing);

  // Title and status
  line(`# ${md(p.title)}: the pathway for clinical review`, '');
  line(
    '> Generated from the content (`src/content/bcbm/`) and the consult statechart (`machines/bcbm.machine.ts`)',
    '> by `npm run content:export`. Do not edit this file by hand: change the content and export again.',
    '',
  );
  line('| | |', '|---|---|');
  line(`| Content | ${code(p.id)}, version ${cell(p.version)} |`);
  line(`| Reviewed by | ${cell(p.reviewedBy)} |`);
  line(`| Reviewed on | ${cell(p.reviewedOn)} |`);
  line(`| Statechart fingerprint | ${code(machineVersion)} |`, '');
  line(`**Disclaimer shown with every recommendation:** ${md(p.disclaimer)}`, '');
  line(`**Welcome message:** ${md(p.welcome)}`, '');

  changesSection(p, line);

  line('## How to read this document', '');
  line(
    'Each statement carries its evidence status, as labelled in the clinical fact sheet:',
    '',
    `- ${evidenceWords.verified};`,
    `- ${evidenceWords.secondary};`,
    `- ${evidenceWords.unverified}. Check these against the source before release.`,
    '',
    'Rules are written with the short name of each question and the labels of its answers. A question that',
    'was not asked, or whose answer is “Unknown”, never matches a rule. Sources are numbered as in the',
    'reference list at the end.',
    '',
  );

  // Review checklist
  line('## Unverified statements to check', '');
  const unverified = [
    ...p.items
      .filter((i) => i.evidence === 'unverified')
      .map((i) => `- Recommendation item ${code(i.id)} (${md(sectionWords[i.section])})`),
    ...p.pitfalls.filter((x) => x.evidence === 'unverified').map((x) => `- Pitfall ${code(x.id)}`),
    ...p.gpa.factors
      .filter((f) => f.evidence === 'unverified')
      .map((f) => `- ${md(p.gpa.name)}: points for ${md(f.label)}`),
    ...(p.gpa.bands.some((b) => b.evidence === 'unverified')
      ? [`- ${md(p.gpa.name)}: median survival by score band`]
      : []),
  ];
  line(...(unverified.length ? unverified : ['None.']), '');

  // Routing
  line('## 1. Question order and routing', '');
  line(
    `The consult starts with the question ${startText(p, routing.start)}. A question is only asked when its`,
    'answer can still change the advice. After each answer the rules below are tried in order; the first that',
    'holds is taken.',
    '',
  );
  routing.steps.forEach((s, i) => {
    line(`${i + 1}. After **${md(shortName(p, s.question))}** (${code(s.question)}):`);
    for (const e of s.events) {
      const indent = '    ';
      if (e.event !== `answer.${s.question}`) line(`${indent}- on event ${code(e.event)}:`);
      line(...branchLines(p, e.branches, e.event !== `answer.${s.question}` ? `${indent}  ` : indent));
    }
  });
  line('');
  const neverAsked = p.questions.filter((q) => !routing.steps.some((s) => s.question === q.id));
  if (neverAsked.length)
    line(
      `Questions in the content that the statechart never asks: ${neverAsked.map((q) => `**${md(q.short)}** (${code(q.id)})`).join(', ')}.`,
      '',
    );

  // Questions
  line('## 2. Questions', '');
  order.forEach((id, i) => {
    const q = p.questions.find((x) => x.id === id);
    if (!q) return;
    line(`### 2.${i + 1} ${md(q.short)} (${code(q.id)})`, '');
    line(`- **Phase:** ${md(phaseWords[q.phase])}`);
    line(`- **Question:** ${md(q.prompt)}`);
    line(`- **Why it is asked:** ${md(q.why)}`);
    line('- **Answers:**');
    for (const o of q.options)
      line(`  - ${code(o.value)}: ${md(o.label)}${o.hint ? ` (hint: ${md(o.hint)})` : ''}`);
    if (q.pitfalls.length === 0) line('- **Pitfalls shown with this question:** none');
    else {
      line('- **Pitfalls shown with this question:**');
      for (const id of q.pitfalls) {
        const pit = p.pitfalls.find((x) => x.id === id);
        line(`  - ${code(id)}: ${pit ? md(pit.text) : 'not in the content'}`);
      }
    }
    if (q.refs.length) line(`- **Sources:** ${refsText(p, q.refs)}`);
    line('');
  });

  // Outcomes
  line('## 3. Outcomes', '');
  line('Where a consult ends. Each outcome gathers the recommendation items whose rules hold.', '');
  for (const o of p.outcomes) {
    line(`### ${md(o.title)} (${code(o.id)})`, '');
    line(md(o.summary), '');
    line(`- **Breast GPA shown:** ${o.prognosis ? 'yes' : 'no'}`);
    const ways = reached.get(o.id) ?? [];
    if (ways.length === 0) line('- **Reached:** never (no route in the statechart leads here)');
    else if (ways.length === 1) line(`- **Reached:** ${ways[0]}`);
    else {
      line('- **Reached:**');
      for (const w of ways) line(`  - ${w}`);
    }
    line('');
  }

  decisionsSection(p, line);

  // Items
  line('## 5. Recommendation items', '');
  line(
    'Every item whose rule holds is shown, grouped by section, whatever the outcome. Items marked urgent are',
    'shown at once, before the next question, when the answer that triggers them is given.',
    '',
  );
  const sections = [...sectionOrder, ...(Object.keys(sectionWords) as Section[])].filter(
    (s, i, all) => all.indexOf(s) === i,
  );
  for (const s of sections) {
    const list = p.items.filter((i) => i.section === s);
    if (list.length === 0) continue;
    line(`### ${md(sectionWords[s])}`, '');
    for (const i of list) {
      line(`#### ${code(i.id)}: ${evidenceTag[i.evidence]}${i.urgent ? ', urgent' : ''}`, '');
      line(md(i.text), '');
      line(...conditionBlock(p, i.rule, '- **When:**'));
      line(`- **Evidence:** ${evidenceWords[i.evidence]}`);
      if (i.urgent) line('- **Urgent:** shown at once, before the next question');
      if (i.short)
        line(`- **Bottom line (rank ${i.rank ?? '–'}${i.urgent ? ', urgent: leads' : ''}):** ${md(i.short)}`);
      if (i.seedNote) line(`- **Compared with the seed article:** ${md(i.seedNote)}`);
      line(`- **Sources:** ${refsText(p, i.refs)}`, '');
    }
  }
  if (p.items.length === 0) line('None yet.', '');

  // Pitfalls
  line('## 6. Pitfalls', '');
  if (p.pitfalls.length === 0) line('None yet.', '');
  for (const x of p.pitfalls) {
    line(`### ${code(x.id)}: ${evidenceTag[x.evidence]}`, '');
    line(md(x.text), '');
    const at = p.questions.filter((q) => q.pitfalls.includes(x.id));
    line(
      `- **Shown with the question(s):** ${at.length ? at.map((q) => `**${md(q.short)}**`).join(', ') : 'none'}`,
    );
    if (x.rule) line(...conditionBlock(p, x.rule, '- **Also gathered with the recommendation when:**'));
    else line('- **Also gathered with the recommendation:** never (only shown at its question)');
    line(`- **Evidence:** ${evidenceWords[x.evidence]}`);
    if (x.seedNote) line(`- **Compared with the seed article:** ${md(x.seedNote)}`);
    line(`- **Sources:** ${refsText(p, x.refs)}`, '');
  }

  // Unknowns
  line('## 7. Missing information', '');
  line('What the recommendation says when an answer is unknown or was not given.', '');
  if (p.unknowns.length === 0) line('None yet.', '');
  for (const u of p.unknowns) {
    line(`### ${code(u.id)}`, '');
    line(...conditionBlock(p, u.rule, '- **When:**'));
    line(`- **What is missing:** ${md(u.text)}`);
    line(`- **What to do:** ${md(u.action)}`);
    line(`- **Sources:** ${refsText(p, u.refs)}`, '');
  }

  // GPA
  const g = p.gpa;
  line(`## 8. ${md(g.name)}`, '');
  line(md(g.note), '');
  line(
    'The score is the sum of the points of each factor. When an input is unknown or was not asked, the consult',
    'tries every value it could take and shows the range of possible scores, never a guess.',
    '',
  );
  line(`- **Sources:** ${refsText(p, g.refs)}`, '');
  line('| Factor | Level | Points | Answers | Evidence |', '|---|---|---|---|---|');
  for (const f of g.factors)
    f.levels.forEach((l, k) =>
      line(
        `| ${k === 0 ? `${cell(f.label)} (${code(f.id)})` : ' '} | ${cell(l.label)} | ${num(l.points)} | ${conditionText(p, l.when)} | ${k === 0 ? evidenceTag[f.evidence] : ' '} |`,
      ),
    );
  const best = g.factors.reduce((sum, f) => sum + Math.max(...f.levels.map((l) => l.points)), 0);
  const worst = g.factors.reduce((sum, f) => sum + Math.min(...f.levels.map((l) => l.points)), 0);
  line('', `Scores run from ${num(worst)} (worst) to ${num(best)} (best).`, '');
  line('| Score | Median survival (months) | Evidence |', '|---|---|---|');
  for (const b of g.bands)
    line(
      `| ${num(b.min)}–${num(b.max)} | ${b.medianMonths ?? `not shown: ${cell(b.withheld ?? '')}`}${b.label ? ` (${cell(b.label)})` : ''} | ${evidenceTag[b.evidence]} |`,
    );
  line('');
  for (const c of g.caveats) line(`- **Caveat, when ${conditionText(p, c.when)}:** ${md(c.text)}`);
  if (g.caveats.length) line('');
  for (const o of p.outcomes.filter((x) => x.prognosis && x.prognosisCaveat))
    line(`With **${md(o.title)}** the score comes with: “${md(o.prognosisCaveat ?? '')}”`, '');

  consistencySections(p, line);

  // References
  line('## 11. References', '');
  const cited = new Set<string>([
    ...p.questions.flatMap((q) => q.refs.map((r) => r.citation)),
    ...p.items.flatMap((i) => i.refs.map((r) => r.citation)),
    ...p.pitfalls.flatMap((x) => x.refs.map((r) => r.citation)),
    ...p.unknowns.flatMap((u) => u.refs.map((r) => r.citation)),
    ...p.decisions.flatMap((d) => d.rows.flatMap((r) => r.refs.map((x) => x.citation))),
    ...g.refs.map((r) => r.citation),
  ]);
  for (const c of p.citations) {
    const parts = [
      `${md(c.authors.trim().replace(/[,;\s]+$/, ''))}${/[.!?]$/.test(c.authors.trim()) ? '' : '.'}`,
      `${md(c.title)}.`,
      `*${md(c.source)}*`,
      `${c.year}${c.detail ? `; ${md(c.detail)}` : ''}.`,
      c.doi ? `${doiLink(c.doi)}.` : '',
      c.url ? `${urlLink(c.url)}` : '',
    ].filter(Boolean);
    const unused = cited.has(c.id) ? '' : ' *(not cited by any statement)*';
    line(`${numbers.get(c.id)}. ${code(c.id)}: ${parts.join(' ')}${unused}`);
  }
  line('');

  return out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/\n*$/, '\n');
}

/** The clinical review each release answers, as the changes table introduces it. */
const releaseReviews: Record<string, string> = {
  '3.0':
    'Each finding of the second, independent tumour-board review of content 2.0.2 (December 2026: major findings M1–M9, minor m1–m10) with what was done, where, and the source read for it. Where the source read differs from the review, the content follows the source and the note says so.',
  '2.0':
    'Each point of the clinical review of content 1.0.1 (errors E1–E14, the wording points of its section 1.4, gaps 1–15 and the Breast GPA) with what was done and where; ids are those of this document.',
};

/** What the content did with each point of each clinical review, newest release first, point by point. */
function changesSection(p: Pathway, line: (...text: string[]) => void): void {
  const releases = [...new Set(p.changes.map((c) => c.release))].sort((a, b) =>
    b.localeCompare(a, 'en', { numeric: true }),
  );
  for (const release of releases) {
    line(`## Changes in ${md(release)}`, '');
    if (releaseReviews[release]) line(releaseReviews[release], '');
    line('| Point | Status | Where | What was done |', '|---|---|---|---|');
    for (const c of p.changes.filter((x) => x.release === release))
      line(
        `| ${cell(c.point)} | ${c.status} | ${c.where.length ? c.where.map(code).join(', ') : ' '} | ${cell(c.note)} |`,
      );
    line('');
  }
}

/** The key decisions: each one's table, rows in order, the first that holds sets the value. */
function decisionsSection(p: Pathway, line: (...text: string[]) => void): void {
  line('## 4. Key decisions', '');
  line(
    'The plan’s key decisions are each made once per consult, from a table: its rows are tried in order and the',
    'first that holds sets the value (the last row holds otherwise). Every recommendation item that depends on a',
    'decision is gated on its value, never on a copy of the rows, so one decision cannot be taken two ways in one',
    'plan; a test checks over every consult that each decision takes exactly one value and that no row is hidden',
    'behind the rows above it. Where a value has a short form, the bottom line names it in its “Plan” line.',
    '',
  );
  for (const d of p.decisions) {
    line(`### ${md(d.title)} (${code(d.id)})`, '');
    line('| # | When | Value | Why | Sources |', '|---|---|---|---|---|');
    d.rows.forEach((r, j) => {
      const value = d.values.find((v) => v.value === r.value);
      line(
        `| ${j + 1} | ${r.when ? conditionText(p, r.when) : 'otherwise'} | ${cell(value?.label ?? r.value)} (${code(r.value)}) | ${cell(r.why)} | ${refsText(p, r.refs)} |`,
      );
    });
    line('');
    const named = d.values.filter((v) => v.short);
    if (named.length)
      line(
        `Named in the bottom line: ${named.map((v) => `${code(v.value)} as “${md(v.short ?? '')}”`).join('; ')}.`,
        '',
      );
    const governed = [
      ...d.governs.sections.map((s) => `every item of ${md(sectionWords[s])}`),
      ...d.governs.items.map(code),
    ];
    if (governed.length) line(`Gated on this decision: ${governed.join(', ')}.`, '');
  }
}

/** The declared contradictions and the receptor-bound drugs, both checked by the test suite. */
function consistencySections(p: Pathway, line: (...text: string[]) => void): void {
  line('## 9. Statements that must never appear together', '');
  line(
    'A test checks every consult the statechart allows and fails if any recommendation holds both of a pair.',
    '',
  );
  line('| Statement | Excludes | Why |', '|---|---|---|');
  for (const c of p.conflicts) line(`| ${code(c.between[0])} | ${code(c.between[1])} | ${cell(c.why)} |`);
  line('');
  line('## 10. Drugs checked against the answers', '');
  line(
    'Any item or pitfall that names one of these drugs is checked, over every consult, to appear only for',
    'the patients the drug is for.',
    '',
  );
  line('| Drug | Names matched | For | Rule |', '|---|---|---|---|');
  for (const d of p.drugs)
    line(`| ${code(d.id)} | ${d.names.map(cell).join(', ')} | ${cell(d.why)} | ${conditionText(p, d.for)} |`);
  line('');
}

// ---------------------------------------------------------------------------------------------------
// CLI: npm run content:export

/** The repository root: the nearest folder above `from` holding package.json and the content sources. */
export function findRepoRoot(from: string = __dirname): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'src', 'content', 'schema.ts')))
      return dir;
    if (dirname(dir) === dir)
      throw new Error(`no repository root (package.json + src/content) above ${from}`);
  }
}

/** docs/pathway.md in the repository. */
export function pathwayDocPath(): string {
  return join(findRepoRoot(), 'docs', 'pathway.md');
}

if (require.main === module) {
  const file = pathwayDocPath();
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, renderPathwayMarkdown(pathway));
  console.log(`wrote ${relative(process.cwd(), file) || file}`);
}

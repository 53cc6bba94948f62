import { bcbmMachineVersion } from '../../machines/bcbm.machine';
import { statechartGraph, type StatechartGraph } from '../../machines/graph';
import type { Pathway, Ref, Rule, Section } from '../../src/content/schema';
import { sectionOrder } from '../../src/pathway/recommend';
import { sectionTitles } from '../../src/view/strings';
import { conditionBlock, conditionText, shortName } from './conditions';
import { cell, code, doiLink, evidenceTag, evidenceWords, md, num, phaseWords, urlLink } from './markdown';
import { routingOf, type Branch, type Destination, type Routing } from './routing';

/**
 * The review copy of the pathway: docs/pathway.md, for a clinical reviewer who does not read code.
 * Everything comes from the content and from the statechart the bot runs (its graph, machines/graph.ts), so
 * the document cannot drift from what the bot does; test/tools/content-export.test.ts fails when the
 * committed copy is stale. The output is deterministic (no generation date).
 */

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
        outer && b.effective ? { all: [outer, b.effective] } : (outer ?? b.effective);
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
  graph: StatechartGraph = statechartGraph(),
  machineVersion: string = bcbmMachineVersion,
): string {
  const out: string[] = [];
  const line = (...text: string[]) => out.push(...text);
  const routing = routingOf(graph);
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
  line(`**Said under every “Act now”:** ${md(p.actNowResume)}`, '');

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
      .map((i) => `- Recommendation item ${code(i.id)} (${md(sectionTitles[i.section])})`),
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
    if (o.resume)
      line(`- **Way back:** a button "${md(o.resume.label)}" asks ${code(o.resume.question)} again`);
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
  const sections = [...sectionOrder, ...(Object.keys(sectionTitles) as Section[])].filter(
    (s, i, all) => all.indexOf(s) === i,
  );
  for (const s of sections) {
    const list = p.items.filter((i) => i.section === s);
    if (list.length === 0) continue;
    line(`### ${md(sectionTitles[s])}`, '');
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
      ...d.governs.sections.map((s) => `every item of ${md(sectionTitles[s])}`),
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

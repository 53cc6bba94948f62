import { join } from 'node:path';
import { setup } from 'xstate';
import { statechartGraph } from '../../machines/graph';
import { conditionBlock, conditionText } from '../../tools/pathway-doc/conditions';
import { renderPathwayMarkdown } from '../../tools/pathway-doc/document';
import { md } from '../../tools/pathway-doc/markdown';
import { routingOf } from '../../tools/pathway-doc/routing';
import { repoRoot } from '../../tools/repo-root';
import { pathway } from '../../src/content';
import { expectUpToDate } from '../support/up-to-date';

const docPath = join(repoRoot(), 'docs', 'pathway.md');
const rendered = renderPathwayMarkdown(pathway);

/** The document as a reader sees the text: Markdown escapes removed, lines joined. */
const plain = rendered.replace(/\\([\\`*_[\]<>|#+\-=.)])/g, '$1').replace(/\s+/g, ' ');
const flat = (text: string) => text.replace(/\s+/g, ' ').trim();

describe('docs/pathway.md', () => {
  it('is up to date with the content and the statechart', () => {
    expectUpToDate(docPath, rendered, 'npm run content:export');
  });

  it('is deterministic (no generation date)', () => {
    expect(renderPathwayMarkdown(pathway)).toBe(rendered);
    expect(rendered).not.toMatch(/generated (on|at) \d/i);
  });

  it('names the content version, the reviewer, the review date and the disclaimer', () => {
    expect(rendered).toContain(`version ${pathway.version}`);
    expect(plain).toContain(flat(pathway.reviewedBy));
    expect(rendered).toContain(pathway.reviewedOn);
    expect(plain).toContain(flat(pathway.disclaimer));
  });

  it('shows every question with its prompt, why, options, hints and pitfalls', () => {
    for (const q of pathway.questions) {
      expect(rendered).toContain(`\`${q.id}\``);
      expect(plain).toContain(flat(q.prompt));
      expect(plain).toContain(flat(q.why));
      for (const o of q.options) {
        expect(rendered).toContain(`\`${o.value}\``);
        expect(plain).toContain(flat(o.label));
        if (o.hint) expect(plain).toContain(flat(o.hint));
      }
      for (const id of q.pitfalls) expect(rendered).toContain(`\`${id}\``);
    }
  });

  it('shows every item, outcome, pitfall, unknown and citation by id', () => {
    const ids = [
      ...pathway.items.map((x) => x.id),
      ...pathway.outcomes.map((x) => x.id),
      ...pathway.pitfalls.map((x) => x.id),
      ...pathway.unknowns.map((x) => x.id),
      ...pathway.citations.map((x) => x.id),
    ];
    for (const id of ids) expect(rendered).toContain(`\`${id}\``);
    for (const i of pathway.items) {
      expect(plain).toContain(flat(i.text));
      if (i.seedNote) expect(plain).toContain(flat(i.seedNote));
    }
    for (const c of pathway.citations) {
      expect(plain).toContain(flat(c.title));
      if (c.doi) expect(plain).toContain(c.doi);
    }
  });

  it('shows every unverified statement prominently', () => {
    for (const i of pathway.items.filter((x) => x.evidence === 'unverified'))
      expect(rendered).toContain(`#### \`${i.id}\`: **⚠️ UNVERIFIED**`);
    for (const x of pathway.pitfalls.filter((y) => y.evidence === 'unverified'))
      expect(rendered).toContain(`### \`${x.id}\`: **⚠️ UNVERIFIED**`);
    for (const f of pathway.gpa.factors.filter((y) => y.evidence === 'unverified'))
      expect(rendered).toContain(`points for ${f.label}`);
  });

  it('shows the Breast GPA table: every factor, level and band', () => {
    for (const f of pathway.gpa.factors) {
      expect(rendered).toContain(`\`${f.id}\``);
      for (const l of f.levels) expect(plain).toContain(`| ${flat(l.label)} | ${l.points.toFixed(1)} |`);
    }
    for (const b of pathway.gpa.bands)
      expect(rendered).toContain(
        `| ${b.min.toFixed(1)}–${b.max.toFixed(1)} | ${b.medianMonths ?? `not shown: ${b.withheld}`}${b.label ? ` (${b.label})` : ''} |`,
      );
  });

  it('shows "Changes in 2.0": every error of the review and every gap, with its status', () => {
    const section = rendered.slice(rendered.indexOf('## Changes in 2.0'), rendered.indexOf('## How to read'));
    for (let n = 1; n <= 14; n++)
      expect(section).toMatch(new RegExp(`\\| E${n} \\| (done|partly|not done) \\|`));
    for (let n = 1; n <= 15; n++)
      expect(section).toMatch(new RegExp(`\\| Gap ${n} \\| (done|partly|not done) \\|`));
  });

  it('shows each item’s bottom-line short form and rank, and the declared conflicts and drugs', () => {
    const dex = pathway.items.find((i) => i.id === 'icpDexamethasone')!;
    expect(rendered).toContain(`- **Bottom line (rank ${dex.rank}, urgent: leads):** ${dex.short}`);
    expect(rendered).toContain('| `keepSystemicTherapy` | `progSystemicCnsActive` |');
    expect(rendered).toMatch(/\| `tucatinib` \| tucatinib \| HER2-directed \| HER2 is “Positive” \|/);
  });
});

describe('routing, read from the statechart', () => {
  const routing = routingOf();

  it('starts at the first question and lists every question state of the machine', () => {
    expect(routing.start).toEqual({ kind: 'question', question: 'scenario' });
    const asked = new Set(routing.steps.map((s) => s.question));
    for (const q of pathway.questions) expect(asked).toContain(q.id);
  });

  it('writes the rules in words, with the outcomes they lead to', () => {
    expect(rendered).toContain(
      '- if Imaging is “Not done yet” → recommendation **Interim plan while imaging is pending** (`interimPlan`)',
    );
    expect(rendered).toContain('**Reached:** after **Imaging**, when Imaging is “No metastases”');
    // A transient state (the triage router) is followed through to the questions it leads to.
    const redFlags = routing.steps.find((s) => s.question === 'redFlags');
    const first = redFlags?.events[0]?.branches[0];
    expect(first?.rule).toEqual({ q: 'redFlags', is: ['statusEpilepticus', 'focalStatus'] });
    expect(first?.to).toEqual({
      kind: 'branch',
      branches: [
        expect.objectContaining({ to: { kind: 'question', question: 'mriAccess' } }),
        expect.objectContaining({ to: { kind: 'question', question: 'priorBrainTreatment' } }),
      ],
    });
  });

  it('reaches every outcome of the content', () => {
    const reached = new Set<string>();
    const walk = (d: { kind: string; outcome?: string; branches?: { to: unknown }[] }) => {
      if (d.kind === 'outcome' && d.outcome) reached.add(d.outcome);
      for (const b of d.branches ?? []) walk(b.to as Parameters<typeof walk>[0]);
    };
    for (const s of routing.steps) for (const e of s.events) for (const b of e.branches) walk(b.to);
    expect([...reached].sort()).toEqual(pathway.outcomes.map((o) => o.id).sort());
  });

  it('reads a machine passed in, with sibling, #id and compound targets, and refuses a guard it cannot read', () => {
    const answered = (q: string, ...is: string[]) => ({ type: 'answered' as const, params: { q, is } });
    const config = (second: object) => ({
      id: 'm',
      initial: 'a',
      states: {
        a: {
          meta: { questionId: 'scenario' },
          on: {
            'answer.scenario': [
              { guard: answered('scenario', 'newSymptoms'), target: 'b' },
              second,
              { target: 'd' },
            ],
          },
        },
        b: { meta: { questionId: 'seizure' } },
        d: {
          initial: 'inner',
          states: { inner: { type: 'final' as const, meta: { outcomeId: 'interimPlan' } } },
        },
        c: { type: 'final' as const, meta: { outcomeId: 'treatmentPlan' } },
      },
    });
    const machineOf = (second: object) =>
      setup({ guards: { answered: () => true, custom: () => true } }).createMachine(config(second) as never);
    const graph = statechartGraph(
      machineOf({ guard: answered('scenario', 'knownProgression'), target: '#m.c' }).root as never,
    );
    const r = routingOf(graph);
    expect(r.start).toEqual({ kind: 'question', question: 'scenario' });
    const branches = r.steps[0]?.events[0]?.branches ?? [];
    expect(branches.map((b) => b.to)).toEqual([
      { kind: 'question', question: 'seizure' },
      { kind: 'outcome', outcome: 'treatmentPlan' },
      { kind: 'outcome', outcome: 'interimPlan' },
    ]);
    expect(branches[1]?.rule).toEqual({ q: 'scenario', is: ['knownProgression'] });
    const doc = renderPathwayMarkdown(pathway, graph, 'test');
    expect(doc).toContain('else if Consult type is “Known metastases, progressing” → recommendation');
    expect(doc).not.toBe(rendered);
    // A guard the graph cannot put in words is refused, never exported as something it is not.
    expect(() => statechartGraph(machineOf({ guard: 'custom', target: '#m.c' }).root as never)).toThrow(
      /guard the graph reader does not know/,
    );
  });
});

describe('conditions in words', () => {
  it('uses question short names and answer labels', () => {
    expect(
      conditionText(pathway, {
        any: [
          { q: 'seizure', is: ['yes'] },
          { q: 'redFlags', is: ['statusEpilepticus'] },
        ],
      }),
    ).toBe('Seizure is “Yes”, or Emergency signs is “Convulsive status epilepticus”');
    expect(conditionText(pathway, { not: { q: 'redFlags', is: ['statusEpilepticus'] } })).toBe(
      'Emergency signs is not “Convulsive status epilepticus”',
    );
    expect(conditionText(pathway, { not: { q: 'seizure', is: ['yes', 'unsure'] } })).toBe(
      'Seizure is neither “Yes” nor “Unsure”',
    );
    expect(
      conditionText(pathway, {
        all: [
          { q: 'seizure', is: ['no'] },
          {
            any: [
              { q: 'kps', is: ['kps90to100'] },
              {
                not: {
                  all: [
                    { q: 'age', is: ['under60'] },
                    { q: 'her2', is: ['positive'] },
                  ],
                },
              },
            ],
          },
        ],
      }),
    ).toBe(
      'Seizure is “No” and (Karnofsky performance status is “90 to 100”, or not (Age is “Under 60” and HER2 is “Positive”))',
    );
  });

  it('writes long or nested conditions as a nested list, so "and" and "or" cannot be misread', () => {
    expect(conditionBlock(pathway, { q: 'seizure', is: ['yes', 'unsure'] }, '- **When:**')).toEqual([
      '- **When:** Seizure is “Yes” or “Unsure”',
    ]);
    expect(
      conditionBlock(
        pathway,
        {
          all: [
            { q: 'imagingResult', is: ['parenchymal'] },
            { q: 'kps', is: ['kps90to100', 'kps70to80'] },
            {
              any: [
                { q: 'lesionCount', is: ['twoToFour'] },
                {
                  not: {
                    all: [
                      { q: 'age', is: ['under60'] },
                      { q: 'her2', is: ['positive'] },
                    ],
                  },
                },
              ],
            },
          ],
        },
        '- **When:**',
      ),
    ).toEqual([
      '- **When:** all of:',
      '  - Imaging is “Brain (parenchymal) metastases”',
      '  - Karnofsky performance status is “90 to 100” or “70 to 80”',
      '  - any of:',
      '    - Number of metastases is “2 to 4”',
      '    - not all of:',
      '      - Age is “Under 60”',
      '      - HER2 is “Positive”',
    ]);
  });

  it('escapes Markdown in content text', () => {
    expect(md('a *b* _c_ `d` [e](f) <g> | h \\ i')).toBe(
      'a \\*b\\* \\_c\\_ \\`d\\` \\[e\\](f) \\<g\\> \\| h \\\\ i',
    );
    expect(md('# not a heading')).toBe('\\# not a heading');
    expect(md('1. not a list')).toBe('1\\. not a list');
    expect(md('- not a bullet')).toBe('\\- not a bullet');
    expect(md('two\n  lines')).toBe('two lines');
  });
});

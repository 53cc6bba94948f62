import { z } from 'zod';
import { Condition, conditionRefs, holds } from './conditions';
import { caseModel, isQuestionId, type Answers } from './case-model';
import { answerRefs, decisionRefs, isGpaUnknown, Rule } from './rules';

/** camelCase ids, stable once published (case-model.md). */
export const Id = z.string().regex(/^[a-z][A-Za-z0-9]*$/, { error: 'ids are camelCase' });

/**
 * How well the statement is backed, as labelled in clinical/evidence.md:
 * verified = read in the primary source; secondary = read in a reliable secondary source;
 * unverified = could not be confirmed, and is shown to the user as such.
 */
export const Evidence = z.enum(['verified', 'secondary', 'unverified']);
export type Evidence = z.infer<typeof Evidence>;

export const Citation = z.strictObject({
  id: Id,
  authors: z.string().min(1),
  title: z.string().min(1),
  source: z.string().min(1), // journal or publisher
  year: z.number().int().min(1900).max(2100),
  detail: z.string().optional(), // volume, issue, pages
  doi: z.string().optional(),
  url: z.url().optional(),
});
export type Citation = z.infer<typeof Citation>;

/** A pointer from a statement to its source, with the guideline's own recommendation number and strength. */
export const Ref = z.strictObject({
  citation: Id,
  point: z.string().optional(), // e.g. "Rec 2.1", "Table 1"
  strength: z.string().optional(), // e.g. "Strong, high-quality evidence"
});
export type Ref = z.infer<typeof Ref>;

export const Phase = z.enum(['triage', 'imaging', 'lesions', 'prognosis', 'systemic', 'progression']);
export type Phase = z.infer<typeof Phase>;

export const Option = z.strictObject({
  value: Id,
  // Adaptive Card action titles do not wrap: a label fits a 390 px phone; the detail goes in `hint`.
  label: z
    .string()
    .trim()
    .min(1, { error: 'an option needs a label' })
    .max(40, { error: 'an option label has at most 40 characters' }),
  hint: z.string().optional(),
  /** Other words a clinician types for this answer ("HER2+", "pacemaker"); matched whole, after the label. */
  synonyms: z.array(z.string().min(1)).optional(),
  /** The numbers this answer stands for, where a typed number means it ("KPS 70", "3 lesions", "age 72"). */
  range: z.tuple([z.number(), z.number()]).optional(),
});

export const Question = z.strictObject({
  id: Id,
  phase: Phase,
  short: z.string().min(1), // the name used when the answers are echoed back
  prompt: z.string().min(1),
  why: z.string().min(1), // what the answer decides, for the `why` command
  options: z.array(Option).min(2),
  pitfalls: z.array(Id).default([]),
  refs: z.array(Ref).default([]),
});
export type Question = z.infer<typeof Question>;

export const Section = z.enum(['immediate', 'symptomControl', 'localTherapy', 'systemicTherapy', 'followUp']);
export type Section = z.infer<typeof Section>;

export const Outcome = z.strictObject({
  id: Id,
  title: z.string().min(1),
  summary: z.string().min(1),
  prognosis: z.boolean(), // whether the Breast GPA belongs in this outcome
  /**
   * A plan that waits for an answer (the interim plan waits for the scan): a visible button, labelled so,
   * that asks this question again (`{ "change": <question> }`), and the command in the terminal.
   */
  resume: z.strictObject({ question: Id, label: z.string().min(1).max(40) }).optional(),
});
export type Outcome = z.infer<typeof Outcome>;

export const Item = z.strictObject({
  id: Id,
  section: Section,
  text: z.string().min(1),
  when: Rule,
  refs: z.array(Ref).min(1, { error: 'every item needs a citation' }),
  evidence: Evidence,
  /** Shown at once, before the next question, when the answer that triggers it is given. */
  urgent: z.boolean().default(false),
  /** One line: where this departs from the seed article, and why. */
  seedNote: z.string().optional(),
  /**
   * The item's line in the recommendation's "Bottom line": one action, with the dose wherever a drug
   * is named. Written and reviewed with the item, never cut from `text`. Items without one are details.
   */
  short: z.string().min(1).max(160).optional(),
  /** Order in the bottom line, lowest first; urgent items lead whatever their rank. */
  rank: z.number().int().min(1).max(99).optional(),
  /** The short form is left out of the bottom line when one of these items is in the plan (it says it already). */
  shortUnless: z.array(Id).default([]),
});
/** An item as loaded: its rule compiled to a condition over the answers, the rule as written kept for review. */
export type Item = Compiled<z.infer<typeof Item>>;

export const Pitfall = z.strictObject({
  id: Id,
  text: z.string().min(1),
  /** Gathered again with the recommendation when this holds (otherwise only shown at its question). */
  when: Rule.optional(),
  refs: z.array(Ref).min(1, { error: 'every pitfall needs a citation' }),
  evidence: Evidence,
  seedNote: z.string().optional(),
});
export type Pitfall = Compiled<z.infer<typeof Pitfall>>;

export const Unknown = z.strictObject({
  id: Id,
  when: Rule,
  text: z.string().min(1), // what is missing
  action: z.string().min(1), // what to do about it
  /** Who finds it out, for the handover note (e.g. "radiology"). */
  who: z.string().min(1),
  refs: z.array(Ref).default([]),
});
export type Unknown = Compiled<z.infer<typeof Unknown>>;

/**
 * The handover note's wording: how each answer reads in a sentence about the patient (empty: left out),
 * and the safety net, what to do and whom to call if she worsens. Clinical wording, so it is content.
 */
export const Handover = z.strictObject({
  phrases: z.record(z.string(), z.record(z.string(), z.string())),
  safetyNet: z.strictObject({ text: z.string().min(1), refs: z.array(Ref).min(1) }),
});
export type Handover = z.infer<typeof Handover>;

export const GpaLevel = z.strictObject({
  label: z.string().min(1),
  points: z.number().min(0),
  when: Condition,
});
export const GpaFactor = z.strictObject({
  id: Id,
  label: z.string().min(1),
  evidence: Evidence,
  /** Answers that leave this factor open (besides "unknown"), e.g. extracranial disease not staged yet. */
  unknown: z.array(z.string()).default([]),
  levels: z.array(GpaLevel).min(2),
});
export const GpaBand = z
  .strictObject({
    min: z.number(),
    max: z.number(),
    medianMonths: z.number().positive().optional(),
    /** Why no survival figure is shown for this band (instead of a figure that may be wrong). */
    withheld: z.string().min(1).optional(),
    /** A short label shown with the median wherever it is shown (where the figure comes from, how sure). */
    label: z.string().min(1).max(80).optional(),
    evidence: Evidence,
  })
  .refine((b) => (b.medianMonths === undefined) !== (b.withheld === undefined), {
    error: 'a GPA band has either a median or the reason it is withheld',
  });
/** A caveat shown with the GPA for the answers it applies to (e.g. the lowest KPS level pools 60 with 50 or less). */
export const GpaCaveat = z.strictObject({
  when: Condition,
  short: z.string().min(1).max(60),
  text: z.string().min(1),
});

export const Gpa = z.strictObject({
  name: z.string().min(1),
  refs: z.array(Ref).min(1),
  note: z.string().min(1),
  caveats: z.array(GpaCaveat).default([]),
  factors: z.array(GpaFactor).min(1),
  bands: z.array(GpaBand).min(1),
});
export type Gpa = z.infer<typeof Gpa>;

/**
 * A drug the content may name, and who it is for. Any item or pitfall whose text names the drug is
 * checked against `for` over every consult the statechart allows (test/pathway/consistency.test.ts),
 * so a HER2-negative consult never names a HER2 drug, even in an interaction warning.
 */
export const Drug = z.strictObject({
  id: Id,
  names: z.array(z.string().min(2)).min(1), // matched as whole words, case-insensitive
  for: Condition,
  why: z.string().min(1), // e.g. "HER2-directed"
});
export type Drug = z.infer<typeof Drug>;

/** One value a key decision can take, and how the bottom line names it when it sets the plan. */
export const DecisionValue = z.strictObject({
  value: Id,
  label: z.string().min(1),
  /** The words of the bottom line's "Plan" line; absent: this value is not named there (the default). */
  short: z.string().min(1).max(70).optional(),
  /** Not part of this plan (e.g. imaging still pending): the decision is left out of the plan's details. */
  hidden: z.boolean().default(false),
});

/** A row of a decision's table: the first row whose rule holds sets the value. */
export const DecisionRow = z.strictObject({
  /** Absent only on the last row, which holds otherwise. */
  when: Rule.optional(),
  value: Id,
  /** The row in words, as a clinician would say it: shown in the review copy and with the plan. */
  why: z.string().min(1),
  refs: z.array(Ref).min(1, { error: 'every row of a decision cites its source' }),
});

/**
 * One of the plan's key decisions (goals of care, local treatment, systemic therapy, steroids), made once
 * for every consult by an ordered table: the items that depend on it are gated on its value, never on a copy
 * of its conditions. `governs` names the items that must be gated on it (checked at load).
 */
export const KeyDecision = z.strictObject({
  id: Id,
  title: z.string().min(1),
  values: z.array(DecisionValue).min(2),
  rows: z.array(DecisionRow).min(2),
  governs: z
    .strictObject({ sections: z.array(Section).default([]), items: z.array(Id).default([]) })
    .default({ sections: [], items: [] }),
});
export type KeyDecision = z.infer<typeof KeyDecision>;

/** Two statements that must never appear in one recommendation (items or pitfalls). */
export const Conflict = z.strictObject({
  between: z.tuple([Id, Id]),
  why: z.string().min(1),
});
export type Conflict = z.infer<typeof Conflict>;

/** One point of a clinical review and what the content did about it, for the review copy. */
export const Change = z.strictObject({
  /** The content release that answered the point (its own table in the review copy). */
  release: z
    .string()
    .regex(/^\d+\.\d+$/)
    .default('2.0'),
  point: z.string().min(1), // e.g. "E1", "Gap 3", "1.4 seed notes"
  status: z.enum(['done', 'partly', 'not done']),
  where: z.array(z.string()).default([]), // ids of questions, items, pitfalls, unknowns or "gpa"
  note: z.string().min(1),
});
export type Change = z.infer<typeof Change>;
export type GpaFactor = z.infer<typeof GpaFactor>;

const PathwayShape = z.strictObject({
  id: Id,
  title: z.string().min(1),
  version: z.string().regex(/^\d+\.\d+\.\d+$/, { error: 'version is semver' }),
  reviewedBy: z.string().min(1),
  reviewedOn: z.iso.date(),
  disclaimer: z.string().min(1),
  welcome: z.string().min(1),
  /** Said under every "Act now": what to do before the questions go on (clinical wording, so reviewed here). */
  actNowResume: z.string().min(1),
  questions: z.array(Question),
  outcomes: z.array(Outcome).min(1),
  items: z.array(Item),
  pitfalls: z.array(Pitfall),
  unknowns: z.array(Unknown),
  citations: z.array(Citation).min(1),
  gpa: Gpa,
  drugs: z.array(Drug).default([]),
  conflicts: z.array(Conflict).default([]),
  decisions: z.array(KeyDecision).default([]),
  handover: Handover,
  changes: z.array(Change).default([]),
});

/** Cross-reference checks: every message names the item at fault, so a reviewer can find it. */
export const CheckedPathway = PathwayShape.superRefine((p, ctx) => {
  const issue = (path: (string | number)[], message: string) =>
    ctx.addIssue({ code: 'custom', path, message, input: undefined });

  const seen = new Map<string, string>();
  const ids: [string, { id: string }[]][] = [
    ['questions', p.questions],
    ['outcomes', p.outcomes],
    ['items', p.items],
    ['pitfalls', p.pitfalls],
    ['unknowns', p.unknowns],
    ['citations', p.citations],
  ];
  for (const [kind, list] of ids)
    list.forEach((x, i) => {
      const before = seen.get(x.id);
      if (before) issue([kind, i, 'id'], `duplicate id "${x.id}" (also in ${before})`);
      seen.set(x.id, kind);
    });

  const citations = new Set(p.citations.map((c) => c.id));
  const pitfalls = new Set(p.pitfalls.map((x) => x.id));
  const checkRefs = (kind: string, i: number, owner: string, refs: Ref[]) =>
    refs.forEach((r, j) => {
      if (!citations.has(r.citation))
        issue([kind, i, 'refs', j], `${owner} cites unknown citation "${r.citation}"`);
    });
  const decisions = new Map(p.decisions.map((d, i) => [d.id, { d, i }]));
  /** A rule's answers must be the case model's; the decisions it names must exist (and, in a decision's own
   * table, come before it), with values they can take. */
  const checkCondition = (path: (string | number)[], owner: string, c: Rule, before = Infinity) => {
    for (const { decision, is } of decisionRefs(c)) {
      const known = decisions.get(decision);
      if (!known) {
        issue(path, `${owner}: unknown decision "${decision}"`);
        continue;
      }
      if (known.i >= before) issue(path, `${owner}: decision "${decision}" is made after this one`);
      for (const v of is)
        if (!known.d.values.some((x) => x.value === v))
          issue(path, `${owner}: "${v}" is not a value of decision "${decision}"`);
    }
    for (const { q, is } of answerRefs(c)) {
      if (!isQuestionId(q)) {
        issue(path, `${owner}: unknown question "${q}"`);
        continue;
      }
      const allowed = caseModel[q] as readonly string[];
      for (const v of is)
        if (!allowed.includes(v)) issue(path, `${owner}: "${v}" is not an answer to "${q}"`);
    }
  };

  p.questions.forEach((q, i) => {
    const owner = `question "${q.id}"`;
    if (!isQuestionId(q.id)) return issue(['questions', i, 'id'], `${owner} is not in the case model`);
    const want = [...caseModel[q.id]].sort().join(',');
    const got = q.options
      .map((o) => o.value)
      .sort()
      .join(',');
    if (want !== got) issue(['questions', i, 'options'], `${owner} options must be exactly: ${want}`);
    q.options.forEach((o, j) => {
      if (!o.label?.trim())
        issue(['questions', i, 'options', j, 'label'], `${owner} option "${o.value}" needs a label`);
    });
    q.pitfalls.forEach((id, j) => {
      if (!pitfalls.has(id)) issue(['questions', i, 'pitfalls', j], `${owner} names unknown pitfall "${id}"`);
    });
    checkRefs('questions', i, owner, q.refs);
  });
  const asked = new Set(p.questions.map((q) => q.id));
  p.outcomes.forEach((o, i) => {
    if (o.resume && !asked.has(o.resume.question))
      issue(
        ['outcomes', i, 'resume'],
        `outcome "${o.id}" resumes with unknown question "${o.resume.question}"`,
      );
  });
  for (const id of Object.keys(caseModel))
    if (!asked.has(id)) issue(['questions'], `question "${id}" of the case model has no content`);

  p.items.forEach((x, i) => {
    for (const id of x.shortUnless)
      if (!p.items.some((y) => y.id === id))
        issue(['items', i, 'shortUnless'], `item "${x.id}" names unknown item "${id}" in shortUnless`);
    checkRefs('items', i, `item "${x.id}"`, x.refs);
    checkCondition(['items', i, 'when'], `item "${x.id}"`, x.when);
  });
  p.pitfalls.forEach((x, i) => {
    checkRefs('pitfalls', i, `pitfall "${x.id}"`, x.refs);
    if (x.when) checkCondition(['pitfalls', i, 'when'], `pitfall "${x.id}"`, x.when);
  });
  p.unknowns.forEach((x, i) => {
    checkRefs('unknowns', i, `unknown "${x.id}"`, x.refs);
    checkCondition(['unknowns', i, 'when'], `unknown "${x.id}"`, x.when);
  });
  // Every answer has its handover phrase (possibly empty, to leave it out), so a note never shows a raw value.
  for (const q of Object.keys(caseModel) as (keyof typeof caseModel)[])
    for (const v of caseModel[q])
      if (p.handover.phrases[q]?.[v] === undefined)
        issue(['handover', 'phrases', q], `no handover phrase for ${q} = "${v}"`);
  p.handover.safetyNet.refs.forEach((r, j) => {
    if (!citations.has(r.citation))
      issue(['handover', 'safetyNet', 'refs', j], `the safety net cites unknown citation "${r.citation}"`);
  });
  p.gpa.refs.forEach((r, j) => {
    if (!citations.has(r.citation))
      issue(['gpa', 'refs', j], `the GPA cites unknown citation "${r.citation}"`);
  });
  // Every complete set of inputs must fall in exactly one level of each factor, or a consult would
  // fail (a gap) or silently score the first match (an overlap).
  p.gpa.factors.forEach((f, i) => {
    const inputs = [...new Set(f.levels.flatMap((l) => conditionRefs(l.when).map((c) => c.q)))].filter(
      isQuestionId,
    );
    const worlds = inputs.reduce<Record<string, string>[]>(
      (all, q) =>
        all.flatMap((w) => caseModel[q].filter((v) => !isGpaUnknown(f, v)).map((v) => ({ ...w, [q]: v }))),
      [{}],
    );
    for (const w of worlds) {
      const n = f.levels.filter((l) => holds(l.when, w as Answers)).length;
      if (n !== 1)
        issue(['gpa', 'factors', i], `GPA factor "${f.id}" has ${n} levels for ${JSON.stringify(w)}`);
    }
  });
  p.gpa.caveats.forEach((c, i) => checkCondition(['gpa', 'caveats', i, 'when'], 'a GPA caveat', c.when));
  p.gpa.factors.forEach((f, i) =>
    f.levels.forEach((l, j) =>
      checkCondition(['gpa', 'factors', i, 'levels', j], `GPA factor "${f.id}"`, l.when),
    ),
  );

  p.decisions.forEach((d, i) => {
    const owner = `decision "${d.id}"`;
    if (seen.has(d.id)) issue(['decisions', i, 'id'], `duplicate id "${d.id}" (also in ${seen.get(d.id)})`);
    const values = new Set(d.values.map((v) => v.value));
    d.rows.forEach((r, j) => {
      const where = ['decisions', i, 'rows', j];
      if (!values.has(r.value)) issue(where, `${owner} row ${j + 1}: "${r.value}" is not one of its values`);
      const last = j === d.rows.length - 1;
      if (last && r.when) issue(where, `${owner}: the last row holds otherwise (no rule)`);
      if (!last && !r.when) issue(where, `${owner} row ${j + 1}: only the last row may have no rule`);
      if (r.when) checkCondition(where, `${owner} row ${j + 1}`, r.when, i);
      checkRefs('decisions', i, `${owner} row ${j + 1}`, r.refs);
    });
    for (const v of values)
      if (!d.rows.some((r) => r.value === v)) issue(['decisions', i], `${owner}: no row gives "${v}"`);
    // What a decision governs is gated on it, so the plan's choice is made once, not copied per item.
    const governed = p.items.filter(
      (x) => d.governs.sections.includes(x.section) || d.governs.items.includes(x.id),
    );
    for (const id of d.governs.items)
      if (!p.items.some((x) => x.id === id))
        issue(['decisions', i, 'governs'], `${owner} governs unknown "${id}"`);
    for (const x of governed)
      if (!decisionRefs(x.when).some((r) => r.decision === d.id))
        issue(
          ['items', p.items.indexOf(x), 'when'],
          `item "${x.id}" is governed by ${owner} but not gated on it`,
        );
  });

  const statements = new Set([...p.items.map((x) => x.id), ...pitfalls]);
  p.conflicts.forEach((c, i) =>
    c.between.forEach((id, j) => {
      if (!statements.has(id)) issue(['conflicts', i, 'between', j], `conflict names unknown item "${id}"`);
    }),
  );
  p.drugs.forEach((d, i) => checkCondition(['drugs', i, 'for'], `drug "${d.id}"`, d.for));
  const named = new Set([...seen.keys(), 'gpa', ...p.decisions.map((d) => d.id)]);
  p.changes.forEach((c, i) =>
    c.where.forEach((id, j) => {
      if (!named.has(id)) issue(['changes', i, 'where', j], `change "${c.point}" names unknown "${id}"`);
    }),
  );
});
/** The content as written and checked, before its rules are compiled. */
export type PathwaySource = z.infer<typeof CheckedPathway>;

/** A statement with a rule: `when` is the rule compiled to a condition over the answers; `rule` is as written. */
export type Compiled<T> = T extends { when: Rule }
  ? Omit<T, 'when'> & { when: Condition; rule: Rule }
  : T extends { when?: Rule }
    ? Omit<T, 'when'> & { when?: Condition; rule?: Rule }
    : T;

/** A key decision as loaded: each row's rule and each value compiled to conditions over the answers. */
export type CompiledDecision = Omit<KeyDecision, 'rows'> & {
  rows: (KeyDecision['rows'][number] & { condition?: Condition })[];
  /** For each value, the answers that give it (first matching row wins). */
  valueConditions: Record<string, Condition>;
};

/** The content as the bot uses it: every rule compiled to a condition over the answers. */
export type Pathway = Omit<PathwaySource, 'items' | 'pitfalls' | 'unknowns' | 'decisions'> & {
  items: Item[];
  pitfalls: Pitfall[];
  unknowns: Unknown[];
  decisions: CompiledDecision[];
};

/** The content as its authors write it (compile.ts parses, checks and compiles it). */
export type PathwayInput = z.input<typeof CheckedPathway>;

export { Condition, conditionRefs, isGpaUnknown, Rule };

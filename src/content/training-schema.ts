import { z } from 'zod';
import { compileRule } from './compile';
import type { Condition } from './conditions';
import { Ref, Rule, type Pathway } from './schema';

/** The key features a trainee is scored on, in the order a case asks them (case-model §7). */
export const decisionIds = [
  'emergency',
  'firstImaging',
  'seizureMedicine',
  'steroids',
  'localTherapy',
  'systemicTherapy',
  'prognosis',
  'followUp',
] as const;
export const DecisionId = z.enum(decisionIds);
export type DecisionId = z.infer<typeof DecisionId>;

const Id = z.string().regex(/^[a-z][A-Za-z0-9]*$/, { error: 'ids are camelCase' });
const Line = z.string().trim().min(1);

/**
 * What makes an option the pathway's choice: an exact set of recommendation item ids (any one of the
 * listed sets), or the Breast GPA band (its lowest score). Never a hand-written answer per case.
 */
export const SignifiedBy = z.union([
  z.strictObject({ items: z.array(z.array(Id).min(1)).min(1) }),
  z.strictObject({ gpaBandFrom: z.number().min(0) }), // the band's lowest score
  // One of the plan's key decisions taking one of these values (content 3.0).
  z.strictObject({ decision: Id, is: z.array(Id).min(1) }),
]);
export type SignifiedBy = z.infer<typeof SignifiedBy>;

export const TrainingOption = z
  .strictObject({
    value: Id,
    label: Line,
    /** One line: why this is (or is not) the pathway's choice. */
    explanation: Line,
    refs: z.array(Ref).min(1, { error: 'every option cites its source' }),
    /** Absent: a plausible distractor that is never the pathway's choice. */
    signifiedBy: SignifiedBy.optional(),
    /**
     * Why a wrong choice harms, or is worse than wrong. With `when`, only in cases where it holds: a harm
     * that does not fit the case just read is neither shown nor counted as a critical error.
     */
    tag: z
      .strictObject({ kind: z.enum(['harmful', 'suboptimal']), why: Line, when: Rule.optional() })
      .optional(),
  })
  .refine((o) => o.signifiedBy || o.tag, {
    error: 'an option that is never the pathway’s choice must be tagged harmful or suboptimal, with why',
  });
type ParsedOption = z.infer<typeof TrainingOption>;

export const Decision = z.strictObject({
  id: DecisionId,
  title: Line,
  prompt: Line,
  /** `why`: what to think about, without the answer. */
  hint: Line,
  /** What to read again when this decision is missed. */
  review: Line,
  /** Pitfall ids (from the consult content) behind a wrong choice, shown in the debrief. */
  pitfalls: z.array(Id),
  /** Where the pathway's choice is read: the final recommendation, or the interim plan (imaging pending). */
  source: z.enum(['final', 'interim']),
  /** Asked before the imaging findings are shown (presentation) or after (findings). */
  phase: z.enum(['presentation', 'findings']),
  /** When these answers hold, the decision must apply (a case without a right option is an error). */
  requiredWhen: Rule.optional(),
  /** Only asked where this holds (e.g. the prognosis band only where the GPA is validated). */
  appliesWhen: Rule.optional(),
  options: z.array(TrainingOption).min(2),
});
/** A trainee decision as loaded: its rules compiled against the consult content's decisions. */
export type Decision = Omit<z.infer<typeof Decision>, 'requiredWhen' | 'appliesWhen' | 'options'> & {
  requiredWhen?: Condition;
  appliesWhen?: Condition;
  options: TrainingOption[];
};
/** An option as loaded: a tag's `when` compiled to a condition over the answers. */
export type TrainingOption = Omit<ParsedOption, 'tag'> & {
  tag?: Omit<NonNullable<ParsedOption['tag']>, 'when'> & { when?: Condition };
};

/** Per question, per answer value, a phrase for the case description (empty: nothing is said). */
const Phrases = z.record(z.string(), z.record(z.string(), z.string()));

const TrainingShape = z.strictObject({
  version: Line,
  decisions: z.array(Decision).min(1),
  templates: z.strictObject({
    /** Age-band phrases; one is picked per case from its id, so cases read differently. */
    age: z.record(z.string(), z.array(Line).min(1)),
    /** Phrases by question id and answer value; an answer without one is described by its consult label. */
    phrases: Phrases,
    /** Sentences added to the opening for some answers (what is not known yet). */
    notes: Phrases,
    pending: Line,
  }),
});
export type Training = Omit<z.infer<typeof TrainingShape>, 'decisions'> & { decisions: Decision[] };
export type TrainingInput = z.input<typeof TrainingShape>;

/**
 * Cross-references with the consult content, each problem naming the bad item: citations, item ids,
 * pitfall ids, GPA bands and the decision list itself.
 */
export function trainingProblems(t: z.infer<typeof TrainingShape>, pathway: Pathway): string[] {
  const problems: string[] = [];
  const citations = new Set(pathway.citations.map((c) => c.id));
  const items = new Set(pathway.items.map((i) => i.id));
  const pitfalls = new Set(pathway.pitfalls.map((p) => p.id));
  const bands = new Set(pathway.gpa.bands.map((b) => b.min));
  const seen = new Set<string>();
  for (const d of t.decisions) {
    if (seen.has(d.id)) problems.push(`decision "${d.id}" appears twice`);
    seen.add(d.id);
    for (const p of d.pitfalls)
      if (!pitfalls.has(p)) problems.push(`decision "${d.id}": unknown pitfall "${p}"`);
    const values = new Set<string>();
    const sets = new Set<string>();
    for (const o of d.options) {
      const where = `decision "${d.id}" option "${o.value}"`;
      if (values.has(o.value)) problems.push(`${where}: duplicate option value`);
      values.add(o.value);
      for (const r of o.refs)
        if (!citations.has(r.citation)) problems.push(`${where}: unknown citation "${r.citation}"`);
      const s = o.signifiedBy;
      if (s && 'items' in s)
        for (const set of s.items) {
          for (const i of set) if (!items.has(i)) problems.push(`${where}: unknown item id "${i}"`);
          const key = [...set].sort().join('+');
          if (sets.has(key)) problems.push(`${where}: item set ${key} already signifies another option`);
          sets.add(key);
        }
      if (s && 'gpaBandFrom' in s && !bands.has(s.gpaBandFrom))
        problems.push(`${where}: no GPA band starts at ${s.gpaBandFrom}`);
      if (s && 'decision' in s) {
        const kd = pathway.decisions.find((x) => x.id === s.decision);
        if (!kd) problems.push(`${where}: unknown key decision "${s.decision}"`);
        for (const v of s.is)
          if (kd && !kd.values.some((x) => x.value === v))
            problems.push(`${where}: "${v}" is not a value of key decision "${s.decision}"`);
        const key = `${s.decision}=${[...s.is].sort().join('|')}`;
        if (sets.has(key)) problems.push(`${where}: ${key} already signifies another option`);
        sets.add(key);
      }
    }
  }
  for (const id of decisionIds) if (!seen.has(id)) problems.push(`decision "${id}" is missing`);
  return problems;
}

export function loadTraining(input: TrainingInput, pathway: Pathway): Training {
  const result = TrainingShape.safeParse(input);
  if (!result.success) throw new Error(`training content is invalid:\n${z.prettifyError(result.error)}`);
  const problems = trainingProblems(result.data, pathway);
  if (problems.length) throw new Error(`training content is invalid:\n${problems.join('\n')}`);
  // Rules may name the consult's key decisions: compiled once, against the same decisions the consult makes.
  const compile = (r: Rule | undefined) => (r ? compileRule(pathway, r) : undefined);
  return {
    ...result.data,
    decisions: result.data.decisions.map((d) => ({
      ...d,
      requiredWhen: compile(d.requiredWhen),
      appliesWhen: compile(d.appliesWhen),
      options: d.options.map(
        ({ tag, ...o }): TrainingOption =>
          tag ? { ...o, tag: { kind: tag.kind, why: tag.why, when: compile(tag.when) } } : o,
      ),
    })),
  };
}

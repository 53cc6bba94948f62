import { caseModel, type Answers, type QuestionId } from '../content/case-model';
import { conditionRefs, isGpaUnknown, type Evidence, type Gpa, type GpaFactor } from '../content/schema';
import { holds } from '../content/conditions';

export interface GpaFactorResult {
  id: string;
  label: string;
  evidence: Evidence;
  /** The level that applies; undefined when the inputs leave it open. */
  level?: { label: string; points: number };
  /** The points this factor can still take. */
  possible: number[];
}

export interface GpaResult {
  name: string;
  note: string;
  min: number;
  max: number;
  exact: boolean;
  factors: GpaFactorResult[];
  /** The bands the score (or the range of possible scores) falls in. */
  bands: Gpa['bands'];
  /** Inputs that were not asked or are unknown, so the score is a range. */
  missing: QuestionId[];
  /** The content's caveats that apply to these answers. */
  caveats: { short: string; text: string }[];
}

/** Every way the open inputs could be answered, leaving out answers that are themselves unknown. */
function completions(answers: Answers, open: QuestionId[], unknownOf: (q: QuestionId, v: string) => boolean) {
  return open.reduce<Answers[]>(
    (all, q) =>
      all.flatMap((a) =>
        caseModel[q].filter((v) => !unknownOf(q, v)).map((v) => ({ ...a, [q]: v }) as Answers),
      ),
    [answers],
  );
}

function readsQuestion(f: GpaFactor, q: QuestionId): boolean {
  return f.levels.some((l) => conditionRefs(l.when).some((c) => c.q === q));
}

/**
 * The Breast GPA from the answers, with the table taken from the content. Where an input is unknown
 * or was not asked, every value it could take is tried and the range of scores is shown: the bot
 * never guesses an input.
 */
export function breastGpa(gpa: Gpa, answers: Answers): GpaResult {
  const inputs = [
    ...new Set(gpa.factors.flatMap((f) => f.levels.flatMap((l) => conditionRefs(l.when).map((c) => c.q)))),
  ];
  // A question counts as unknown when a factor that reads it says so (e.g. extracranial "not staged").
  const unknownOf = (q: QuestionId, v: string | undefined) =>
    gpa.factors.some((f) => readsQuestion(f, q) && isGpaUnknown(f, v));
  const missing = inputs.filter((q) => unknownOf(q, answers[q]));
  const worlds = completions(answers, missing, unknownOf);
  const perFactor = gpa.factors.map((f) =>
    worlds.map((w) => {
      const level = f.levels.find((l) => holds(l.when, w));
      if (!level) throw new Error(`GPA factor "${f.id}" has no level for ${JSON.stringify(w)}`);
      return level;
    }),
  );
  const scores = worlds.map((_, i) => perFactor.reduce((sum, levels) => sum + (levels[i]?.points ?? 0), 0));
  const min = Math.min(...scores);
  const max = Math.max(...scores);
  const factors = gpa.factors.map((f, i): GpaFactorResult => {
    const levels = perFactor[i] ?? [];
    const possible = [...new Set(levels.map((l) => l.points))].sort((a, b) => a - b);
    const distinct = [...new Set(levels.map((l) => l.label))];
    const first = levels[0];
    return {
      id: f.id,
      label: f.label,
      evidence: f.evidence,
      level: distinct.length === 1 && first ? { label: first.label, points: first.points } : undefined,
      possible,
    };
  });
  const bands = gpa.bands.filter((b) => b.max >= min && b.min <= max);
  const caveats = gpa.caveats
    .filter((c) => holds(c.when, answers))
    .map(({ short, text }) => ({ short, text }));
  return { name: gpa.name, note: gpa.note, min, max, exact: min === max, factors, bands, missing, caveats };
}

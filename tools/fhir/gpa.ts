import { caseModel, type Answers, type QuestionId } from '../../src/content/case-model';
import { highestScore } from '../../src/content/compile';
import { conditionRefs, holds } from '../../src/content/conditions';
import type { Gpa, GpaFactor } from '../../src/content/schema';
import { conditionExpression } from './fhirpath';

const questionsOf = (f: GpaFactor): QuestionId[] => [
  ...new Set(f.levels.flatMap((l) => conditionRefs(l.when).map((c) => c.q))),
];

/** Every answer set of a factor's questions, "unanswered" included. */
function worlds(questions: readonly QuestionId[]): Answers[] {
  return questions.reduce<Answers[]>(
    (all, q) => all.flatMap((a) => [a, ...caseModel[q].map((v) => ({ ...a, [q]: v }) as Answers)]),
    [{}],
  );
}

/**
 * A factor's points as FHIRPath: the points of its first level that holds, else (the answers leave the
 * factor open: unanswered, unknown, not staged) its best level's, as the bot counts an open factor for
 * the highest score the answers allow (`highestScore`, src/content/compile.ts). That reading holds when
 * no level holds for an open factor and exactly one for a known one; checked here over every answer set
 * of the factor's questions, so a table it would misread stops the export instead of exporting a wrong sum.
 */
function factorPoints(gpa: Gpa, f: GpaFactor): string {
  const best = Math.max(...f.levels.map((l) => l.points));
  for (const w of worlds(questionsOf(f))) {
    const first = f.levels.find((l) => holds(l.when, w));
    if ((first?.points ?? best) !== highestScore({ ...gpa, factors: [f] }, w))
      throw new Error(
        `GPA factor "${f.id}": its points cannot be read level by level for ${JSON.stringify(w)}`,
      );
  }
  return f.levels.reduceRight(
    (otherwise, l) => `iif(${conditionExpression(l.when)}, ${l.points}, ${otherwise})`,
    String(best),
  );
}

/**
 * The GPA rule `{ gpaAtMost: n }` as a readable formula: the sum of each factor's points, an open factor
 * counted at its best level, is `n` or less. One boolean, as every variable of the export.
 */
export function gpaExpression(gpa: Gpa, n: number): string {
  return `${gpa.factors.map((f) => factorPoints(gpa, f)).join(' + ')} <= ${n}`;
}

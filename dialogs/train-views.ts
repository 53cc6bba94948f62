import type { Pathway } from '../src/content/schema';
import type { Training, TrainingOption, DecisionId } from '../src/content/training-schema';
import type { PlayableCase } from '../src/pathway/training-bank';
import { tagOf, type DecisionKey } from '../src/pathway/training-key';
import type { TrainDecisionView, TrainRef, TrainView } from '../src/view/training-view';
import type { Attempt, LearnerRecord } from './train-record';
import { dueTypes } from './train-schedule';

/** The views of trainee mode built from a case and a learner's record (the turn is ./train.ts). */

export function localRefs(content: Pathway, option: TrainingOption): TrainRef[] {
  return option.refs.map((r, i) => {
    const c = content.citations.find((x) => x.id === r.citation);
    const where = [r.point, r.strength].filter(Boolean).join(', ');
    return {
      n: i + 1,
      text: c
        ? `${c.authors.replace(/\.$/, '')}. ${c.title}. ${c.source} ${c.year}${where ? ` (${where})` : ''}.`
        : r.citation,
    };
  });
}

export function rightOf(k: DecisionKey): TrainingOption {
  return k.right[0] as TrainingOption;
}

export function decisionView(
  c: PlayableCase,
  index: number,
  attemptId: string | undefined,
): TrainDecisionView {
  const k = c.decisions[index] as DecisionKey;
  const before = c.decisions[index - 1];
  const firstFinding = k.decision.phase === 'findings' && (!before || before.decision.phase !== 'findings');
  return {
    kind: 'trainDecision',
    caseId: c.id,
    ...(attemptId ? { attemptId } : {}),
    step: index,
    decisionId: k.decision.id,
    title: k.decision.title,
    number: index + 1,
    total: c.decisions.length,
    prompt: k.decision.prompt,
    ...(firstFinding && c.description.findings ? { findings: c.description.findings } : {}),
    options: k.decision.options.map((o) => ({ value: o.value, label: o.label })),
  };
}

export function debrief(content: Pathway, c: PlayableCase, a: Attempt): TrainView {
  const keyOf = (id: DecisionId) => c.decisions.find((k) => k.decision.id === id) as DecisionKey;
  const labelOf = (k: DecisionKey, value: string) =>
    k.decision.options.find((o) => o.value === value)?.label ?? value;
  const wrong = a.choices.filter((ch) => !ch.right);
  return {
    kind: 'trainDebrief',
    caseId: c.id,
    right: a.choices.filter((ch) => ch.right).length,
    total: c.decisions.length,
    missed: wrong.map((ch) => {
      const k = keyOf(ch.decision);
      return {
        title: k.decision.title,
        chosen: labelOf(k, ch.choice),
        right: rightOf(k).label,
        pitfalls: k.pitfalls.flatMap((id) => content.pitfalls.find((p) => p.id === id)?.text ?? []),
      };
    }),
    critical: a.choices
      .filter((ch) => ch.harmful)
      .map((ch) => {
        const k = keyOf(ch.decision);
        const o = k.decision.options.find((x) => x.value === ch.choice);
        return { title: k.decision.title, chosen: labelOf(k, ch.choice), why: (o && tagOf(k, o)?.why) ?? '' };
      }),
    review: wrong.map((ch) => keyOf(ch.decision).decision.review),
  };
}

/** Recent cases the score lists, newest first. */
const recentCases = 10;

export function scoreView(
  training: Training,
  cases: readonly PlayableCase[],
  learner: LearnerRecord,
  now: Date,
): TrainView {
  const due = new Set(dueTypes(learner, now));
  const active = learner.attempts.at(-1);
  return {
    kind: 'trainScore',
    casesDone: learner.attempts.filter((a) => a.finishedAt).length,
    recent: learner.attempts
      .filter((a) => a.choices.length > 0)
      .slice(-recentCases)
      .reverse()
      .map((a) => ({
        caseId: a.caseId,
        date: (a.finishedAt ?? a.choices.at(-1)?.at ?? a.startedAt).slice(0, 10),
        right: a.choices.filter((ch) => ch.right).length,
        answered: a.choices.length,
        total: cases.find((c) => c.id === a.caseId)?.decisions.length ?? a.choices.length,
        state: a.finishedAt ? 'done' : a === active && !a.left ? 'playing' : 'left',
      })),
    decisions: training.decisions.flatMap((d) => {
      const r = learner.reviews[d.id];
      if (!r) return [];
      return [
        {
          title: d.title,
          answered: r.history.length,
          right: r.history.filter((h) => h.right).length,
          history: r.history
            .slice(-10)
            .map((h) => (h.right ? '✔' : '✘'))
            .join(''),
          ...(r.due ? { due: r.due.slice(0, 10) } : {}),
          retired: r.due === undefined,
        },
      ];
    }),
    dueNow: training.decisions.filter((d) => due.has(d.id)).map((d) => d.title),
  };
}

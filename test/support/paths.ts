import { initialTransition, transition } from 'xstate';
import { caseModel, type Answers, type QuestionId } from '../../src/content/case-model';
import type { Condition } from '../../src/content/schema';
import { answerEvent, bcbmMachine, type AnswerEvent } from '../../machines/bcbm.machine';
import { statechartGraph } from '../../machines/graph';
import { stepOf, type BcbmSnapshot, type Step } from '../../machines/step';

type Entry = { question: QuestionId; answer: string };
const graph = statechartGraph();

export { routingQuestions } from '../../machines/graph';

/**
 * The questions that guards reachable from a state can still read, from the statechart's graph
 * (machines/graph.ts): answers outside this set no longer change the route from here.
 */
const futureReads = new Map<string, QuestionId[]>();
function readsFrom(id: string): QuestionId[] {
  const cached = futureReads.get(id);
  if (cached) return cached;
  if (!graph.states.has(id)) throw new Error(`the statechart graph has no state ${id}`);
  const found = new Set<QuestionId>();
  const seen = new Set<string>();
  const visit = (at: string) => {
    if (seen.has(at)) return;
    seen.add(at);
    for (const route of graph.states.get(at)?.routes ?? []) {
      route.when.forEach((t) => found.add(t.q));
      visit(route.to);
    }
  };
  visit(id);
  const reads = [...found].sort();
  futureReads.set(id, reads);
  return reads;
}

/** The id of the atomic state a snapshot is in, as the graph names it. */
function atomicId(snapshot: BcbmSnapshot): string {
  const path: string[] = [];
  let value: unknown = snapshot.value;
  while (value && typeof value === 'object') {
    const [key, inner] = Object.entries(value)[0] as [string, unknown];
    path.push(key);
    value = inner;
  }
  if (typeof value === 'string') path.push(value);
  return [bcbmMachine.id, ...path].join('.');
}

/** A state of the graph: where the machine is, plus the answers its guards can still read. */
function serializeRoute(snapshot: BcbmSnapshot): string {
  const answers = snapshot.context.answers as Record<string, string>;
  return JSON.stringify([snapshot.value, readsFrom(atomicId(snapshot)).map((q) => answers[q] ?? null)]);
}

function next(snapshot: BcbmSnapshot, event: AnswerEvent): BcbmSnapshot {
  return transition(bcbmMachine, snapshot, event)[0];
}

function start(): BcbmSnapshot {
  return initialTransition(bcbmMachine)[0];
}

/** Every answer the current question takes, as events (the content's options are the case model's). */
function answerEvents(snapshot: BcbmSnapshot): AnswerEvent[] {
  const step = stepOf(snapshot);
  if (step.kind !== 'question') return [];
  return caseModel[step.questionId].map((v) => answerEvent(step.questionId, v as never));
}

export interface GeneratedPath {
  description: string;
  /** One complete consult along the path (the first answer of each group). */
  entries: Entry[];
  /** Per question asked, every answer that takes the same route: the path stands for all their combinations. */
  groups: { question: QuestionId; values: string[] }[];
  final: BcbmSnapshot;
  outcomeId: string;
}

/**
 * Every path through the statechart from the first question to a recommendation: at each question the
 * answers are grouped by the route they lead to (same next state, same answers left for later guards),
 * and each group is one branch. Together the paths stand for every complete consult exactly once.
 */
export function generatePaths(): GeneratedPath[] {
  const paths: GeneratedPath[] = [];
  const walk = (snapshot: BcbmSnapshot, groups: GeneratedPath['groups'], entries: Entry[]) => {
    const step = stepOf(snapshot);
    if (step.kind === 'outcome') {
      paths.push({
        description: groups.map((g) => `${g.question}=${g.values.join('|')}`).join(' → '),
        entries,
        groups,
        final: snapshot,
        outcomeId: step.outcomeId,
      });
      return;
    }
    const byRoute = new Map<string, { values: string[]; next: BcbmSnapshot }>();
    for (const e of answerEvents(snapshot)) {
      const after = next(snapshot, e);
      const key = serializeRoute(after);
      const group = byRoute.get(key) ?? { values: [], next: after };
      group.values.push(e.value);
      byRoute.set(key, group);
    }
    for (const { values, next: after } of byRoute.values())
      walk(
        after,
        [...groups, { question: step.questionId, values }],
        [...entries, { question: step.questionId, answer: values[0] as string }],
      );
  };
  walk(start(), [], []);
  return paths;
}

/** One path per distinct sequence of questions: enough to click every route through a real server. */
export function questionSequences(paths: GeneratedPath[] = generatePaths()): GeneratedPath[] {
  const seen = new Map<string, GeneratedPath>();
  for (const p of paths) {
    const key = `${p.outcomeId}:${p.groups.map((g) => g.question).join(',')}`;
    if (!seen.has(key)) seen.set(key, p);
  }
  return [...seen.values()];
}

/** How many complete consults a path stands for. */
export function consultsOf(path: GeneratedPath): number {
  return path.groups.reduce((n, g) => n * g.values.length, 1);
}

function conditionQuestions(c: Condition, out = new Set<QuestionId>()): Set<QuestionId> {
  if ('q' in c) out.add(c.q);
  else if ('not' in c) conditionQuestions(c.not, out);
  else ('all' in c ? c.all : c.any).forEach((x) => conditionQuestions(x, out));
  return out;
}

/**
 * The condition over answers some of which are still open: true or false when every completion agrees,
 * undefined when it depends on an open answer.
 */
export function partialHolds(
  c: Condition,
  answers: Answers,
  open: ReadonlySet<QuestionId>,
): boolean | undefined {
  if ('q' in c) {
    if (open.has(c.q)) return undefined;
    const a = answers[c.q];
    return a !== undefined && c.is.includes(a);
  }
  if ('not' in c) {
    const inner = partialHolds(c.not, answers, open);
    return inner === undefined ? undefined : !inner;
  }
  const all = 'all' in c;
  let unsure = false;
  for (const x of all ? c.all : c.any) {
    const v = partialHolds(x, answers, open);
    if (v === undefined) unsure = true;
    else if (v !== all) return v;
  }
  return unsure ? undefined : all;
}

/**
 * An open question that the condition still depends on: the first one met, in the order `all` and `any`
 * would decide, inside a part whose value is still open. Branching on it decides the condition soonest.
 */
function openQuestion(c: Condition, answers: Answers, open: ReadonlySet<QuestionId>): QuestionId | undefined {
  if ('q' in c) return open.has(c.q) ? c.q : undefined;
  if ('not' in c) return openQuestion(c.not, answers, open);
  for (const x of 'all' in c ? c.all : c.any)
    if (partialHolds(x, answers, open) === undefined) return openQuestion(x, answers, open);
  return undefined;
}

/**
 * A consult along this path for which the condition holds, or undefined when there is none: only the
 * questions the condition reads are varied, and a branch is left as soon as the answers chosen so far
 * decide the condition, branching each time on an answer the still-open part of it reads. So the search
 * is exact and small even for the compiled rules of the key decisions, which read many questions.
 */
export function witness(path: GeneratedPath, condition: Condition): Answers | undefined {
  const read = conditionQuestions(condition);
  const varied = new Map(path.groups.filter((g) => read.has(g.question)).map((g) => [g.question, g.values]));
  const search = (answers: Answers, open: Set<QuestionId>): Answers | undefined => {
    const v = partialHolds(condition, answers, open);
    if (v === false) return undefined;
    if (v === true) {
      // Decided: the open answers keep their first value.
      const done = { ...answers } as Record<string, string>;
      for (const q of open) done[q] = varied.get(q)![0] as string;
      return done as Answers;
    }
    const q = openQuestion(condition, answers, open)!;
    const rest = new Set(open);
    rest.delete(q);
    for (const value of varied.get(q)!) {
      const found = search({ ...answers, [q]: value } as Answers, rest);
      if (found) return found;
    }
    return undefined;
  };
  return search(answersOf(path.entries), new Set(varied.keys()));
}

/** Entries in the order the path asks them, with the answers given. */
export function entriesFor(path: GeneratedPath, answers: Answers): Entry[] {
  return path.groups.map((g) => ({ question: g.question, answer: answers[g.question] as string }));
}

/**
 * Visits complete consults along every path, varying only the answers that `relevant` reads, so each
 * distinct combination of those is visited once per path. Other answers keep the path's first value.
 */
export function forEachConsult(
  relevant: ReadonlySet<QuestionId>,
  visit: (entries: Entry[], step: Step) => void,
  paths: GeneratedPath[] = generatePaths(),
): void {
  for (const path of paths) {
    const varied = path.groups.filter((g) => relevant.has(g.question));
    const walk = (i: number, answers: Answers) => {
      if (i === varied.length) return visit(entriesFor(path, answers), stepOf(path.final));
      const g = varied[i] as GeneratedPath['groups'][number];
      for (const v of g.values) walk(i + 1, { ...answers, [g.question]: v } as Answers);
    };
    walk(0, answersOf(path.entries));
  }
}

export function answersOf(entries: Entry[]): Answers {
  return Object.fromEntries(entries.map((e) => [e.question, e.answer])) as Answers;
}

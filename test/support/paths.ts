import { getSimplePaths } from 'xstate/graph';
import { initialTransition, transition } from 'xstate';
import { caseModel, type Answers, type QuestionId } from '../../src/content/case-model';
import { answerEvent, bcbmMachine, type AnswerEvent } from '../../machines/bcbm.machine';
import { stepOf, type BcbmSnapshot } from '../../machines/step';

/** The questions the machine's guards read: the only answers that can change the route. */
export function routingQuestions(): QuestionId[] {
  const found = new Set<QuestionId>();
  const visit = (node: unknown) => {
    if (!node || typeof node !== 'object') return;
    const { guard, ...rest } = node as { guard?: { params?: { q?: QuestionId } } };
    if (guard?.params?.q) found.add(guard.params.q);
    Object.values(rest).forEach(visit);
  };
  visit(bcbmMachine.config);
  return [...found].sort();
}

const routing = routingQuestions();

/** A state of the graph: where the machine is, plus the answers its guards can still read. */
export function serializeRoute(snapshot: BcbmSnapshot): string {
  const answers = snapshot.context.answers as Record<string, string>;
  return JSON.stringify([snapshot.value, routing.map((q) => answers[q] ?? null)]);
}

export function next(snapshot: BcbmSnapshot, event: AnswerEvent): BcbmSnapshot {
  return transition(bcbmMachine, snapshot, event)[0];
}

export function start(): BcbmSnapshot {
  return initialTransition(bcbmMachine)[0];
}

/** Every answer the current question takes, as events (the content's options are the case model's). */
export function answerEvents(snapshot: BcbmSnapshot): AnswerEvent[] {
  const step = stepOf(snapshot);
  if (step.kind !== 'question') return [];
  return caseModel[step.questionId].map((v) => answerEvent(step.questionId, v as never));
}

/**
 * One event per distinct transition: answers that lead to the same route are one path through the
 * statechart, answers that lead to different routes are different paths.
 */
function representativeEvents(snapshot: BcbmSnapshot): AnswerEvent[] {
  const seen = new Set<string>();
  return answerEvents(snapshot).filter((e) => {
    const key = serializeRoute(next(snapshot, e));
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export interface GeneratedPath {
  description: string;
  entries: { question: QuestionId; answer: string }[];
  final: BcbmSnapshot;
}

/** Every path through the statechart from the first question to a recommendation, generated with xstate/graph. */
export function generatePaths(): GeneratedPath[] {
  const paths = getSimplePaths(bcbmMachine, {
    events: representativeEvents,
    serializeState: (s) => serializeRoute(s as BcbmSnapshot),
    toState: (s) => (s as BcbmSnapshot).hasTag('recommendation'),
  });
  return paths.map((p) => {
    const entries = p.steps
      .map((s) => s.event)
      .filter((e): e is AnswerEvent => e.type.startsWith('answer.'))
      .map((e) => ({ question: e.type.slice(7) as QuestionId, answer: e.value as string }));
    return {
      description: entries.map((e) => `${e.question}=${e.answer}`).join(' → '),
      entries,
      final: p.state as BcbmSnapshot,
    };
  });
}

interface RouteNode {
  step: ReturnType<typeof stepOf>;
  edges: { entry: { question: QuestionId; answer: string }; to: string }[];
}

/**
 * Visits every complete consult (every combination of answers the machine takes), depth first.
 * Transitions depend only on the route (the guards read routing answers only), so each route state
 * is computed once with the real machine and then reused.
 */
export function forEachConsult(
  visit: (entries: { question: QuestionId; answer: string }[], step: ReturnType<typeof stepOf>) => void,
): void {
  const nodes = new Map<string, RouteNode>();
  const nodeOf = (snapshot: BcbmSnapshot): string => {
    const key = serializeRoute(snapshot);
    if (nodes.has(key)) return key;
    const node: RouteNode = { step: stepOf(snapshot), edges: [] };
    nodes.set(key, node);
    for (const e of answerEvents(snapshot))
      node.edges.push({
        entry: { question: e.type.slice(7) as QuestionId, answer: e.value },
        to: nodeOf(next(snapshot, e)),
      });
    return key;
  };
  const walk = (key: string, entries: { question: QuestionId; answer: string }[]) => {
    const node = nodes.get(key) as RouteNode;
    if (node.step.kind === 'outcome') return visit(entries, node.step);
    for (const edge of node.edges) walk(edge.to, [...entries, edge.entry]);
  };
  walk(nodeOf(start()), []);
}

export function answersOf(entries: { question: QuestionId; answer: string }[]): Answers {
  return Object.fromEntries(entries.map((e) => [e.question, e.answer])) as Answers;
}

import { isAnswerValue, isQuestionId, type QuestionId } from '../src/content/case-model';
import { bcbmMachine, type OutcomeId } from './bcbm.machine';

type StateNode = (typeof bcbmMachine)['root'];

/** One test a guard makes: the answer to `q` (with the event's own answer applied) is one of `is`. */
export interface AnswerTest {
  q: QuestionId;
  is: readonly string[];
}

/** A transition of the statechart as data. */
export interface Route {
  /** The question whose answer event takes it, or undefined for an eventless (`always`) route. */
  on?: QuestionId;
  /** All of these must hold (the guards `answered` and `all`); empty for a route without a guard. */
  when: readonly AnswerTest[];
  /** The atomic state it enters (a compound target is entered through its initial states). */
  to: string;
}

/** An atomic state: a question, a recommendation (final) or a transient router. */
export interface GraphState {
  id: string;
  question?: QuestionId;
  outcome?: OutcomeId;
  /** In XState's order: of the routes with the same `on`, the first whose `when` holds is taken. */
  routes: readonly Route[];
}

export interface StatechartGraph {
  /** The atomic state a consult starts in. */
  start: string;
  /** Every atomic state, in the order the machine declares them. */
  states: ReadonlyMap<string, GraphState>;
}

/**
 * The guard as answer tests. Only the machine's own guards are understood; any other guard (a string,
 * a function, an unknown type) stops the reader, so a new kind of guard cannot be exported or
 * enumerated wrongly without anyone noticing.
 */
function testsOf(guard: unknown, at: string): AnswerTest[] {
  if (guard === undefined) return [];
  const g = guard as { type?: unknown; params?: unknown };
  const params = g.type === 'answered' ? [g.params] : g.type === 'all' ? g.params : undefined;
  if (!Array.isArray(params)) throw new Error(`${at}: a guard the graph reader does not know`);
  return params.map((p: { q?: unknown; is?: unknown }) => {
    const { q, is } = p ?? {};
    if (!isQuestionId(q) || !Array.isArray(is) || !is.every((v) => isAnswerValue(q, v)))
      throw new Error(`${at}: a guard on an unknown question or answer (${JSON.stringify(p)})`);
    return { q, is: is as string[] };
  });
}

/** Where a target leads: a compound state is entered through its initial state, down to an atomic one. */
function entered(node: StateNode): StateNode {
  if (node.type === 'atomic' || node.type === 'final') return node;
  const initial = node.initial?.target?.[0] as StateNode | undefined;
  if (node.type !== 'compound' || !initial) throw new Error(`${node.id}: a ${node.type} state is not read`);
  return entered(initial);
}

/**
 * The statechart's graph, read from XState's own state nodes (`machine.root`, where targets and guards
 * are already resolved), not from the config: the routing of every export, review copy and test comes
 * from one reader of the machine the bot runs.
 */
export function statechartGraph(root: StateNode = bcbmMachine.root): StatechartGraph {
  const states = new Map<string, GraphState>();
  const visit = (node: StateNode) => {
    const children = Object.values(node.states) as StateNode[];
    if (children.length) return children.forEach(visit);
    const meta = (node.meta ?? {}) as { questionId?: QuestionId; outcomeId?: OutcomeId };
    const transitions = [
      ...[...node.transitions.entries()].flatMap(([event, list]) => list.map((t) => ({ event, t }))),
      ...(node.always ?? []).map((t) => ({ event: undefined, t })),
    ];
    const routes = transitions.map(({ event, t }): Route => {
      const at = `${node.id} on ${event ?? 'always'}`;
      const on = event?.startsWith('answer.') ? event.slice('answer.'.length) : event;
      if (on !== undefined && !isQuestionId(on)) throw new Error(`${at}: not an answer event`);
      const target = t.target?.[0] as StateNode | undefined;
      if (!target || (t.target?.length ?? 0) > 1) throw new Error(`${at}: one target expected`);
      return { ...(on ? { on } : {}), when: testsOf(t.guard, at), to: entered(target).id };
    });
    states.set(node.id, {
      id: node.id,
      ...(meta.questionId ? { question: meta.questionId } : {}),
      ...(meta.outcomeId ? { outcome: meta.outcomeId } : {}),
      routes,
    });
  };
  visit(root);
  return { start: entered(root).id, states };
}

/** A way into a state: the route, and the routes of the same event tried before it (which must fail). */
export interface Arrival {
  from: GraphState;
  route: Route;
  earlier: readonly Route[];
}

/**
 * The graph in an order where every state comes after all the states it can be entered from, with
 * the ways into each. The routing never goes back (a consult asks each question once), so the order
 * exists; a cycle stops the reader, because the exports define each state by the states before it.
 */
export function arrivalsInOrder(graph: StatechartGraph): { state: GraphState; arrivals: Arrival[] }[] {
  const arrivals = new Map<string, Arrival[]>([...graph.states.keys()].map((id) => [id, []]));
  for (const from of graph.states.values())
    from.routes.forEach((route, i) => {
      const earlier = from.routes.slice(0, i).filter((r) => r.on === route.on);
      arrivals.get(route.to)?.push({ from, route, earlier });
    });
  const ordered: { state: GraphState; arrivals: Arrival[] }[] = [];
  const done = new Set<string>();
  const visiting = new Set<string>();
  const place = (id: string) => {
    if (done.has(id)) return;
    if (visiting.has(id)) throw new Error(`the statechart has a cycle through ${id}`);
    visiting.add(id);
    const into = arrivals.get(id) ?? [];
    into.forEach((a) => place(a.from.id));
    visiting.delete(id);
    done.add(id);
    ordered.push({ state: graph.states.get(id) as GraphState, arrivals: into });
  };
  [...graph.states.keys()].forEach(place);
  return ordered;
}

/** The questions the guards read: the only answers that can change the route. */
export function routingQuestions(graph: StatechartGraph = statechartGraph()): QuestionId[] {
  const read = [...graph.states.values()].flatMap((s) => s.routes.flatMap((r) => r.when.map((t) => t.q)));
  return [...new Set(read)].sort();
}

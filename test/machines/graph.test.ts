import { setup } from 'xstate';
import { bcbmMachine } from '../../machines/bcbm.machine';
import { arrivalsInOrder, statechartGraph, type StatechartGraph } from '../../machines/graph';

const graph = statechartGraph();
const states = [...graph.states.values()];

describe('the statechart graph (machines/graph.ts, read from machine.root)', () => {
  it('starts at the first question and knows every question state and every recommendation', () => {
    expect(graph.states.get(graph.start)?.question).toBe('scenario');
    expect(states.filter((s) => s.question === 'massEffect').map((s) => s.id)).toEqual([
      'bcbm.lesions.askMassEffect',
      'bcbm.progression.askMassEffect',
      'bcbm.leptomeningeal.askMassEffect',
    ]);
    expect(states.filter((s) => s.outcome).map((s) => s.outcome)).toEqual([
      'interimPlan',
      'leptomeningealPlan',
      'noMetastasesPlan',
      'treatmentPlan',
      'progressionPlan',
    ]);
  });

  it('reads guards as answer tests, in XState’s order, and enters a compound target through its initial state', () => {
    const redFlags = graph.states.get('bcbm.triage.askRedFlags');
    expect(redFlags?.routes).toEqual([
      {
        on: 'redFlags',
        when: [{ q: 'redFlags', is: ['statusEpilepticus', 'focalStatus'] }],
        to: 'bcbm.triage.route',
      },
      { on: 'redFlags', when: [], to: 'bcbm.triage.askSeizure' },
    ]);
    expect(graph.states.get('bcbm.triage.route')?.routes).toEqual([
      { when: [{ q: 'scenario', is: ['newSymptoms'] }], to: 'bcbm.imaging.askMriAccess' },
      { when: [], to: 'bcbm.progression.askPriorBrainTreatment' },
    ]);
    expect(graph.states.get('bcbm.progression.askProgressionSite')?.routes[0]?.when).toEqual([
      { q: 'progressionSite', is: ['treatedSite', 'both'] },
      { q: 'priorBrainTreatment', is: ['srs', 'wbrt'] },
    ]);
  });

  it('orders every state after the states it is entered from, with the routes tried before each way in', () => {
    const ordered = arrivalsInOrder(graph);
    expect(ordered.map((o) => o.state.id).sort()).toEqual([...graph.states.keys()].sort());
    const at = new Map(ordered.map((o, i) => [o.state.id, i]));
    for (const { state, arrivals } of ordered)
      for (const a of arrivals) expect(at.get(a.from.id)).toBeLessThan(at.get(state.id) as number);
    const route = ordered.find((o) => o.state.id === 'bcbm.triage.route');
    expect(route?.arrivals.map((a) => [a.from.id, a.earlier.length])).toEqual([
      ['bcbm.triage.askRedFlags', 0],
      ['bcbm.triage.askSeizure', 0],
    ]);
    const seizure = ordered.find((o) => o.state.id === 'bcbm.triage.askSeizure');
    // Seizure is asked only when the status epilepticus route, tried first, is not taken.
    expect(seizure?.arrivals[0]?.earlier).toEqual([graph.states.get('bcbm.triage.askRedFlags')?.routes[0]]);
  });

  it('refuses a guard it cannot read, rather than route wrongly', () => {
    const machine = setup({ guards: { custom: () => true } }).createMachine({
      id: 'm',
      initial: 'a',
      states: { a: { on: { 'answer.scenario': { guard: 'custom', target: 'b' } } }, b: { type: 'final' } },
    });
    expect(() => statechartGraph(machine.root as unknown as (typeof bcbmMachine)['root'])).toThrow(
      /m\.a on answer\.scenario: a guard the graph reader does not know/,
    );
  });

  it('refuses a cycle (the exports define each state by the ones before it)', () => {
    const a = { id: 'a', routes: [{ when: [], to: 'b' }] };
    const b = { id: 'b', routes: [{ when: [], to: 'a' }] };
    const cyclic: StatechartGraph = {
      start: 'a',
      states: new Map([
        ['a', a],
        ['b', b],
      ]),
    };
    expect(() => arrivalsInOrder(cyclic)).toThrow(/cycle/);
  });
});

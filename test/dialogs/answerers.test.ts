import type { QuestionId } from '../../src/content/case-model';
import { pathway } from '../../src/content';
import type { Answerer } from '../../dialogs/answerers';
import { handleTurn, type TurnEnv, type TurnResult } from '../../dialogs/consult';
import { ConsultRecord } from '../../dialogs/consult-record';
import { parseInput } from '../../dialogs/parse-input';
import { renderText } from '../../src/view/text';
import { generatePaths } from '../support/paths';

const alice: Answerer = { id: 'a11ce0000000000a', name: 'Alice Oncologist' };
const bob: Answerer = { id: 'b0b0000000000000', name: 'Bob Registrar' };
const env = (by?: Answerer): TurnEnv => ({
  content: pathway,
  now: new Date('2026-12-01T09:00:00Z'),
  newId: () => 'c1',
  ...(by ? { by } : {}),
});
const say = (r: TurnResult | undefined, text: string, by?: Answerer) =>
  handleTurn(r?.record, parseInput(text, undefined), env(by));
const shown = (r: TurnResult) => r.views.map(renderText).join('\n');

/** The shortest complete consult, answered by Alice and Bob in turn. */
function sharedConsult(): TurnResult {
  let shortest: { question: QuestionId; answer: string }[] | undefined;
  for (const p of generatePaths()) if (!shortest || p.entries.length < shortest.length) shortest = p.entries;
  let r = say(undefined, 'start', alice);
  shortest!.forEach((e, i) => {
    const by = i % 2 ? bob : alice;
    r = handleTurn(r.record, { kind: 'card', question: e.question, answer: e.answer }, env(by));
  });
  expect(r.views.map((v) => v.kind)).toContain('recommendation');
  return r;
}

describe('who answered, in a shared conversation', () => {
  it('is stored as the pseudonym only, and shown by name to that person alone', () => {
    const done = sharedConsult();
    expect(done.record.log.map((e) => e.by)).toEqual(
      done.record.log.map((_, i) => (i % 2 ? bob.id : alice.id)),
    );
    expect(JSON.stringify(done.record)).not.toMatch(/Alice|Bob/);

    // The same finished consult asked for its plan by each: the recommendation is built per sender.
    for (const [me, other] of [
      [alice, bob],
      [bob, alice],
    ] as const) {
      const details = say(done, 'details', me);
      const view = details.views[0]!;
      expect(view.kind).toBe('details');
      const inputs = view.kind === 'details' ? view.recommendation.inputs : [];
      expect(inputs.map((i) => i.by)).toEqual(
        done.record.log.map((e) => (e.by === me.id ? me.name : 'another clinician')),
      );
      expect(shown(say(done, 'summary', me))).not.toContain(other.name);
    }
    // Nobody named in a one-to-one view of it (no sender): no pseudonym shown either.
    expect(shown(say(done, 'summary'))).not.toMatch(/Alice|Bob|[0-9a-f]{16}/);
  });

  it('in a consult saved before pseudonyms (a display name in `by`) loads, and the name is never shown', () => {
    const first = say(undefined, 'start');
    const answered = handleTurn(first.record, parseInput('1', undefined), env());
    const stored = JSON.parse(JSON.stringify(answered.record)) as { log: { by?: string }[] };
    stored.log[0]!.by = 'Dr Old Name';
    const record = ConsultRecord.parse(stored) as ConsultRecord;
    expect(record.log[0]!.by).toBeUndefined();
    const summary = shown(handleTurn(record, parseInput('summary', undefined), env(alice)));
    expect(summary).toContain('Consult type');
    expect(summary).not.toContain('Dr Old Name');
  });
});

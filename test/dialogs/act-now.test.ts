import { pathway } from '../../src/content';
import { caseModel, type Answers } from '../../src/content/case-model';
import { urgentNow } from '../../src/pathway/recommend';
import { handleTurn, type TurnEnv, type TurnResult } from '../../dialogs/consult';
import { parseInput } from '../../dialogs/parse-input';
import type { View } from '../../src/view/view';

let n = 0;
const env: TurnEnv = { content: pathway, now: new Date('2026-12-01T09:00:00Z'), newId: () => `c${++n}` };
const click = (r: TurnResult, question: string, answer: string) =>
  handleTurn(
    r.record,
    { kind: 'card', question, answer, consultId: r.record.consultId, step: r.record.revision },
    env,
  );
const ids = (v: View | undefined) => (v?.kind === 'urgent' ? v.items.map((i) => i.id) : []);

describe('"Act now" in the consult', () => {
  const emergencies = caseModel.redFlags.filter((v) => v !== 'none');

  it.each(emergencies)(
    'comes the moment %s is answered, whole, and the consult goes on with the next question',
    (flag) => {
      let r = handleTurn(undefined, parseInput('start', undefined), env);
      r = click(r, 'scenario', 'newSymptoms');
      r = click(r, 'redFlags', flag);
      const want = urgentNow(pathway, { scenario: 'newSymptoms', redFlags: flag } as Answers);
      expect(want.length).toBeGreaterThan(0);
      expect(ids(r.views[0])).toEqual(want.map((i) => i.id));
      expect(r.views.at(-1)?.kind).toBe('question');
    },
  );

  it('comes whole after a changed answer brings an emergency in, and the consult goes on', () => {
    let r = handleTurn(undefined, parseInput('start', undefined), env);
    r = click(r, 'scenario', 'newSymptoms');
    r = click(r, 'redFlags', 'none');
    expect(r.views.some((v) => v.kind === 'urgent')).toBe(false);
    r = handleTurn(r.record, parseInput(undefined, { change: 'redFlags' }), env);
    r = click(r, 'redFlags', 'raisedIcp');
    const want = urgentNow(pathway, { scenario: 'newSymptoms', redFlags: 'raisedIcp' } as Answers);
    expect(ids(r.views[0])).toEqual(want.map((i) => i.id));
    expect(r.views.at(-1)?.kind).toBe('question');
  });
});

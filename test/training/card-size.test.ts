import { trainingCardMessage } from '../../src/channels/cards';
import { channels } from '../../src/channels/table';
import { pathway } from '../../src/content';
import { training } from '../../src/content/training-content';
import { loadCases } from '../../src/pathway/training-bank';
import { cardBudgetChars } from '../../src/view/adaptive-card';
import { slackLimits } from '../../src/view/slack-blocks';
import { trainSlack } from '../../src/view/training-render';
import type { TrainView } from '../../src/view/training-view';
import { trainTurn, type TrainContext } from '../../dialogs/train';
import { emptyLearner } from '../../dialogs/train-record';
import { figure } from '../support/figures';
import { wrongOf } from './support';

const cases = loadCases(pathway, training);

/** Every turn of every case played wrong (the longest reveals), with the next decision's options in full. */
function* turns(): Generator<TrainView[]> {
  for (const c of cases) {
    const ctx: TrainContext = {
      content: pathway,
      training,
      cases,
      now: new Date('2027-03-01T08:00:00Z'),
      newId: () => 'a1',
      learnerKey: 'k',
      conversation: 'c',
      shared: false,
      canReplyPrivately: true,
      privateOnClick: false,
    };
    let r = trainTurn(emptyLearner(), undefined, { kind: 'train', caseId: c.id }, ctx);
    yield [...r.shared, ...r.own];
    for (const k of c.decisions) {
      const input = {
        kind: 'choice',
        caseId: c.id,
        decision: k.decision.id,
        choice: wrongOf(k),
        attempt: 'a1',
      } as const;
      r = trainTurn(r.learner, r.running, input, ctx);
      yield r.own;
    }
  }
}

describe('a trainee turn with every option written out still fits one message', () => {
  it('in Teams (the card and its fallback text within the card budget) and in Slack (its block limits)', () => {
    let largest = 0;
    for (const views of turns()) {
      const size = JSON.stringify(trainingCardMessage(views, channels.msteams)).length;
      largest = Math.max(largest, size);
      expect(size).toBeLessThanOrEqual(cardBudgetChars);
      const { blocks } = trainSlack(views, '1700000000.000100');
      expect(blocks.length).toBeLessThanOrEqual(slackLimits.blocksPerMessage);
      for (const b of blocks)
        if (b.type === 'section') expect(b.text!.text.length).toBeLessThanOrEqual(slackLimits.text);
    }
    expect(largest).toBeGreaterThan(0);
    figure(`largest trainee card: ${largest} of ${cardBudgetChars} characters`);
  });
});

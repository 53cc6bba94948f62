import { parseInput } from '../../dialogs/parse-input';
import { renderCards } from '../../src/view/adaptive-card';
import { renderSlack } from '../../src/view/slack-blocks';
import type { View } from '../../src/view/view';

const summary: View = {
  kind: 'summary',
  answers: [
    { question: 'scenario', short: 'Consult type', answer: 'New symptom' },
    { question: 'kps', short: 'KPS', answer: '90–100', by: 'Dr Test' },
  ],
  unknowns: [],
};

/** Every object in a JSON tree whose `data` or `value` says which answer to change. */
function changeData(node: unknown): unknown[] {
  if (Array.isArray(node)) return node.flatMap(changeData);
  if (!node || typeof node !== 'object') return [];
  const o = node as Record<string, unknown>;
  const own =
    o.type === 'Action.Submit'
      ? [o.data]
      : o.type === 'button' && typeof o.value === 'string'
        ? [JSON.parse(o.value)]
        : [];
  return [...own, ...Object.values(o).flatMap(changeData)];
}

describe('the summary', () => {
  it.each([
    ['Teams and Web Chat', () => renderCards(summary, { universal: true })!.map((c) => c.card)],
    ['Slack', () => renderSlack(summary)],
  ])('in %s has a Change button beside each answer, read back as `change`', (_name, render) => {
    const data = changeData(render());
    expect(data).toEqual([{ change: 'scenario' }, { change: 'kps' }]);
    expect(data.map((d) => parseInput(undefined, d))).toEqual([
      { kind: 'change', question: 'scenario' },
      { kind: 'change', question: 'kps' },
    ]);
  });
});

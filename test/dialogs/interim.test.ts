import { handleTurn, type TurnEnv, type TurnResult } from '../../dialogs/consult';
import { parseInput } from '../../dialogs/parse-input';
import { pathway } from '../../src/content';
import { renderCards } from '../../src/view/adaptive-card';
import { renderSlack } from '../../src/view/slack-blocks';
import { renderText } from '../../src/view/text';
import type { View } from '../../src/view/view';

/**
 * The interim plan (imaging pending) has a way back: a visible "Imaging result is back" button that asks
 * the imaging question again, and in plain text the command to type. Clicked or typed, the consult goes on.
 */
const env: TurnEnv = { content: pathway, now: new Date('2026-12-07T10:00:00Z'), newId: () => 'consult-1' };
const interim = pathway.outcomes.find((o) => o.id === 'interimPlan')!;
const label = interim.resume!.label;

/** The plan among the turn's views (the feedback control follows it). */
const planOf = (r: TurnResult) =>
  r.views.find((v): v is Extract<View, { kind: 'recommendation' }> => v.kind === 'recommendation')!;

function toInterimPlan(): TurnResult {
  let r: TurnResult | undefined;
  for (const text of ['start', '1', '1', 'yes', '1', 'Not done yet'])
    r = handleTurn(r?.record, parseInput(text, undefined), env);
  const plan = planOf(r!);
  expect(plan.recommendation.outcome.id).toBe('interimPlan');
  return r!;
}

const asks = (r: TurnResult) => {
  const v = r.views.at(-1)!;
  return v.kind === 'question' ? v.questionId : v.kind;
};

/** The card's buttons a reader sees without opening anything: hidden containers are skipped. */
function visibleActions(node: unknown, out: Record<string, unknown>[] = []): Record<string, unknown>[] {
  if (Array.isArray(node)) node.forEach((x) => visibleActions(x, out));
  else if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    if (o.isVisible === false) return out;
    if (typeof o.type === 'string' && o.type.startsWith('Action.')) out.push(o);
    for (const v of Object.values(o)) if (typeof v === 'object') visibleActions(v, out);
  }
  return out;
}

describe('the interim plan, and the way back when the scan is done', () => {
  const r = toInterimPlan();
  const plan = planOf(r);

  /** After the way back is taken: the imaging question again, then (parenchymal) the consult goes on. */
  function goesOn(after: TurnResult) {
    expect(asks(after)).toBe('imagingResult');
    const scanned = handleTurn(
      after.record,
      {
        kind: 'card',
        question: 'imagingResult',
        answer: 'parenchymal',
        consultId: after.record.consultId,
        step: after.record.revision,
      },
      env,
    );
    expect(scanned.views.at(-1)!.kind).toBe('question');
    expect(asks(scanned)).not.toBe('imagingResult');
  }

  it('Teams and the page: a visible button whose data is { change: "imagingResult" } asks it again', () => {
    const [first] = renderCards(plan, { universal: true })!;
    const button = visibleActions(first!.card.content).find((a) => a.title === label);
    expect(button).toMatchObject({ type: 'Action.Submit', data: { change: 'imagingResult' } });
    goesOn(handleTurn(r.record, parseInput(undefined, button!.data), env));
  });

  it('Slack: a button in the plan message (not the thread) with the same data', () => {
    const [head] = renderSlack(plan);
    expect(head!.thread).toBeUndefined();
    const button = head!.blocks
      .flatMap((b) => (b.type === 'actions' ? b.elements : []))
      .find((e) => e.type === 'button' && e.text.text === label);
    expect(button).toBeDefined();
    const value = JSON.parse((button as { value: string }).value) as unknown;
    expect(value).toEqual({ change: 'imagingResult' });
    goesOn(handleTurn(r.record, parseInput(undefined, value), env));
  });

  it('the terminal: tells the command to type, and the command works', () => {
    const text = renderText(plan);
    const line = text.split('\n').find((l) => l.startsWith(`${label}?`));
    expect(line).toBeDefined();
    const command = /: (change .+)$/.exec(line!)![1]!;
    goesOn(handleTurn(r.record, parseInput(command, undefined), env));
  });

  it('only the plan that waits for an answer has the button', () => {
    const waiting = pathway.outcomes.filter((o) => o.resume).map((o) => o.id);
    expect(waiting).toEqual(['interimPlan']);
  });
});

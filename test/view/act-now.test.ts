import { pathway } from '../../src/content';
import { caseModel, type Answers, type QuestionId } from '../../src/content/case-model';
import { conditionRefs } from '../../src/content/conditions';
import { urgentNow, type RecommendationItem } from '../../src/pathway/recommend';
import { renderCards } from '../../src/view/adaptive-card';
import { renderSlack } from '../../src/view/slack-blocks';
import { evidenceLabels, headings } from '../../src/view/strings';
import { renderText } from '../../src/view/text';
import type { QuestionView } from '../../src/view/view';
import { figure } from '../support/figures';
import { undosed, visibleWords, words } from '../support/reading';

/**
 * Every "Act now" the content allows, generated from it: the questions the urgent items' rules read, each
 * unanswered or given every answer the case model has, and the distinct sets of urgent items that hold.
 * (An "Act now" shows every urgent item that holds, so these sets are all it can show.)
 */
const urgentItems = pathway.items.filter((i) => i.urgent);
const read = [...new Set(urgentItems.flatMap((i) => conditionRefs(i.when).map((r) => r.q)))];
function combinations(): { answers: Answers; items: RecommendationItem[] }[] {
  const found = new Map<string, { answers: Answers; items: RecommendationItem[] }>();
  const walk = (i: number, answers: Record<string, string>) => {
    if (i === read.length) {
      const items = urgentNow(pathway, answers as Answers);
      const key = items.map((x) => x.id).join(',');
      if (items.length && !found.has(key)) found.set(key, { answers: answers as Answers, items });
      return;
    }
    const q = read[i] as QuestionId;
    walk(i + 1, answers);
    for (const v of caseModel[q]) walk(i + 1, { ...answers, [q]: v });
  };
  walk(0, {});
  return [...found.values()];
}
const all = combinations();

type Element = Record<string, unknown>;
const cardOf = (items: RecommendationItem[]) =>
  renderCards({ kind: 'urgent', items, resume: pathway.actNowResume }, { universal: true })![0]!.card
    .content as Element;
const body = (card: Element) => card.body as Element[];
/** The numbered lines as the card shows them (one Markdown block, lines "n. …"). */
function cardActions(card: Element): string[] {
  const box = body(card).find((e) => e.style === 'attention')!;
  const list = (box.items as Element[]).find((e) => /^1\. /.test(String(e.text)))!;
  return String(list.text)
    .split(/\r?\n/)
    .map((l, i) => {
      expect(l.startsWith(`${i + 1}. `)).toBe(true);
      return l.slice(`${i + 1}. `.length);
    });
}
const itemOfLine = (items: RecommendationItem[], line: string) =>
  items.find((i) => line === i.short || line === `${i.short} [${evidenceLabels.unverified}]`)!;
const herniationPossible = (items: RecommendationItem[]) => items.some((i) => /herniation/i.test(i.text));

describe('"Act now", over every urgent combination the content allows', () => {
  const measured = all.map(({ answers, items }) => {
    const card = cardOf(items);
    return { answers, items, card, actions: cardActions(card), words: visibleWords(card) };
  });

  it('covers every urgent item, and every kind of emergency', () => {
    expect(urgentItems.length).toBeGreaterThan(5);
    const shown = new Set(all.flatMap((c) => c.items.map((i) => i.id)));
    expect(urgentItems.map((i) => i.id).filter((id) => !shown.has(id))).toEqual([]);
    const flags = new Set(all.map((c) => (c.answers as Record<string, string>).redFlags));
    expect([...flags].sort()).toEqual(caseModel.redFlags.filter((v) => v !== 'none').sort());
    const big = measured.reduce((a, b) => (b.words > a.words ? b : a));
    const slack = Math.max(
      ...all.map((c) =>
        words(renderSlack({ kind: 'urgent', items: c.items, resume: pathway.actNowResume })[0]!.text),
      ),
    );
    figure(
      `${all.length} distinct "Act now" sets. Largest first screen: ${big.words} words in a card ` +
        `(${big.items.map((i) => i.id).join(', ')}), ${slack} in Slack's first message.`,
    );
  });

  it('numbers 1 to 5 short actions from the content, most urgent first', () => {
    for (const m of measured) {
      expect(m.actions.length).toBeGreaterThanOrEqual(1);
      expect(m.actions.length).toBeLessThanOrEqual(5);
      const shown = m.actions.map((l) => itemOfLine(m.items, l));
      expect(shown.every(Boolean)).toBe(true);
      const ranks = shown.map((i) => i.rank ?? 99);
      expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
      // Nothing with a short form is left out of a list that still had room.
      if (m.actions.length < 5) expect(shown.length).toBe(m.items.filter((i) => i.short).length);
    }
  });

  it('puts neurosurgery within the first two actions whenever herniation is possible', () => {
    const possible = measured.filter((m) => herniationPossible(m.items));
    expect(possible.length).toBeGreaterThan(0);
    for (const m of possible) expect(m.actions.slice(0, 2).some((l) => /neurosurg/i.test(l))).toBe(true);
  });

  it('names a dose with every drug, and marks UNVERIFIED short forms', () => {
    for (const m of measured)
      for (const line of m.actions) {
        expect(undosed(line)).toEqual([]);
        const item = itemOfLine(m.items, line);
        expect(line.endsWith(`[${evidenceLabels.unverified}]`)).toBe(item.evidence === 'unverified');
      }
  });

  it('shows at most 120 words before anything is opened, the full items folded', () => {
    for (const m of measured) {
      expect(m.words).toBeLessThanOrEqual(120);
      const folded = body(m.card).find((e) => e.isVisible === false)!;
      const json = JSON.stringify(folded);
      for (const i of m.items) {
        expect(json).toContain(JSON.stringify(i.text).slice(1, -1));
        if (i.evidence !== 'verified') expect(json).toContain(`[${evidenceLabels[i.evidence]}]`);
      }
      const toggle = JSON.stringify(body(m.card).find((e) => e.type === 'ActionSet'));
      expect(toggle).toContain('Action.ToggleVisibility');
      expect(toggle).toContain(String(folded.id));
      expect(JSON.stringify(m.card)).toContain(pathway.actNowResume);
    }
  });
});

describe('"Act now" looks apart from pitfalls', () => {
  it("is the only card in the emergency style; the questions' pitfalls have another", () => {
    const icp = all.find((c) => c.items.some((i) => /neurosurg/i.test(i.short ?? '')))!;
    const first = body(cardOf(icp.items))[0]!;
    expect(first).toMatchObject({ type: 'Container', style: 'attention' });
    expect(JSON.stringify(first)).toContain(headings.urgent);
    const withPitfalls = pathway.questions.filter((q) => q.pitfalls.length);
    expect(withPitfalls.length).toBeGreaterThan(0);
    for (const q of withPitfalls) {
      const view: QuestionView = {
        kind: 'question',
        consultId: 'c1',
        revision: 0,
        questionId: q.id as QuestionId,
        phase: q.phase,
        number: 1,
        prompt: q.prompt,
        options: q.options.map((o) => ({ value: o.value, label: o.label })),
        pitfalls: q.pitfalls.map((id) => {
          const p = pathway.pitfalls.find((x) => x.id === id)!;
          return { text: p.text, evidence: p.evidence, refs: [] };
        }),
      };
      const card = JSON.stringify(renderCards(view, { universal: true })![0]!.card.content);
      expect(card).toContain('"style":"warning"');
      expect(card).not.toContain('"style":"attention"');
      const slack = JSON.stringify(renderSlack(view));
      expect(slack).toContain(':warning:');
      expect(slack).not.toContain(':rotating_light:');
    }
  });
});

describe('"Act now" in Slack and in plain text', () => {
  it('Slack: the numbered list under a siren header, the full items as a reply in the thread', () => {
    for (const { items } of all) {
      const [head, ...details] = renderSlack({ kind: 'urgent', items, resume: pathway.actNowResume });
      expect(head!.thread).toBeUndefined();
      expect(head!.blocks[0]).toMatchObject({
        type: 'header',
        text: { text: `:rotating_light: ${headings.urgent}` },
      });
      const list = JSON.stringify(head!.blocks);
      const actions = cardActions(cardOf(items));
      actions.forEach((l, i) => expect(list).toContain(`${i + 1}. ${l}`));
      expect(list).toContain(pathway.actNowResume);
      expect(words(head!.text)).toBeLessThanOrEqual(120);
      for (const i of items) expect(list).not.toContain(i.text);
      expect(details.length).toBeGreaterThanOrEqual(1);
      expect(details.every((d) => d.thread)).toBe(true);
      const thread = details.map((d) => JSON.stringify(d.blocks)).join('');
      for (const i of items) expect(thread).toContain(i.text.replace(/&/g, '&amp;'));
    }
  });

  it('plain text (the terminal): an ACT NOW heading, the numbered list, then every item in full', () => {
    for (const { items } of all) {
      const text = renderText({ kind: 'urgent', items, resume: pathway.actNowResume });
      const lines = text.split('\n');
      expect(lines[0]).toBe(headings.urgentText);
      const actions = cardActions(cardOf(items));
      expect(lines.slice(1, 1 + actions.length)).toEqual(actions.map((l, i) => `${i + 1}. ${l}`));
      expect(lines[1 + actions.length]).toBe(pathway.actNowResume);
      const after = lines.slice(2 + actions.length).join('\n');
      for (const i of items) expect(after).toContain(i.text);
    }
  });
});

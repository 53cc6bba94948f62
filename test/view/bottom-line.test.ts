import { pathway } from '../../src/content';
import { bottomLineOf, maxActions } from '../../src/pathway/bottom-line';
import type { Recommendation } from '../../src/pathway/recommend';
import { renderCards } from '../../src/view/adaptive-card';
import { outlineOf } from '../../src/view/outline';
import { renderSlack } from '../../src/view/slack-blocks';
import { evidenceLabels, headings } from '../../src/view/strings';
import { distinctRecommendations } from './distinct';
import { figure } from '../support/figures';
import { undosed, visibleWords, words } from '../support/reading';

const all = distinctRecommendations();

describe('the bottom line of every distinct recommendation', () => {
  const measured = all.map((r: Recommendation) => {
    const o = outlineOf('c1', r);
    const lines = [
      ...(o.head.plan ? [o.head.plan] : []),
      ...o.head.bottomLine,
      ...(o.head.gpa ? [o.head.gpa] : []),
    ];
    const [card] = renderCards(
      { kind: 'recommendation', consultId: 'c1', recommendation: r },
      { universal: true },
    )!;
    const [slack] = renderSlack({ kind: 'recommendation', consultId: 'c1', recommendation: r });
    return {
      r,
      o,
      words: words(lines.join(' ')),
      firstCard: visibleWords(card!.card.content),
      firstSlack: words(slack!.text),
    };
  });

  it('is enumerated over every distinct set of items, and the largest are printed when asked', () => {
    expect(all.length).toBeGreaterThan(50);
    expect(new Set(all.map((r) => r.outcome.id))).toEqual(new Set(pathway.outcomes.map((o) => o.id)));
    const top = (key: 'words' | 'firstCard' | 'firstSlack') =>
      measured.reduce((a, b) => (b[key] > a[key] ? b : a));
    const big = top('words');
    figure(
      `${all.length} distinct recommendations. Largest bottom line: ${big.words} words (${big.r.outcome.id}):\n` +
        `${[big.o.head.plan ?? '', ...big.o.head.bottomLine.map((a, i) => `${i + 1}. ${a}`), big.o.head.gpa ?? ''].join('\n')}\n` +
        `Largest first Teams card before anything is opened: ${top('firstCard').firstCard} words; ` +
        `largest first Slack message: ${top('firstSlack').firstSlack} words.`,
    );
  });

  it('has 1 to 5 numbered actions under the heading "Bottom line", in at most 100 words', () => {
    const bad = measured.filter(
      (m) => m.o.head.bottomLine.length < 1 || m.o.head.bottomLine.length > maxActions || m.words > 100,
    );
    expect(
      bad.map((m) => `${m.r.outcome.id}: ${m.o.head.bottomLine.length} actions, ${m.words} words`),
    ).toEqual([]);
    expect(headings.bottomLine).toBe('Bottom line');
  });

  it('names a dose with every drug it names', () => {
    const bad = measured.flatMap((m) =>
      [...(m.o.head.plan ? [m.o.head.plan] : []), ...m.o.head.bottomLine].flatMap((l) =>
        undosed(l).map((d) => `${d} in "${l}"`),
      ),
    );
    expect([...new Set(bad)]).toEqual([]);
  });

  it('leads with the emergency actions', () => {
    const bad = measured.filter((m) => {
      const actions = bottomLineOf(m.r).actions;
      const urgent = m.r.sections.flatMap((s) => s.items).filter((i) => i.urgent);
      return urgent.length > 0 && !actions[0]?.urgent;
    });
    expect(bad.map((m) => m.r.outcome.id)).toEqual([]);
  });

  it('keeps the whole first message at 220 words or fewer before anything is opened', () => {
    expect(
      measured.filter((m) => m.firstCard > 220 || m.firstSlack > 220).map((m) => [m.firstCard, m.firstSlack]),
    ).toEqual([]);
  });

  it("is the content author's short forms, never cut from the long text, UNVERIFIED ones marked", () => {
    for (const m of measured)
      for (const a of bottomLineOf(m.r).actions) {
        const item = pathway.items.find((i) => i.id === a.id)!;
        const tag = item.evidence === 'unverified' ? ` [${evidenceLabels.unverified}]` : '';
        expect(m.o.head.bottomLine).toContain(`${item.short}${tag}`);
      }
  });
});

describe('the dose check', () => {
  it('finds a drug without a dose and accepts one with a dose or withheld', () => {
    expect(undosed('Start levetiracetam.')).toEqual(['levetiracetam']);
    expect(undosed('Start levetiracetam 500 mg twice daily.')).toEqual([]);
    expect(undosed('No dexamethasone.')).toEqual([]);
    expect(undosed('Midazolam 10 mg IM or lorazepam IV now.')).toEqual(['lorazepam']);
    expect(undosed('Trastuzumab deruxtecan 5.4 mg/kg every 3 weeks.')).toEqual([]);
  });
});

import { pathway } from '../../src/content';
import { bottomLineOf, maxActions } from '../../src/pathway/bottom-line';
import type { Recommendation } from '../../src/pathway/recommend';
import { renderCards } from '../../src/view/adaptive-card';
import { outlineOf } from '../../src/view/outline';
import { renderSlack } from '../../src/view/slack-blocks';
import { evidenceLabels, headings } from '../../src/view/strings';
import { distinctRecommendations } from './distinct';
import { figure } from '../support/figures';

/**
 * What the content must give every recommendation (case-model section 6), checked on every distinct
 * recommendation: each item that belongs in a bottom line has a `short` and a `rank`; a drug named in a
 * short form comes with its dose (a drug listed here: keep it in step with the content).
 */
const drugs = [
  'dexamethasone',
  'levetiracetam',
  'lacosamide',
  'midazolam',
  'lorazepam',
  'diazepam',
  'fosphenytoin',
  'phenytoin',
  'valproate',
  'mannitol',
  'hypertonic saline',
  'memantine',
  'trastuzumab deruxtecan',
  'trastuzumab emtansine',
  'tucatinib',
  'capecitabine',
  'neratinib',
  'lapatinib',
  'trastuzumab',
  'pertuzumab',
  'trimethoprim-sulfamethoxazole',
];
const dose = /\d[\d.,–-]*\s*(mg|g|mcg|micrograms|units|mmol|mL)\b/i;
/** "No dexamethasone." names a drug to withhold: no dose is due. */
const withheld = /\b(no|not|avoid|stop|without)\s+(\S+\s+){0,2}$/i;

/** Drugs named without a dose in one line of the bottom line. */
export function undosed(line: string): string[] {
  const found: { drug: string; at: number }[] = [];
  const lower = line.toLowerCase();
  for (const drug of drugs) {
    for (let at = lower.indexOf(drug); at >= 0; at = lower.indexOf(drug, at + 1))
      // A longer name already found here ("trastuzumab deruxtecan") covers the shorter one.
      if (!found.some((f) => at >= f.at && at < f.at + f.drug.length)) found.push({ drug, at });
  }
  found.sort((a, b) => a.at - b.at);
  return found
    .filter((f, i) => {
      if (withheld.test(line.slice(0, f.at))) return false;
      const upTo = found[i + 1]?.at ?? line.length;
      return !dose.test(line.slice(f.at, upTo));
    })
    .map((f) => f.drug);
}

const words = (s: string) => s.split(/\s+/).filter(Boolean).length;

/** The words a reader sees on a card before opening anything: hidden containers are skipped. */
export function visibleWords(node: unknown): number {
  if (Array.isArray(node)) return node.reduce((n: number, x) => n + visibleWords(x), 0);
  if (!node || typeof node !== 'object') return 0;
  const o = node as Record<string, unknown>;
  if (o.isVisible === false) return 0;
  let n = 0;
  if (o.type === 'TextBlock' && typeof o.text === 'string') n += words(o.text);
  if (typeof o.type === 'string' && o.type.startsWith('Action.') && typeof o.title === 'string')
    n += words(o.title);
  for (const [k, v] of Object.entries(o))
    if (k !== 'fallbackText' && k !== 'fallback' && typeof v === 'object') n += visibleWords(v);
  return n;
}

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

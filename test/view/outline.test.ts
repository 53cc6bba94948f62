import { plainTextOf } from '../support/plain-text';
import { maxCitations } from '../../src/channels/cards';
import { consultMessages } from '../../src/channels/render';
import { channelOf } from '../../src/channels/table';
import { cardBudgetChars, partCard, partSizer } from '../../src/view/adaptive-card';
import { linesOf, outlineOf, splitOutline, type Outline } from '../../src/view/outline';
import { blockTextLength, escapeMrkdwn, renderSlack, slackLimits } from '../../src/view/slack-blocks';
import { outlinePartText, renderText } from '../../src/view/text';
import type { View } from '../../src/view/view';
import type { Recommendation } from '../../src/pathway/recommend';
import { cardTexts, showsWhole } from './card-text';
import { distinctRecommendations } from './distinct';

/** The whole recommendation as plain text, head and every section. */
const recommendationText = (o: Outline) => outlinePartText({ head: o.head, sections: o.sections });

/** Teams refuses a bot message over 40 KB counted as UTF-16; stay well under it. */
const teamsLimitUtf16Bytes = 40_000;

const all = distinctRecommendations();
const view = (r: Recommendation): View => ({ kind: 'recommendation', consultId: 'c1', recommendation: r });
/** The longest ones, and every 10th of the rest: rendering every one with every renderer takes minutes. */
const byLength = all
  .map((r) => ({ r, length: recommendationText(outlineOf('c1', r)).length }))
  .sort((a, b) => b.length - a.length)
  .map((x) => x.r);
const checked = [...byLength.slice(0, 40), ...byLength.slice(40).filter((_, i) => i % 10 === 0)];

/** Every statement of an outline that must reach the reader: the head, and each line of each section. */
function statements(o: Outline): string[] {
  return [
    o.head.title,
    ...o.head.bottomLine,
    ...o.head.footer,
    ...o.sections.flatMap((s) => s.lines.map((l) => l.text)),
  ];
}

describe('the recommendation outline', () => {
  it('holds every item, pitfall, unknown, reference and answer of the recommendation, each once', () => {
    for (const r of checked) {
      const o = outlineOf('c1', r);
      const lines = o.sections.flatMap((s) => s.lines.map((l) => l.text));
      for (const i of r.sections.flatMap((s) => s.items))
        expect(lines.filter((l) => l.startsWith(i.text))).toHaveLength(1);
      for (const p of r.pitfalls) expect(lines.filter((l) => l.startsWith(p.text))).toHaveLength(1);
      for (const u of r.unknowns) expect(lines.filter((l) => l.startsWith(u.text))).toHaveLength(1);
      expect(o.sections.find((s) => s.id === 'sources')?.lines).toHaveLength(r.references.length);
      expect(o.sections.find((s) => s.id === 'answers')?.lines.map((l) => l.change)).toEqual(
        r.inputs.map((i) => i.question),
      );
    }
  });

  it('measures a part for the card splitter exactly as its card and text serialise, folded and open', () => {
    for (const r of checked.slice(0, 60)) {
      const o = outlineOf('c1', r);
      for (const open of [false, true]) {
        const size = partSizer(open);
        // Every prefix of the sections, with and without the head, and a section cut short (as the splitter does).
        for (let n = 0; n <= o.sections.length; n++)
          for (const part of [
            { head: o.head, sections: o.sections.slice(0, n) },
            { sections: o.sections.slice(0, n) },
            {
              sections: [
                ...o.sections.slice(0, n),
                { ...o.sections.at(-1)!, lines: o.sections.at(-1)!.lines.slice(0, 1) },
              ],
            },
          ]) {
            const { card, text } = partCard(part, undefined, open);
            expect(size(part)).toBe(JSON.stringify(card).length + JSON.stringify(text).length);
          }
      }
    }
  });

  it('is split by one splitter that drops nothing, even when every part can hold only a little', () => {
    const o = outlineOf('c1', byLength[0]!);
    const small = (p: { sections: { lines: { text: string }[] }[] }) =>
      outlinePartText({ sections: p.sections as never }).length < 600;
    const parts = splitOutline(o, small);
    expect(parts.length).toBeGreaterThan(5);
    expect(
      parts
        .flatMap(linesOf)
        .map((l) => l.text)
        .join(' '),
    ).toBe(o.sections.flatMap((s) => s.lines.map((l) => l.text)).join(' '));
  });

  it('is never shown with the seed-article notes', () => {
    for (const r of checked) expect(recommendationText(outlineOf('c1', r))).not.toMatch(/seed article/i);
  });
});

describe('every renderer loses nothing in the split', () => {
  it('plain text: the head first, then every section', () => {
    for (const r of checked) {
      const o = outlineOf('c1', r);
      const text = recommendationText(o);
      for (const s of statements(o)) expect(text).toContain(s);
      expect(renderText(view(r))).toContain(o.head.bottomLine[0]);
    }
  });

  it('Teams and Web Chat cards: every statement in some card, each card under the limit, the bottom line first', () => {
    for (const r of checked) {
      const o = outlineOf('c1', r);
      for (const channel of ['msteams', 'webchat']) {
        const activities = consultMessages(view(r), channelOf(channel));
        const shown = activities.flatMap((a) => cardTexts(a.attachments));
        expect(statements(o).filter((s) => !showsWhole(shown, s))).toEqual([]);
        for (const a of activities)
          expect(JSON.stringify(a).length * 2).toBeLessThan(teamsLimitUtf16Bytes * 0.9);
        expect(plainTextOf(activities[0]!)).toContain(o.head.bottomLine.join('\n').split('\n')[0]);
      }
    }
    expect(cardBudgetChars * 2).toBeLessThan(teamsLimitUtf16Bytes);
  });

  it('Teams: citations as one schema.org Message entity per message, at most 20, matching the numbered sources', () => {
    for (const r of checked.slice(0, 40)) {
      for (const a of consultMessages(view(r), channelOf('msteams'))) {
        const entities = (a.entities ?? []) as {
          type: string;
          citation: { position: number; appearance: { name: string; abstract: string } }[];
        }[];
        expect(entities.length).toBeLessThanOrEqual(1);
        for (const e of entities) {
          expect(e.type).toBe('https://schema.org/Message');
          expect(e.citation.length).toBeGreaterThan(0);
          expect(e.citation.length).toBeLessThanOrEqual(maxCitations);
          for (const c of e.citation) {
            expect(r.references.map((x) => x.n)).toContain(c.position);
            expect(c.appearance.name.length).toBeLessThanOrEqual(80);
            expect(c.appearance.abstract.length).toBeLessThanOrEqual(160);
          }
        }
      }
    }
  });

  it('Slack: the bottom line in the message, the details in the thread, within Block Kit limits', () => {
    for (const r of checked) {
      const o = outlineOf('c1', r);
      const [head, ...details] = renderSlack(view(r));
      expect(head!.thread).toBeFalsy();
      expect(details.length).toBeGreaterThan(0);
      expect(details.every((m) => m.thread)).toBe(true);
      const shown = [head!, ...details].flatMap((m) => cardTexts(m.blocks));
      expect(statements(o).filter((s) => !showsWhole(shown, escapeMrkdwn(s)))).toEqual([]);
      for (const m of [head!, ...details]) {
        expect(m.blocks.length).toBeLessThanOrEqual(slackLimits.blocksPerMessage);
        expect(m.blocks.reduce((n, b) => n + blockTextLength(b), 0)).toBeLessThanOrEqual(
          slackLimits.messageText,
        );
      }
      // The head shows the bottom line and none of the details.
      expect(showsWhole(cardTexts(head!.blocks), escapeMrkdwn(o.sections[0]!.lines[0]!.text))).toBe(false);
      expect(showsWhole(cardTexts(head!.blocks), escapeMrkdwn(o.head.bottomLine[0]!))).toBe(true);
    }
  });
});

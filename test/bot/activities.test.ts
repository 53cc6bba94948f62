import type { Activity } from 'botbuilder';
import { pathway } from '../../src/content';
import { plainTextOf, toActivities } from '../../src/bot/activities';
import { buildRecommendation, itemsFor, type Recommendation } from '../../src/pathway/recommend';
import { referenceLine } from '../../src/view/text-parts';
import { answersOf, forEachConsult } from '../support/paths';

/**
 * Teams refuses a bot message over 40 KB, counting the whole payload as UTF-16 (Microsoft's "format
 * your bot messages" page; the limit was 25-28 KB before), so keep well under it.
 */
const teamsLimitUtf16Bytes = 40_000;

// The longest recommendations the pathway can produce, plus a spread of others.
const recommendations: Recommendation[] = [];
let n = 0;
forEachConsult((entries, step) => {
  if (step.kind !== 'outcome') return;
  const items = itemsFor(pathway, answersOf(entries)).length;
  if (n++ % 211 === 0 || (items >= 24 && n % 7 === 0))
    recommendations.push(buildRecommendation(pathway, step.outcomeId, entries));
});

const send = (r: Recommendation, channelId: string): Partial<Activity>[] =>
  toActivities({ kind: 'recommendation', consultId: 'c1', recommendation: r }, channelId);

describe('a recommendation as Bot Framework activities', () => {
  it('samples long recommendations', () => {
    expect(recommendations.length).toBeGreaterThan(100);
    expect(Math.max(...recommendations.map((r) => send(r, 'msteams').length))).toBeGreaterThan(1);
  });

  it('stays under the Teams message size limit, split into numbered parts', () => {
    for (const r of recommendations) {
      const activities = send(r, 'msteams');
      for (const a of activities)
        expect(JSON.stringify(a).length * 2).toBeLessThan(teamsLimitUtf16Bytes * 0.9);
      if (activities.length > 1)
        activities.forEach((a, i) =>
          expect(plainTextOf(a)).toMatch(new RegExp(`^Part ${i + 1} of ${activities.length}`)),
        );
    }
  });

  it('loses nothing when split: every item, pitfall, unknown and reference, the disclaimer and the version', () => {
    for (const r of recommendations) {
      const text = send(r, 'msteams').map(plainTextOf).join('\n');
      for (const item of r.sections.flatMap((s) => s.items)) expect(text).toContain(item.text);
      for (const p of r.pitfalls) expect(text).toContain(p.text);
      for (const u of r.unknowns) expect(text).toContain(u.text);
      for (const ref of r.references) expect(text).toContain(referenceLine(ref));
      expect(text).toContain(r.disclaimer);
      expect(text).toContain(`Content version ${r.content.version}`);
    }
  });

  it('gives Teams the plain text in the card, not as a second copy above it', () => {
    const [first] = send(recommendations[0]!, 'msteams');
    expect(first!.text).toBeUndefined();
    expect((first!.attachments![0]!.content as { fallbackText: string }).fallbackText).toContain(
      recommendations[0]!.outcome.title,
    );
    expect(first!.summary).toBe(recommendations[0]!.outcome.title.split('\n')[0]);
  });
});

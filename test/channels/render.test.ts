import { consultMessages } from '../../src/channels/render';
import { channelOf } from '../../src/channels/table';
import { pathway } from '../../src/content';
import { renderSlack } from '../../src/view/slack-blocks';
import { renderText } from '../../src/view/text';
import { buildRecommendation, urgentNow } from '../../src/pathway/recommend';
import type { Answers } from '../../src/content/case-model';
import type { View } from '../../src/view/view';
import { headings, notes } from '../../src/view/strings';

// Size limits and "nothing is lost" for every renderer are tested on the outline (test/view/outline.test.ts).
const entries = [
  { question: 'scenario', answer: 'newSymptoms' },
  { question: 'redFlags', answer: 'none' },
  { question: 'seizure', answer: 'yes' },
  { question: 'mriAccess', answer: 'available' },
  { question: 'imagingResult', answer: 'pending' },
] as const;
const view: View = {
  kind: 'recommendation',
  consultId: 'c1',
  recommendation: buildRecommendation(pathway, 'interimPlan', [...entries]),
};

const toActivities = (v: View, channelId: string) => consultMessages(v, channelOf(channelId));

describe('a recommendation as Bot Framework activities', () => {
  it('gives Teams the plain text in the card, not as a second copy above it', () => {
    const [first] = toActivities(view, 'msteams');
    expect(first!.text).toBeUndefined();
    const card = first!.attachments![0]!.content as { fallbackText: string };
    expect(card.fallbackText).toContain(pathway.outcomes.find((o) => o.id === 'interimPlan')!.title);
    expect(first!.summary).toBe(card.fallbackText.split('\n')[0]);
  });

  it.each(['webchat', 'emulator', 'directline'])(
    'gives %s the plain text once, in `text`, and the card without a second copy',
    (channel) => {
      const activities = toActivities(view, channel);
      expect(activities[0]!.text).toContain(pathway.outcomes.find((o) => o.id === 'interimPlan')!.title);
      for (const a of activities) {
        const card = a.attachments![0]!.content as Record<string, unknown>;
        expect(card.fallbackText).toBeUndefined();
        expect(JSON.stringify(card)).not.toContain(JSON.stringify(a.text).slice(1, -1));
      }
    },
  );

  it('gives Slack its Block Kit messages in the activity itself (channelData), the plain text in `text`', () => {
    const [activity, ...more] = toActivities(view, 'slack');
    expect(more).toEqual([]);
    expect(activity!.channelData).toEqual({ blockKit: renderSlack(view) });
    expect(activity!.text).toBe(renderText(view));
    expect(activity!.attachments).toBeUndefined();
  });
});

describe('details, per channel', () => {
  const details: View = { kind: 'details', consultId: 'c1', recommendation: view.recommendation };
  const sources = (s: string) => s.includes(`${headings.references}:`);

  it.each(['webchat', 'emulator'])(
    'points %s to the folded sections above in one line, instead of posting them again',
    (channel) => {
      const activities = toActivities(details, channel);
      expect(activities).toHaveLength(1);
      expect(activities[0]!.text).toBe(notes.detailsAbove);
      expect(activities[0]!.text!.split('\n')).toHaveLength(1);
      expect(activities[0]!.attachments).toBeUndefined();
    },
  );

  it('still posts every section in the terminal, in Slack (the thread) and in Teams', () => {
    expect(sources(toActivities(details, 'terminal')[0]!.text!)).toBe(true);
    const slack = toActivities(details, 'slack')[0]!.channelData!.blockKit as { thread?: boolean }[];
    expect(slack.length).toBeGreaterThan(0);
    expect(slack.every((m) => m.thread)).toBe(true);
    expect(sources(toActivities(details, 'slack')[0]!.text!)).toBe(true);
    const teams = toActivities(details, 'msteams');
    expect(JSON.stringify(teams)).toContain(headings.references);
  });
});

describe('"Act now" as the activities Teams and Slack are sent', () => {
  const items = urgentNow(pathway, { redFlags: 'raisedIcp' } as Answers);
  const urgent: View = { kind: 'urgent', items, resume: pathway.actNowResume };

  it('Teams: one card in the emergency style, its plain text (ACT NOW first) as the fallback and summary', () => {
    const [activity, ...more] = toActivities(urgent, 'msteams');
    expect(more).toEqual([]);
    const card = activity!.attachments![0]!.content as {
      body: Record<string, unknown>[];
      fallbackText: string;
    };
    expect(card.body[0]).toMatchObject({ type: 'Container', style: 'attention' });
    expect(activity!.summary).toBe(headings.urgentText);
    for (const i of items) expect(card.fallbackText).toContain(i.text);
  });

  it('Slack: the list in the conversation, every item in full as a reply in its thread', () => {
    const [activity] = toActivities(urgent, 'slack');
    const [head, ...thread] = activity!.channelData!.blockKit as { text: string; thread?: boolean }[];
    expect(head!.thread).toBeUndefined();
    expect(head!.text.split('\n')[0]).toBe(headings.urgentText);
    expect(thread.length).toBeGreaterThan(0);
    expect(thread.every((m) => m.thread)).toBe(true);
    for (const i of items) expect(thread.map((m) => m.text).join('\n')).toContain(i.text);
  });
});

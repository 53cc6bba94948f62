import type { Activity } from '../support/server';
import { pathway } from '../../src/content';
import { buildRecommendation } from '../../src/pathway/recommend';
import { stepOf } from '../../machines/step';
import { headings } from '../../src/view/strings';
import { cardTexts, showsWhole } from '../view/card-text';
import { questionSequences } from '../support/paths';
import { activity, buttonData, post, type Running, startServer } from '../support/server';
import { plainTextOf } from '../support/plain-text';

// One route per distinct sequence of questions: every question and outcome, clicked through the real
// server on each channel (test/machines covers every route's answers without HTTP).
const paths = questionSequences();
let server: Running;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

/** A click as each client sends it: Teams uses universal actions, Web Chat and the Emulator post the data as `value`. */
function click(channelId: string, conversation: string, data: Record<string, unknown>): Partial<Activity> {
  const base = { channelId, conversation: { id: conversation } as Activity['conversation'] };
  return channelId === 'msteams'
    ? activity({
        ...base,
        type: 'invoke',
        name: 'adaptiveCard/action',
        value: { action: { type: 'Action.Execute', verb: 'answer', data }, trigger: 'manual' },
      })
    : activity({ ...base, value: data });
}

function lastCardQuestion(replies: Partial<Activity>[]): string | undefined {
  const actions = (
    replies.at(-1)?.attachments?.[0]?.content as { actions?: { data?: { question?: string } }[] }
  )?.actions;
  return actions?.[0]?.data?.question;
}

describe.each(['msteams', 'emulator', 'webchat'])(
  'a consult on %s, clicking the buttons of each card',
  (channelId) => {
    it.each(paths.map((p, i) => [p.description, p, i] as const))('%s', async (_name, path, i) => {
      const conversation = `${channelId}-path-${i}`;
      let replies = (
        await post(
          server.url,
          activity({ channelId, conversation: { id: conversation } as never, text: 'start' }),
        )
      ).activities;
      expect(plainTextOf(replies[0]!)).toContain(pathway.disclaimer);
      for (const entry of path.entries) {
        expect(lastCardQuestion(replies)).toBe(entry.question);
        const data = buttonData(replies, entry.answer);
        expect(data).toBeDefined();
        const res = await post(server.url, click(channelId, conversation, data!));
        expect(res.status).toBe(200);
        // Teams also gets the invoke response (the answered card); the messages are what the user reads.
        replies = res.activities.filter((a) => a.type === 'message');
      }
      const step = stepOf(path.final);
      if (step.kind !== 'outcome') throw new Error('path does not end in a recommendation');
      const expected = buildRecommendation(pathway, step.outcomeId, path.entries);
      // The bottom line first; a long recommendation comes as several cards, the details folded in them.
      expect(plainTextOf(replies[0]!)).toContain(headings.bottomLine);
      const shown = replies.flatMap((a) => cardTexts(a.attachments));
      const missing = [
        expected.outcome.title,
        ...expected.sections.flatMap((s) => s.items.map((item) => item.text)),
        ...expected.pitfalls.map((p) => p.text),
        pathway.disclaimer,
        `Content version ${pathway.version}`,
      ].filter((s) => !showsWhole(shown, s));
      expect(missing).toEqual([]);
    });
  },
);

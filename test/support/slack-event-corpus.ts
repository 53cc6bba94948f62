import fc from 'fast-check';
import { pathway } from '../../src/content';
import { nowSeconds, signature, signedHeaders } from './fake-slack';
import { appMention, blockActions, imMessage, newTs } from './slack-payloads';

export interface SlackCase {
  kind: string;
  body: string;
  headers: Record<string, string>;
  /** Statuses it may get; a signed event for the bot is also answered in its channel (`channel`). */
  statuses: number[];
  channel?: string;
  markers?: string[];
}

/** Slack markup typed by someone: a mention that notifies, a broadcast, a link. */
const injections: [string, string][] = [
  ['<!channel> PWNED', '<!channel>'],
  ['<!here>', '<!here>'],
  ['<!everyone> now', '<!everyone>'],
  ['ping <@U0ATTACK>', '<@U0ATTACK>'],
  ['<!subteam^S0ATTACK>', '<!subteam^S0ATTACK>'],
  ['<https://evil.example|click me>', '<https://evil.example|'],
  ['*PWNED* _x_ ~y~ `z` ```block```', '*PWNED*'],
  [JSON.stringify([{ type: 'section', text: { type: 'mrkdwn', text: 'PWNED block' } }]), 'PWNED block'],
];

/** A Slack DM with a consult in progress that no request of the corpus may change. */
export const slackWitness = 'D0WITNESS01';

let serial = 0;
const channelOf = (prefix: 'C' | 'D') => `${prefix}0CORPUS${String(++serial).padStart(5, '0')}`;

const form = (payload: string) => new URLSearchParams({ payload }).toString();

function kinds(): fc.Arbitrary<SlackCase>[] {
  const questionIds = pathway.questions.map((q) => q.id);

  const unsigned = fc
    .tuple(
      fc.oneof(
        // Aimed at the Slack consult that must not change.
        fc
          .constantFrom('restart', ...injections.map(([text]) => text))
          .map((text) => JSON.stringify(imMessage({ channel: slackWitness, user: 'U0WITNESS', text }))),
        fc.string({ maxLength: 200 }),
        fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
      ),
      fc.constantFrom('none', 'wrong secret', 'malformed', 'stale', 'future', 'bad timestamp'),
      fc.string({ maxLength: 20 }),
    )
    .map(([body, how, junk]): SlackCase => {
      const ts = nowSeconds();
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (how === 'wrong secret')
        Object.assign(headers, {
          'x-slack-request-timestamp': String(ts),
          'x-slack-signature': signature(body, ts, 'not-the-secret'),
        });
      if (how === 'malformed')
        Object.assign(headers, {
          'x-slack-request-timestamp': String(ts),
          'x-slack-signature': `v0=${junk}`,
        });
      if (how === 'stale') Object.assign(headers, signedHeaders(body, 'application/json', ts - 6 * 60));
      if (how === 'future') Object.assign(headers, signedHeaders(body, 'application/json', ts + 6 * 60));
      if (how === 'bad timestamp')
        Object.assign(headers, {
          'x-slack-request-timestamp': `${junk}x`,
          'x-slack-signature': signature(body, ts),
        });
      return { kind: `unsigned or badly signed (${how})`, body, headers, statuses: [401] };
    });

  const garbage = fc
    .tuple(
      fc.string({ maxLength: 200 }).filter((s) => {
        try {
          JSON.parse(s);
          return false;
        } catch {
          return true;
        }
      }),
      fc.boolean(),
    )
    .map(([text, asForm]): SlackCase => {
      const body = asForm ? form(text) : text;
      return {
        kind: 'signed, not JSON',
        body,
        headers: signedHeaders(body, asForm ? 'application/x-www-form-urlencoded' : 'application/json'),
        statuses: [400],
      };
    });

  const otherJson = fc
    .oneof(
      fc.jsonValue({ maxDepth: 4 }),
      fc.record({ type: fc.string({ maxLength: 20 }), challenge: fc.jsonValue({ maxDepth: 1 }) }),
      fc.record({
        type: fc.constant('event_callback'),
        event_id: fc.jsonValue({ maxDepth: 1 }),
        event: fc.jsonValue({ maxDepth: 3 }),
      }),
      fc.record({
        type: fc.constant('block_actions'),
        actions: fc.jsonValue({ maxDepth: 3 }),
        channel: fc.jsonValue({ maxDepth: 2 }),
      }),
    )
    .map((v): SlackCase => {
      const body = JSON.stringify(v) ?? 'null';
      return {
        kind: 'signed JSON of other shapes',
        body,
        headers: signedHeaders(body, 'application/json'),
        statuses: [200],
      };
    });

  const events = fc
    .tuple(fc.constantFrom(...injections), fc.string({ maxLength: 10 }), fc.boolean())
    .map(([[text, marker], noise, inChannel]): SlackCase => {
      const channel = channelOf(inChannel ? 'C' : 'D');
      const event = inChannel
        ? appMention({ channel, user: 'U0CORPUS', ts: newTs(), text: `<@U0LAN0Z89> ${noise}${text}` })
        : imMessage({ channel, user: 'U0CORPUS', text: `${noise}${text}` });
      const body = JSON.stringify(event);
      return {
        kind: 'signed events with markup typed in',
        body,
        headers: signedHeaders(body, 'application/json'),
        statuses: [200],
        channel,
        markers: [marker],
      };
    });

  const clicks = fc
    .oneof(
      fc
        .record({
          question: fc.oneof(fc.constantFrom(...questionIds), fc.string({ maxLength: 12 })),
          answer: fc.jsonValue({ maxDepth: 1 }),
        })
        .map((v) => JSON.stringify(v)),
      fc.string({ maxLength: 60 }),
      fc.constantFrom(
        '<!channel>',
        '{"question":"scenario","answer":"<!here>"}',
        '{"__proto__":{"polluted":true}}',
      ),
    )
    .map((value): SlackCase => {
      const channel = channelOf('D');
      const payload = blockActions({
        user: 'U0CORPUS',
        channel,
        messageTs: newTs(),
        button: { action_id: 'answer', value, text: 'x' },
      });
      const body = form(JSON.stringify(payload));
      return {
        kind: 'signed clicks with unknown values',
        body,
        headers: signedHeaders(body, 'application/x-www-form-urlencoded'),
        statuses: [200],
        markers: ['<!channel>', '<!here>'],
      };
    });

  return [unsigned, garbage, otherJson, events, clicks];
}

const counts = [70, 50, 50, 70, 40];

/** The seeded corpus for /api/slack/events: 280 requests. */
export function slackCorpus(seed: number): SlackCase[] {
  return kinds().flatMap((arb, i) => fc.sample(arb, { seed: seed + i, numRuns: counts[i]! }));
}

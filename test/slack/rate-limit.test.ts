import { pathway } from '../../src/content';
import { readConfig } from '../../src/config';
import { buildApp, type App } from '../../src/server';
import { nowSeconds, signature, signingSecret, startFakeSlack, waitFor, type FakeSlack } from './fake-slack';
import { imMessage } from './slack-payloads';

let slack: FakeSlack;
let app: App;
let url: string;

beforeAll(async () => {
  slack = await startFakeSlack();
  app = await buildApp(
    readConfig({
      STORAGE: 'memory',
      SLACK_SIGNING_SECRET: signingSecret,
      SLACK_BOT_TOKEN: 'xoxb-test',
      SLACK_API_URL: slack.url,
      LOG_LEVEL: 'silent',
    }),
  );
  await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', () => resolve()));
  url = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
});

afterAll(async () => {
  await app.close();
  await slack.close();
});

async function postEvent(body: unknown): Promise<number> {
  const raw = JSON.stringify(body);
  const ts = nowSeconds();
  const res = await fetch(`${url}/api/slack/events`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-slack-request-timestamp': String(ts),
      'x-slack-signature': signature(raw, ts),
    },
    body: raw,
  });
  return res.status;
}

const postsTo = (channel: string) =>
  slack.calls.filter((c) => c.method === 'chat.postMessage' && c.channel === channel);

describe('Slack rate limits', () => {
  it('waits out a 429 (Retry-After: 1) and posts the reply once, late rather than never', async () => {
    const dm = 'D0RATELIM1';
    slack.rateLimit('chat.postMessage', 1, 1);
    expect(await postEvent(imMessage({ channel: dm, user: 'U0RATELIM', text: 'start' }))).toBe(200);
    const question = await waitFor(
      () => postsTo(dm).find((c) => c.blocks.some((b) => b.type === 'actions')),
      'the first question after the rate limit',
      10_000,
    );
    expect(slack.limited).toEqual(['chat.postMessage']);
    // The welcome that met the 429 was posted once, after it, and the consult went on from there.
    const welcomes = postsTo(dm).filter((c) => c.text.includes(pathway.welcome.slice(0, 30)));
    expect(welcomes).toHaveLength(1);
    expect(postsTo(dm).indexOf(welcomes[0]!)).toBeLessThan(postsTo(dm).indexOf(question));
    expect(JSON.stringify(question.blocks)).toContain(pathway.questions[0]!.prompt.slice(0, 30));
  });
});

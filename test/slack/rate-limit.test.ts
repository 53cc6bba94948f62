import { pathway } from '../../src/content';
import { signedHeaders, useSlackServer, waitFor } from '../support/fake-slack';
import { imMessage } from '../support/slack-payloads';

const running = useSlackServer();
const server = () => running().server;
const slack = () => running().slack;

async function postEvent(body: unknown): Promise<number> {
  const raw = JSON.stringify(body);
  const res = await fetch(`${server().url}/api/slack/events`, {
    method: 'POST',
    headers: signedHeaders(raw, 'application/json'),
    body: raw,
  });
  return res.status;
}

const postsTo = (channel: string) =>
  slack().calls.filter((c) => c.method === 'chat.postMessage' && c.channel === channel);

describe('Slack rate limits', () => {
  it('waits out a 429 (Retry-After: 1) and posts the reply once, late rather than never', async () => {
    const dm = 'D0RATELIM1';
    slack().rateLimit('chat.postMessage', 1, 1);
    expect(await postEvent(imMessage({ channel: dm, user: 'U0RATELIM', text: 'start' }))).toBe(200);
    const question = await waitFor(
      () => postsTo(dm).find((c) => c.blocks.some((b) => b.type === 'actions')),
      'the first question after the rate limit',
      10_000,
    );
    expect(slack().limited).toEqual(['chat.postMessage']);
    // The welcome that met the 429 was posted once, after it, and the consult went on from there.
    const welcomes = postsTo(dm).filter((c) => c.text.includes(pathway.welcome.slice(0, 30)));
    expect(welcomes).toHaveLength(1);
    expect(postsTo(dm).indexOf(welcomes[0]!)).toBeLessThan(postsTo(dm).indexOf(question));
    expect(JSON.stringify(question.blocks)).toContain(pathway.questions[0]!.prompt.slice(0, 30));
  });
});

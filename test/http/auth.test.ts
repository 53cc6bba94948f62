import { activity, startServer, type Running } from '../support/server';

// With Microsoft credentials every request must carry a Bot Framework token; the server checks it
// itself (src/bot/adapter.ts), so a request without one must not reach a turn.
let server: Running;
beforeAll(async () => {
  server = await startServer({
    MicrosoftAppId: '00000000-0000-0000-0000-000000000001',
    MicrosoftAppPassword: 'not-a-real-secret',
    MicrosoftAppType: 'MultiTenant',
    TRAINING_LEARNER_KEY: 'a-learner-key-of-some-length',
  });
});
afterAll(() => server.close());

async function postWith(authorization: string | undefined) {
  const res = await fetch(`${server.url}/api/messages`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(authorization === undefined ? {} : { authorization }),
    },
    body: JSON.stringify(
      activity({ channelId: 'msteams', conversation: { id: 'auth-1' } as never, text: 'start' }),
    ),
  });
  return { status: res.status, body: (await res.json()) as { activities?: unknown; error?: string } };
}

describe('/api/messages with Microsoft credentials', () => {
  it.each([
    ['no Authorization header', undefined],
    ['a header that is not a token', 'Bearer not-a-token'],
    ['a token signed by nobody', `Bearer ${['e30', 'e30', 'x'].join('.')}`],
  ])('refuses %s with 401, and starts no consult', async (_what, authorization) => {
    const { status, body } = await postWith(authorization);
    expect(status).toBe(401);
    expect(body.activities).toBeUndefined();
    expect(body.error).toMatch(/not authenticated/);
    expect(await server.app.store.load('msteams:auth-1')).toBeUndefined();
  });
});

import type { Activity } from '../support/server';
import { tryAgainNote } from '../../src/view/strings';
import type { ConsultStore } from '../../src/store/store';
import { startConnector } from '../support/connector';
import { activity, post, type Running, startServer } from '../support/server';
import { plainTextOf } from '../support/plain-text';

let server: Running;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

/** What the Azure SDK throws when the storage account cannot be reached (after its retries). */
function unreachable(): Error {
  return Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:10000'), {
    name: 'RestError',
    code: 'ECONNREFUSED',
  });
}

/** Runs `work` with every store call failing as an unreachable store does. */
async function storeDown<T>(work: () => Promise<T>): Promise<T> {
  const store = server.app.store;
  const saved = {
    load: store.load,
    save: store.save,
    firstDelivery: store.firstDelivery,
  };
  const fail = async () => {
    throw unreachable();
  };
  Object.assign(store, {
    load: fail,
    save: fail,
    firstDelivery: fail,
  } satisfies Partial<ConsultStore>);
  try {
    return await work();
  } finally {
    Object.assign(store, saved);
  }
}

const texts = (replies: Partial<Activity>[]) => replies.map(plainTextOf).join('\n');

describe('a turn while the store is down', () => {
  it('answers "try again in a moment" (200, no stack), and the consult goes on when the store is back', async () => {
    const conversation = { id: 'outage-1' } as Activity['conversation'];
    const say = (text: string) => post(server.url, activity({ conversation, text }));
    await say('start');
    await say('1');
    const down = await storeDown(() => say('none'));
    expect(down.status).toBe(200);
    expect(texts(down.activities)).toBe(tryAgainNote);
    expect(JSON.stringify(down.activities)).not.toMatch(/ECONNREFUSED|\s+at /);
    const summary = texts((await say('summary')).activities);
    expect(summary).toContain('Consult type: New symptom, metastases suspected');
    expect(summary).not.toContain('Emergency signs');
    expect(texts((await say('none')).activities)).toContain('Is the symptom');
  });

  it('tells a Teams user the same through the Bot Connector, and answers Teams 200', async () => {
    const connector = await startConnector();
    try {
      const res = await storeDown(() =>
        fetch(`${server.url}/api/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(
            activity({
              channelId: 'msteams',
              serviceUrl: connector.url,
              deliveryMode: undefined,
              conversation: {
                id: 'a:outage-teams',
                conversationType: 'personal',
              } as Activity['conversation'],
              text: 'start',
            }),
          ),
        }),
      );
      expect(res.status).toBe(200);
      expect(connector.calls.map((c) => c.body.text)).toEqual([tryAgainNote]);
    } finally {
      await connector.close();
    }
  });
});

import type { Activity } from 'botbuilder';

/** The Bot Framework activity the tests post and read: botbuilder's type, named here once for every test. */
export type { Activity };
import { readConfig } from '../../src/config';
import type { Logger } from '../../src/log';
import { buildApp, type App } from '../../src/server';

export interface Running {
  app: App;
  url: string;
  close: () => Promise<void>;
}

/** The real server (restify + CloudAdapter, local mode) on a free loopback port; silent unless given a logger. */
export async function startServer(env: Record<string, string> = {}, log?: Logger): Promise<Running> {
  const app = await buildApp(readConfig({ STORAGE: 'memory', LOG_LEVEL: 'silent', ...env }), log);
  await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = app.server.address() as { port: number };
  return { app, url: `http://127.0.0.1:${port}`, close: () => app.close() };
}

let counter = 0;

/** A message activity as a Bot Framework client posts it, asking for the replies in the response. */
export function activity(overrides: Partial<Activity> = {}): Partial<Activity> {
  counter++;
  return {
    type: 'message',
    id: `act-${process.pid}-${counter}`,
    channelId: 'emulator',
    serviceUrl: 'http://127.0.0.1:9/',
    conversation: { id: 'conv-1' } as Activity['conversation'],
    from: { id: 'user-1', name: 'Dr Test' },
    recipient: { id: 'bot-1', name: 'bcbm' },
    deliveryMode: 'expectReplies',
    timestamp: new Date(),
    ...overrides,
  };
}

export async function post(
  url: string,
  body: unknown,
): Promise<{ status: number; activities: Partial<Activity>[] }> {
  const res = await fetch(`${url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  const json = text ? (JSON.parse(text) as { activities?: Partial<Activity>[] }) : {};
  return { status: res.status, activities: json.activities ?? [] };
}

/** The card data of the button with this answer on the last question card in the replies. */
export function buttonData(
  replies: Partial<Activity>[],
  answer: string,
): Record<string, unknown> | undefined {
  for (const a of [...replies].reverse()) {
    const actions = (
      a.attachments?.[0]?.content as { actions?: { data?: Record<string, unknown> }[] } | undefined
    )?.actions;
    const hit = actions?.find((x) => x.data?.answer === answer);
    if (hit) return hit.data;
  }
  return undefined;
}

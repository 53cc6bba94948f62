import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BlobServiceClient } from '@azure/storage-blob';
import Database from 'better-sqlite3';
import type { ActionsBlock, Button } from '@slack/web-api';
import type { Activity } from '../support/server';
import { useAzurite } from '../support/azurite';
import { startConnector, type ConnectorCall } from '../support/connector';
import { signedHeaders, slackEnv, startFakeSlack, waitFor, type FakeSlack } from '../support/fake-slack';
import { appMention, blockActions, botUser, newTs } from '../support/slack-payloads';
import { startServer, type Running } from '../support/server';
import { alice, bob, teamsBot, tenant } from '../support/teams-people';

/**
 * Consults in a Teams group chat and a Slack thread, each answered by two clinicians, then every row the store
 * holds read back: no display name and no channel user id anywhere (consults are kept for months).
 */
const azurite = useAzurite();
const dir = mkdtempSync(join(tmpdir(), 'bcbm-names-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const bot = teamsBot;
// Slack: the fake's users.info names a user "Dr <id>"; Carol's lookup fails.
const dan = 'U0DANNAMED';
const carol = 'U0CAROLNONAME';

/** Everything that identifies the clinicians: what must be in no stored row. */
const identifying = [alice.name, bob.name, alice.id, bob.id, alice.aadObjectId, bob.aadObjectId, dan, carol];

const stores: [string, () => Record<string, string>, (server: Running) => Promise<string>][] = [
  [
    'SQLite',
    () => ({ STORAGE: 'sqlite', DATA_DIR: dir }),
    async () => {
      const db = new Database(join(dir, 'consults.sqlite'), { readonly: true });
      try {
        const tables = db
          .prepare<[], { name: string }>("select name from sqlite_master where type = 'table'")
          .all();
        return JSON.stringify(tables.map((t) => db.prepare(`select * from "${t.name}"`).all()));
      } finally {
        db.close();
      }
    },
  ],
  [
    'Azure Blob',
    () => ({
      STORAGE: 'blob',
      AZURE_STORAGE_CONNECTION_STRING: azurite().connectionString,
      AZURE_STORAGE_CONTAINER: 'names',
    }),
    async () => {
      const container = BlobServiceClient.fromConnectionString(azurite().connectionString).getContainerClient(
        'names',
      );
      const rows: string[] = [];
      for await (const blob of container.listBlobsFlat())
        rows.push(blob.name, (await container.getBlobClient(blob.name).downloadToBuffer()).toString('utf8'));
      return rows.join('\n');
    },
  ],
];

describe.each(stores)('the %s store after shared consults', (_name, settings, everyRow) => {
  let server: Running;
  let slack: FakeSlack;
  let connector: Awaited<ReturnType<typeof startConnector>>;
  beforeAll(async () => {
    slack = await startFakeSlack();
    slack.nameless.add(carol);
    connector = await startConnector();
    server = await startServer({ ...settings(), ...slackEnv(slack.url) });
  });
  afterAll(async () => {
    await server.close();
    await slack.close();
    await connector.close();
  });

  let n = 0;
  async function teams(from: typeof alice, fields: Partial<Activity>): Promise<ConnectorCall[]> {
    const before = connector.calls.length;
    const res = await fetch(`${server.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'message',
        id: `f:${1600000000000 + ++n}`,
        timestamp: new Date(),
        channelId: 'msteams',
        serviceUrl: connector.url,
        from,
        recipient: bot,
        conversation: {
          id: '19:names-group@thread.v2',
          conversationType: 'groupChat',
          isGroup: true,
          tenantId: tenant.id,
        },
        channelData: { tenant },
        ...fields,
      }),
    });
    expect(res.status).toBe(200);
    return connector.calls.slice(before);
  }
  const buttonsOf = (calls: ConnectorCall[]) =>
    calls.flatMap(
      (c) =>
        (c.body.attachments as { content: { actions?: { data: unknown }[] } }[] | undefined)?.[0]?.content
          .actions ?? [],
    );

  async function slackClick(
    channel: string,
    thread: string,
    user: string,
    question: { postedTs?: string; blocks: unknown[] },
  ) {
    const button = (question.blocks as ActionsBlock[]).filter((b) => b.type === 'actions')[0]!
      .elements[0] as Button;
    const body = new URLSearchParams({
      payload: JSON.stringify(
        blockActions({
          user,
          channel,
          messageTs: question.postedTs!,
          threadTs: thread,
          button: { action_id: button.action_id!, value: button.value!, text: button.text.text },
        }),
      ),
    }).toString();
    const res = await fetch(`${server.url}/api/slack/events`, {
      method: 'POST',
      headers: signedHeaders(body, 'application/x-www-form-urlencoded'),
      body,
    });
    expect(res.status).toBe(200);
    return waitFor(
      () => slack.calls.find((c) => c.method === 'chat.update' && c.ts === question.postedTs),
      'the update',
    );
  }

  it('holds no display name and no channel user id in any row', async () => {
    // Teams group chat: Alice starts, Alice and Bob answer in turn (card clicks).
    let sent = await teams(alice, {
      text: `<at>${bot.name}</at> start`,
      entities: [{ type: 'mention', mentioned: bot, text: `<at>${bot.name}</at>` }],
    });
    for (const who of [alice, bob, alice]) {
      const [first] = buttonsOf(sent);
      sent = await teams(who, {
        type: 'invoke',
        name: 'adaptiveCard/action',
        value: { action: { type: 'Action.Execute', verb: 'answer', data: first!.data } },
      });
    }

    // A Slack thread: Dan (named) and Carol (whose name cannot be looked up) answer in turn.
    const channel = 'C0NAMES001';
    const thread = newTs();
    const mention = JSON.stringify(
      appMention({ channel, user: dan, ts: thread, text: `<@${botUser}> start` }),
    );
    await fetch(`${server.url}/api/slack/events`, {
      method: 'POST',
      headers: signedHeaders(mention, 'application/json'),
      body: mention,
    });
    const questions = () =>
      slack.calls.filter(
        (c) =>
          c.method === 'chat.postMessage' &&
          c.thread_ts === thread &&
          c.blocks.some((b) => b.type === 'actions'),
      );
    for (const [i, who] of [dan, carol, dan].entries()) {
      const question = await waitFor(() => questions()[i], `question ${i + 1}`);
      const update = await slackClick(channel, thread, who, question);
      // Shown: Dan's own answers with his name; never Carol's user id in place of a name.
      expect(update.text).not.toContain(carol);
      if (who === dan) expect(update.text).toContain(`Dr ${dan}`);
    }
    await waitFor(() => questions()[3], 'question 4');
    await server.app.idle();

    const rows = await everyRow(server);
    expect(rows.length).toBeGreaterThan(1000); // the consults are there, in full
    for (const id of identifying) expect(rows).not.toContain(id);
    expect(rows).not.toMatch(/Dr U0/);
  });
});

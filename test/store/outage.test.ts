import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Activity } from '../support/server';
import { tryAgainNote } from '../../src/view/strings';
import { startAzurite, type Azurite } from '../../tools/azurite';
import { startBot, type BotProcess } from '../support/bot-process';
import { activity, post } from '../support/server';
import { plainTextOf } from '../support/plain-text';

/** The bot on Azure Blob while Azurite (on a data folder) is stopped and started again. */
const location = mkdtempSync(join(tmpdir(), 'bcbm-azurite-'));
let azurite: Azurite;
let bot: BotProcess;
beforeAll(async () => {
  azurite = await startAzurite({ location });
  bot = await startBot({
    STORAGE: 'blob',
    AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString,
    AZURE_STORAGE_CONTAINER: 'outage',
  });
}, 60000);
afterAll(async () => {
  bot?.child.kill('SIGKILL');
  await bot?.exited;
  await azurite?.stop();
  rmSync(location, { recursive: true, force: true });
});

const conversation = { id: 'outage-1' } as Activity['conversation'];
const say = async (text: string) => {
  const res = await post(bot.url, activity({ conversation, text }));
  return { status: res.status, text: res.activities.map(plainTextOf).join('\n') };
};

describe('a store outage', () => {
  it('is told apart at /readyz and to the user, loses nothing saved, and the consult goes on once the store is back', async () => {
    await say('start');
    await say('1');
    expect((await say('No')).text).toContain('seizure');
    expect((await fetch(`${bot.url}/readyz`)).status).toBe(200);

    await azurite.stop({ graceful: true });
    expect((await fetch(`${bot.url}/readyz`)).status).toBe(503);
    const during = await say('Yes');
    expect(during.status).toBe(200);
    expect(during.text).toContain(tryAgainNote);

    azurite = await startAzurite({ location, port: azurite.port });
    expect((await fetch(`${bot.url}/readyz`)).status).toBe(200);
    const summary = (await say('summary')).text;
    expect(summary).toContain('Consult type: New symptom, metastases suspected');
    expect(summary).toContain('Emergency signs: No');
    expect(summary).not.toContain('Seizure:');
    expect((await say('Yes')).text).toContain('gadolinium');
  }, 60000);
});

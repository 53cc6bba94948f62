import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { readConfig } from '../src/config';

describe('configuration', () => {
  it('defaults to local mode on loopback port 3978 with the embedded SQLite store', () => {
    const c = readConfig({});
    expect(c).toMatchObject({
      PORT: 3978,
      host: '127.0.0.1',
      localMode: true,
      STORAGE: 'sqlite',
      DATA_DIR: './data',
    });
    expect(c.slack).toBeUndefined();
  });

  it('listens on all interfaces once Microsoft credentials are set', () => {
    const c = readConfig({
      MicrosoftAppId: '6f1c2b9e-0d41-4c1a-9d8e-2f4a5b6c7d8e',
      MicrosoftAppPassword: 'secret',
      MicrosoftAppType: 'SingleTenant',
      MicrosoftAppTenantId: 't',
      TRAINING_LEARNER_KEY: 'a-long-random-production-key',
    });
    expect(c).toMatchObject({ localMode: false, host: '0.0.0.0' });
  });

  it.each([
    [{ PORT: 'eighty' }, /PORT/],
    [{ STORAGE: 'redis' }, /STORAGE/],
    [{ STORAGE: 'blob' }, /AZURE_STORAGE_CONNECTION_STRING/],
    [{ SLACK_BOT_TOKEN: 'xoxb-1' }, /SLACK_SIGNING_SECRET/],
    [{ SLACK_API_URL: 'not a url', SLACK_BOT_TOKEN: 'x', SLACK_SIGNING_SECRET: 'y' }, /SLACK_API_URL/],
    [{ SLACK_BOT_TOKEN: 'x', SLACK_SIGNING_SECRET: 'y' }, /TRAINING_LEARNER_KEY: required when Slack is on/],
    [{ MicrosoftAppId: 'abc' }, /MicrosoftAppPassword/],
    [
      { MicrosoftAppId: 'abc', MicrosoftAppPassword: 'p', MicrosoftAppType: 'SingleTenant' },
      /MicrosoftAppTenantId/,
    ],
    [{ HOST: '0.0.0.0' }, /HOST: local mode/],
    [{ MicrosoftAppId: 'abc', MicrosoftAppPassword: 'p' }, /TRAINING_LEARNER_KEY: required/],
    [{ TRAINING_LEARNER_KEY: 'short' }, /TRAINING_LEARNER_KEY/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL/],
    [
      { TRAINING_EDUCATORS: 'UEDUCAT01, alice@example.org' },
      /^invalid setting TRAINING_EDUCATORS: entry 2 is neither a Teams AAD object id \(a GUID\) nor a Slack member id/,
    ],
  ])('refuses %j with a message naming the setting', (env, message) => {
    expect(() => readConfig(env)).toThrow(message);
  });

  it('reads TRAINING_EDUCATORS as Teams AAD object ids and Slack member ids, and prints no id when one is bad', () => {
    const guid = 'B130C271-D2EB-45F9-83AB-9EB3FE3788BC';
    expect(readConfig({ TRAINING_EDUCATORS: ` ${guid},UEDUCAT01;W0123ABCD ` }).TRAINING_EDUCATORS).toEqual([
      `msteams:${guid.toLowerCase()}`,
      'slack:UEDUCAT01',
      'slack:W0123ABCD',
    ]);
    expect(readConfig({}).TRAINING_EDUCATORS).toEqual([]);
    expect(() => readConfig({ TRAINING_EDUCATORS: 'dr.who' })).toThrow(/^[^\n]*entry 1 [^\n]*$/);
    expect(() => readConfig({ TRAINING_EDUCATORS: 'dr.who' })).not.toThrow(/dr\.who/);
  });

  it('stops the bot at start with one clear line, never half-configured', () => {
    const run = spawnSync(process.execPath, [join(__dirname, '../dist/src/index.js')], {
      env: { ...process.env, PORT: 'eighty', NODE_OPTIONS: '--no-deprecation' },
      encoding: 'utf8',
      timeout: 20000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^bcbm-consult: invalid setting PORT: /),
    ]);
  });
});

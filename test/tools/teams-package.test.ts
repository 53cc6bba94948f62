import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { PNG } from 'pngjs';
import {
  appIdPlaceholder,
  buildManifest,
  checkIcon,
  packageTeamsApp,
  readAppId,
  readTemplate,
  teamsManifestDir,
  validateManifest,
  type TeamsManifest,
} from '../../tools/teams-package';

// @microsoft/app-manifest requires strip-bom 5, an ES module. Node 20.19+ loads it with require(esm), but
// jest's module loader cannot before Node 24.9. Only the package's file readers use it, which we do not.
jest.mock('strip-bom', () => ({ __esModule: true, default: (text: string) => text.replace(/^\uFEFF/, '') }));

const appId = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
const dir = teamsManifestDir();
const icon = (file: string) => PNG.sync.read(readFileSync(join(dir, file)));

/**
 * The chat commands of the contract (`consult` is an alias of `start`; `details` is for channels that
 * cannot fold sections, which Teams can), at most 10 per scope as Teams allows.
 */
const chatCommands = [
  'start',
  'restart',
  'back',
  'why',
  'summary',
  'help',
  'note',
  'change',
  'train',
  'score',
];

let fetchSpy: jest.SpyInstance;
beforeEach(() => {
  // Validation must be offline: any attempt to fetch a schema fails the test.
  fetchSpy = jest.spyOn(globalThis, 'fetch').mockRejectedValue(new Error('network used'));
});
afterEach(() => {
  expect(fetchSpy).not.toHaveBeenCalled();
  fetchSpy.mockRestore();
});

describe('the Teams manifest', () => {
  const manifest = buildManifest(appId);
  const bot = manifest.bots?.[0];

  it('passes its JSON schema offline once the bot id is filled in', async () => {
    expect(manifest.$schema).toBe(
      `https://developer.microsoft.com/json-schemas/teams/v${manifest.manifestVersion}/MicrosoftTeams.schema.json`,
    );
    await expect(validateManifest(manifest)).resolves.toEqual([]);
  });

  it('is a template that fails the schema only at the bot id until it is filled in', async () => {
    const template = JSON.parse(readTemplate()) as TeamsManifest;
    expect(template.bots?.[0]?.botId).toBe(appIdPlaceholder);
    const errors = await validateManifest(template);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.every((e) => e.includes('/bots/0/botId'))).toBe(true);
  });

  it('is rejected when the bot id is missing or a scope is not one Teams knows', async () => {
    const broken = structuredClone(manifest) as unknown as { bots: Record<string, unknown>[] };
    const brokenBot = broken.bots[0] as Record<string, unknown>;
    delete brokenBot.botId;
    brokenBot.scopes = ['personal', 'everywhere'];
    const errors = (await validateManifest(broken)).join('\n');
    expect(errors).toMatch(/\/bots\/0 must have required property 'botId'/);
    expect(errors).toMatch(/\/bots\/0\/scopes\/1 must be equal to one of the allowed values/);
  });

  it('is rejected when its schema version is not bundled, rather than fetching one', async () => {
    const unknown = {
      ...manifest,
      $schema: 'https://developer.microsoft.com/json-schemas/teams/v9.99/x.json',
    };
    await expect(validateManifest(unknown)).rejects.toThrow(/not bundled/);
  });

  it('puts the Microsoft App ID in the one bot and keeps the app id fixed', () => {
    expect(manifest.bots).toHaveLength(1);
    expect(bot?.botId).toBe(appId);
    expect(manifest.id).toMatch(/^[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$/);
    expect(manifest.id).toBe(buildManifest('00000000-0000-0000-0000-000000000001').id);
    expect(manifest.version).toBe('1.0.0');
  });

  it('asks Teams for no more than a conversational bot needs', () => {
    expect(bot?.scopes).toEqual(['personal', 'team', 'groupChat']);
    expect(bot?.supportsFiles).toBe(false);
    expect(bot?.isNotificationOnly).toBe(false);
    expect(manifest.permissions).toBeUndefined();
    expect(manifest.authorization).toBeUndefined();
    expect(manifest.webApplicationInfo).toBeUndefined();
    expect(manifest.devicePermissions).toBeUndefined();
    expect(manifest.validDomains ?? []).toEqual([]);
  });

  it('lists exactly the chat commands of the case model in every scope', () => {
    const lists = bot?.commandLists ?? [];
    expect(lists.flatMap((l) => l.scopes).sort()).toEqual(['groupChat', 'personal', 'team']);
    for (const list of lists) {
      expect(list.commands.map((c) => c.title)).toEqual(chatCommands);
      for (const c of list.commands) expect(c.description.length).toBeLessThanOrEqual(80);
    }
  });

  it('links the developer pages over https and says it is decision support that asks for no identifiers', () => {
    const { websiteUrl, privacyUrl, termsOfUseUrl } = manifest.developer;
    for (const url of [websiteUrl, privacyUrl, termsOfUseUrl]) expect(url).toMatch(/^https:\/\//);
    expect(manifest.description.full).toMatch(/does not replace clinical judgement/);
    expect(manifest.description.full).toMatch(/no patient identifiers/);
    expect(manifest.description.full).toMatch(/one question at a time/);
  });
});

describe('the MicrosoftAppId setting', () => {
  it('is accepted when it is a GUID', () => {
    expect(readAppId({ MicrosoftAppId: appId })).toBe(appId);
  });

  it('stops packaging with one line naming it when it is missing or not a GUID', () => {
    expect(() => readAppId({})).toThrow(/^MicrosoftAppId is not set[^\n]*$/);
    expect(() => readAppId({ MicrosoftAppId: '' })).toThrow(/^MicrosoftAppId is not set/);
    expect(() => readAppId({ MicrosoftAppId: 'my-bot' })).toThrow(/^MicrosoftAppId is not a GUID[^\n]*$/);
    expect(() => buildManifest('{{MicrosoftAppId}}')).toThrow(/MicrosoftAppId/);
  });
});

describe('the icons', () => {
  it('are a 192x192 colour PNG and a 32x32 outline PNG, both RGBA', () => {
    const color = icon('color.png');
    const outline = icon('outline.png');
    expect([color.width, color.height, color.colorType, color.depth]).toEqual([192, 192, 6, 8]);
    expect([outline.width, outline.height, outline.colorType, outline.depth]).toEqual([32, 32, 6, 8]);
  });

  it('give the outline only white or fully transparent pixels, on a transparent background', () => {
    const { data, width } = icon('outline.png');
    const pixels = Array.from({ length: data.length / 4 }, (_, i) =>
      Array.from(data.subarray(i * 4, i * 4 + 4)),
    );
    for (const [r, g, b, a] of pixels) if (a !== 0) expect([r, g, b]).toEqual([255, 255, 255]);
    for (const corner of [0, width - 1, width * (width - 1), width * width - 1])
      expect(pixels[corner]?.[3]).toBe(0);
    expect(pixels.filter(([, , , a]) => a === 255).length).toBeGreaterThan(50);
    expect(pixels.filter(([, , , a]) => a === 0).length).toBeGreaterThan(pixels.length / 2);
  });

  it('give the colour icon an opaque teal field with white in it', () => {
    const { data, width } = icon('color.png');
    const at = (x: number, y: number) =>
      Array.from(data.subarray((y * width + x) * 4, (y * width + x) * 4 + 4));
    expect(at(20, 96)).toEqual([0x0f, 0x76, 0x6e, 255]);
    expect(at(96, 96)).toEqual([0x0f, 0x76, 0x6e, 255]); // the cross
    expect(at(60, 96)).toEqual([255, 255, 255, 255]); // the bubble
  });

  it('are refused by the packager when a size is wrong or the outline has colour', () => {
    const outline = readFileSync(join(dir, 'outline.png'));
    expect(() => checkIcon('color', outline)).toThrow(/32x32; Teams needs 192x192/);
    expect(() => checkIcon('outline', outline)).not.toThrow();
    const coloured = icon('outline.png');
    // Paint every visible pixel's red channel out: the outline is no longer white.
    for (let i = 0; i < coloured.data.length; i += 4) if (coloured.data[i + 3]) coloured.data[i] = 0;
    expect(() => checkIcon('outline', PNG.sync.write(coloured))).toThrow(/white on transparent/);
  });
});

describe('the Teams app package', () => {
  let out: string;
  beforeAll(() => {
    out = mkdtempSync(join(tmpdir(), 'teams-package-'));
  });
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('is a zip with the filled manifest and both icons at its root', async () => {
    const { zipPath } = await packageTeamsApp(appId, out);
    expect(zipPath).toBe(join(out, 'bcbm-consult.zip'));
    const zip = await JSZip.loadAsync(readFileSync(zipPath));
    expect(Object.keys(zip.files).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const packed = JSON.parse((await zip.file('manifest.json')?.async('string')) ?? '{}') as TeamsManifest;
    expect(packed.bots?.[0]?.botId).toBe(appId);
    expect(JSON.stringify(packed)).not.toContain(appIdPlaceholder);
    await expect(validateManifest(packed)).resolves.toEqual([]);
    const color = await zip.file('color.png')?.async('uint8array');
    expect(color && Buffer.from(color).equals(readFileSync(join(dir, 'color.png')))).toBe(true);
  });

  it('comes out byte for byte the same when built twice', async () => {
    const first = readFileSync((await packageTeamsApp(appId, join(out, 'a'))).zipPath);
    const second = readFileSync((await packageTeamsApp(appId, join(out, 'b'))).zipPath);
    expect(first.equals(second)).toBe(true);
  });
});

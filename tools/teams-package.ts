import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { AppManifestUtils, type AppManifest, type TeamsManifestV1D25 } from '@microsoft/app-manifest';
import JSZip from 'jszip';
import { PNG } from 'pngjs';
import { z } from 'zod';
import { repoRoot } from './repo-root';

/**
 * Builds the Teams app package: manifest/teams/manifest.json with the bot's Microsoft App ID filled
 * in, validated offline against its JSON schema, zipped with the two icons. See docs/teams.md.
 * A tool, not part of the running bot: `npm run package:teams`.
 */

export type TeamsManifest = TeamsManifestV1D25.TeamsManifestV1D25;
type ManifestSchema = NonNullable<Parameters<typeof AppManifestUtils.validateAgainstSchema>[1]>;

/** The placeholder in manifest.json that packaging replaces with the Azure Bot's Microsoft App ID. */
export const appIdPlaceholder = '{{MicrosoftAppId}}';
export const zipName = 'bcbm-consult.zip';

/**
 * The two icons Teams asks for (manifest `icons`), sizes from the manifest schema's descriptions. The
 * PNGs are committed in manifest/teams/ (a white consult bubble holding a medical cross); an edited
 * icon only has to pass `checkIcon`.
 */
export const iconSpecs = {
  color: { file: 'color.png', size: 192 },
  outline: { file: 'outline.png', size: 32 },
} as const;

/** manifest/teams in the repository. */
export function teamsManifestDir(): string {
  return join(repoRoot(), 'manifest', 'teams');
}

const AppIdEnv = z.object({
  MicrosoftAppId: z.guid({
    error: (issue) =>
      issue.input === undefined || issue.input === ''
        ? "MicrosoftAppId is not set: set it to the Azure Bot registration's Microsoft App ID (a GUID)"
        : 'MicrosoftAppId is not a GUID: it must look like 00000000-0000-0000-0000-000000000000',
  }),
});

/** The Microsoft App ID from the environment; throws one line naming MicrosoftAppId if missing or malformed. */
export function readAppId(env: NodeJS.ProcessEnv = process.env): string {
  const result = AppIdEnv.safeParse(env);
  if (!result.success) throw new Error(result.error.issues[0]?.message ?? 'MicrosoftAppId is invalid');
  return result.data.MicrosoftAppId;
}

/** The manifest template (with the placeholder) as committed. */
export function readTemplate(dir: string = teamsManifestDir()): string {
  return readFileSync(join(dir, 'manifest.json'), 'utf8');
}

/** The manifest with `appId` as the bot's id. Pure apart from reading the template. */
export function buildManifest(appId: string, template: string = readTemplate()): TeamsManifest {
  const checked = readAppId({ MicrosoftAppId: appId });
  if (!template.includes(appIdPlaceholder))
    throw new Error(`manifest.json has no ${appIdPlaceholder} placeholder`);
  // The GUID holds only hex digits and dashes, so it is safe inside the JSON string it replaces.
  return JSON.parse(template.replaceAll(appIdPlaceholder, checked)) as TeamsManifest;
}

/**
 * The JSON schema a manifest's `$schema` names, from the copy bundled in @microsoft/app-manifest.
 * Never fetched: a schema that is not bundled is an error, so validation cannot touch the network.
 */
export function bundledSchema(schemaUrl: string | undefined): ManifestSchema {
  const prefix = 'https://developer.microsoft.com/json-schemas/teams/';
  if (!schemaUrl?.startsWith(prefix)) throw new Error(`manifest $schema must start with ${prefix}`);
  const packageRoot = dirname(require.resolve('@microsoft/app-manifest/package.json'));
  const file = join(packageRoot, 'build', 'json-schemas', 'teams', schemaUrl.slice(prefix.length));
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new Error(`manifest schema ${schemaUrl} is not bundled in @microsoft/app-manifest`);
  }
  // The same clean-up AppManifestUtils.fetchSchema applies (some schemas carry \a and \v escapes).
  return JSON.parse(text.replace(/\\a/g, '\\u0007').replace(/\\v/g, '\\u000b')) as ManifestSchema;
}

/** Schema errors for `manifest` (empty when it is valid), checked offline against its `$schema`. */
export async function validateManifest(manifest: unknown): Promise<string[]> {
  const candidate = manifest as AppManifest;
  return AppManifestUtils.validateAgainstSchema(candidate, bundledSchema(candidate.$schema));
}

/** Reads an icon and checks what the schema only describes: its size, and for the outline, white on transparent. */
export function checkIcon(kind: keyof typeof iconSpecs, png: Uint8Array): void {
  const { file, size } = iconSpecs[kind];
  const image = PNG.sync.read(Buffer.from(png));
  if (image.width !== size || image.height !== size) {
    throw new Error(`${file} is ${image.width}x${image.height}; Teams needs ${size}x${size}`);
  }
  if (kind === 'outline') {
    for (let i = 0; i < image.data.length; i += 4) {
      const [r, g, b, a] = image.data.subarray(i, i + 4);
      if (a !== 0 && (r !== 255 || g !== 255 || b !== 255)) {
        throw new Error(`${file} must be white on transparent; pixel ${i / 4} is ${r},${g},${b},${a}`);
      }
    }
  }
}

/**
 * Fills the bot id, validates the manifest and icons, and writes `<outDir>/bcbm-consult.zip` holding
 * manifest.json, color.png and outline.png at the zip root. Returns the zip path and the manifest.
 */
export async function packageTeamsApp(
  appId: string,
  outDir: string = join(teamsManifestDir(), 'build'),
  sourceDir: string = teamsManifestDir(),
): Promise<{ zipPath: string; manifest: TeamsManifest }> {
  const manifest = buildManifest(appId, readTemplate(sourceDir));
  const errors = await validateManifest(manifest);
  if (errors.length > 0) throw new Error(`manifest.json is not valid:\n  ${errors.join('\n  ')}`);

  // A fixed date keeps the zip byte-for-byte reproducible for the same inputs.
  const date = new Date('2026-01-01T00:00:00Z');
  const zip = new JSZip();
  zip.file('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`, { date });
  for (const kind of ['color', 'outline'] as const) {
    const file = manifest.icons[kind];
    const png = readFileSync(join(sourceDir, file));
    checkIcon(kind, png);
    zip.file(file, png, { date });
  }
  const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', platform: 'UNIX' });
  mkdirSync(outDir, { recursive: true });
  const zipPath = join(outDir, zipName);
  writeFileSync(zipPath, bytes);
  return { zipPath, manifest };
}

if (require.main === module) {
  (async () => {
    const { zipPath, manifest } = await packageTeamsApp(readAppId());
    console.log(`wrote ${zipPath}`);
    if (JSON.stringify(manifest.developer).includes('example.org')) {
      console.warn(
        'note: the developer links in manifest.json are placeholders; point them at your own pages',
      );
    }
  })().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : String(err));
    process.exitCode = 1;
  });
}

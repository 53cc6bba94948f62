import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..');

/**
 * `npm start`'s launcher (tools/start.mjs) in a project of its own: one source file, the real TypeScript from
 * node_modules. The real dist/ is left alone (other suites run it meanwhile).
 */
describe('the npm start launcher', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bcbm-launcher-'));
  beforeAll(() => {
    mkdirSync(join(dir, 'tools'));
    mkdirSync(join(dir, 'src'));
    copyFileSync(join(root, 'tools/start.mjs'), join(dir, 'tools/start.mjs'));
    symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
    const options = { outDir: 'dist', rootDir: '.', module: 'commonjs', target: 'ES2022', types: [] };
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: options, include: ['src'] }));
    writeFileSync(join(dir, 'tsconfig.build.json'), JSON.stringify({ extends: './tsconfig.json' }));
    writeFileSync(join(dir, 'src/index.ts'), "const greeting: string = 'bot ran';\nconsole.log(greeting);\n");
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const start = () => {
    const run = spawnSync(process.execPath, [join(dir, 'tools/start.mjs')], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    return { status: run.status, out: run.stdout, err: run.stderr };
  };

  /** Replaces the bot's one source, dated `aheadMs` from now (after any build made so far). */
  const edit = (source: string, aheadMs: number) => {
    writeFileSync(join(dir, 'src/index.ts'), source);
    const later = new Date(Date.now() + aheadMs);
    utimesSync(join(dir, 'src/index.ts'), later, later);
  };
  const greeting = (type: string, value: string) =>
    `const greeting: ${type} = '${value}';\nconsole.log(greeting);\n`;

  it('builds when there is no build, runs the bot, and builds again only when a source is newer', () => {
    const first = start();
    expect(first.err).toContain('building');
    expect(first.out).toBe('bot ran\n');

    const second = start();
    expect(second.err).not.toContain('building');
    expect(second.out).toBe('bot ran\n');

    edit(greeting('string', 'edited bot ran'), 5_000);
    const third = start();
    expect(third.err).toContain('building');
    expect(third.out).toBe('edited bot ran\n');
  }, 90_000);

  it('stops with the compiler errors when the build fails, and builds again at the next start', () => {
    edit(greeting('number', 'not a number'), 10_000);
    const failed = start();
    expect(failed.status).toBe(1);
    expect(failed.out).toContain('TS2322');
    expect(failed.out).not.toContain('not a number\n');
    expect(start().err).toContain('building');
  }, 90_000);
});

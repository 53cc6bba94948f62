// `npm start`: builds the bot if the build is missing or older than its sources, then runs it in this very
// process. npm runs this with `exec`, so the bot is npm's own child: the SIGTERM or Ctrl-C that npm forwards
// reaches the bot itself (with `npm run build && node ...` it reached only the shell, which died and left the
// bot running without a parent). Plain JavaScript: it has to run before anything is compiled.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, utimesSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const entry = join(root, 'dist/src/index.js');
/** What tsconfig.build.json compiles. */
const sourceDirs = ['src', 'machines', 'dialogs', 'tools', 'bench'];
const configs = ['tsconfig.json', 'tsconfig.build.json'];

function newestSource() {
  let newest = Math.max(...configs.map((f) => statSync(join(root, f)).mtimeMs));
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
    }
  };
  for (const dir of sourceDirs) if (existsSync(join(root, dir))) walk(join(root, dir));
  return newest;
}

if (!existsSync(entry) || statSync(entry).mtimeMs < newestSource()) {
  console.error('bcbm-consult: building (the sources changed since the last build)');
  const tsc = join(root, 'node_modules/typescript/bin/tsc');
  const build = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], {
    stdio: 'inherit',
  });
  if (build.status !== 0) {
    // tsc writes its output even when it reports errors: mark it old, so the next start builds again.
    if (existsSync(entry)) utimesSync(entry, 0, 0);
    console.error('bcbm-consult: the build failed (see above)');
    process.exit(1);
  }
}

await import(pathToFileURL(entry).href);

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { pathway } from '../src/content/index';
import { renderPathwayMarkdown } from './pathway-doc/document';
import { repoRoot } from './repo-root';

/** `npm run content:export`: writes docs/pathway.md, the review copy of the pathway (./pathway-doc/). */

if (require.main === module) {
  const file = join(repoRoot(), 'docs', 'pathway.md');
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, renderPathwayMarkdown(pathway));
  console.log(`wrote ${relative(process.cwd(), file) || file}`);
}

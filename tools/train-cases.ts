import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathway } from '../src/content';
import { training } from '../src/content/training-content';
import { generateCaseBank } from '../src/pathway/training-cases';
import { repoRoot } from './repo-root';

/** Where the generated bank lives: reviewed with the content, never edited by hand. */
export const caseBankPath = path.join(repoRoot(), 'src', 'content', 'bcbm', 'training-cases.json');

export function caseBankJson(): string {
  return `${JSON.stringify(generateCaseBank(pathway, training), null, 2)}\n`;
}

if (require.main === module) {
  writeFileSync(caseBankPath, caseBankJson());
  process.stdout.write(`wrote ${path.relative(process.cwd(), caseBankPath)}\n`);
}

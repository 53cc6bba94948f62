import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathway } from '../src/content';
import { caseModel, questionIds } from '../src/content/case-model';
import type { Pathway } from '../src/content/schema';
import { repoRoot } from './repo-root';

/**
 * Keeps the question table of docs/contract.md in step with src/content/case-model.ts:
 * `npm run contract:export` rewrites the table between the markers, from the case model's ids and
 * values and the content's names and labels; the prose around it is written by hand. A test fails
 * when the committed table is stale.
 */

/** The markers around the generated table; prettier leaves what is between them alone. */
export const tableStart =
  '<!-- contract:questions (npm run contract:export) -->\n<!-- prettier-ignore-start -->';
export const tableEnd = '<!-- prettier-ignore-end -->\n<!-- /contract:questions -->';

// A label is prose: keep it from closing a table cell or a code span.
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\s+/g, ' ').trim();

/** The table of question ids and answer values, one row per case-model id, in case-model order. */
export function questionTable(content: Pathway = pathway): string {
  const rows = questionIds.map((id) => {
    const question = content.questions.find((q) => q.id === id);
    const values = (caseModel[id] as readonly string[]).map((value) => {
      const label = question?.options.find((o) => o.value === value)?.label;
      return label ? `\`${value}\` (${cell(label)})` : `\`${value}\``;
    });
    const asks = question
      ? `${cell(question.short)}: ${cell(question.prompt)}`
      : '(not asked by this content)';
    return `| \`${id}\` | ${asks} | ${values.join(', ')} |`;
  });
  return ['| id | asks about | answer values |', '| --- | --- | --- |', ...rows].join('\n');
}

/** `doc` with the text between the markers replaced by the current table. */
export function withQuestionTable(doc: string, content: Pathway = pathway): string {
  const start = doc.indexOf(tableStart);
  const end = doc.indexOf(tableEnd);
  if (start < 0 || end < start) throw new Error('docs/contract.md has no question table markers');
  return `${doc.slice(0, start + tableStart.length)}\n${questionTable(content)}\n${doc.slice(end)}`;
}

/** docs/contract.md in the repository. */
export function contractDocPath(): string {
  return join(repoRoot(), 'docs', 'contract.md');
}

if (require.main === module) {
  const file = contractDocPath();
  const before = readFileSync(file, 'utf8');
  const after = withQuestionTable(before);
  if (after !== before) writeFileSync(file, after);
  console.log(`${after === before ? 'up to date' : 'wrote'}: ${relative(process.cwd(), file) || file}`);
}

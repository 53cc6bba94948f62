import { readFileSync } from 'node:fs';
import { caseModel, questionIds } from '../../src/content/case-model';
import { contractDocPath, questionTable, withQuestionTable } from '../../tools/contract-export';

const doc = readFileSync(contractDocPath(), 'utf8');

describe('docs/contract.md', () => {
  it('has the question table of the current case model and content', () => {
    // If this fails after a change to src/content/case-model.ts or the labels, run `npm run contract:export`.
    expect(doc).toBe(withQuestionTable(doc));
  });

  it('gives every question id one row listing every answer value, in case-model order', () => {
    const rows = questionTable().split('\n').slice(2);
    expect(rows.map((r) => /^\| `(\w+)` \|/.exec(r)?.[1])).toEqual(questionIds);
    rows.forEach((row, i) => {
      const values = row.split(' | ')[2] ?? '';
      const listed = [...values.matchAll(/`(\w+)`/g)].map((m) => m[1]);
      expect(listed).toEqual(caseModel[questionIds[i]!]);
    });
  });

  it('does not point at files outside the project', () => {
    expect(doc).not.toMatch(/\.\.\/shared/);
  });
});

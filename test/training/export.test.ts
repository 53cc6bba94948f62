import { existsSync, readFileSync } from 'node:fs';
import { training } from '../../src/content/training-content';
import { renderTraining, trainingDocPath } from '../../tools/training-export';

describe('docs/training.md (the review copy of trainee mode)', () => {
  const rendered = renderTraining();

  it('is up to date with the training content and the case bank', () => {
    const stale = 'docs/training.md is out of date: run `npm run train:export` and commit it';
    expect(existsSync(trainingDocPath()) ? 'present' : stale).toBe('present');
    expect(readFileSync(trainingDocPath(), 'utf8') === rendered ? 'fresh' : stale).toBe('fresh');
  });

  it('shows every option with its tag and what makes it the pathway’s choice', () => {
    for (const d of training.decisions)
      for (const o of d.options) expect(rendered).toContain(`(\`${o.value}\`) |`);
    expect(rendered).toContain('**harmful**: Phenytoin interacts with capecitabine');
    expect(rendered).toContain('| `srsOneToFour` |');
    expect(rendered).toContain('the key decision Systemic therapy is “Keep the current systemic therapy”');
  });
});

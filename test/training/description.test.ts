import { readFileSync } from 'node:fs';
import { pathway } from '../../src/content';
import { training } from '../../src/content/training-content';
import { describeCase } from '../../src/pathway/training-description';
import type { Entry } from '../../src/pathway/training-key';
import { caseBankPath } from '../../tools/train-cases';

const bank = JSON.parse(readFileSync(caseBankPath, 'utf8')) as { cases: { id: string; answers: Entry[] }[] };
/** Said in the first sentence (receptors, scenario) or by the age band, not by a phrase of their own. */
const framing = new Set(['scenario', 'age', 'hormoneReceptor', 'her2']);

describe('the case description a trainee reads', () => {
  it.each(bank.cases.map((c) => [c.id, c] as const))(
    'case %s states every answer the case was built from, in the content’s words',
    (id, c) => {
      const { opening, findings } = describeCase(pathway, training, id, c.answers);
      const text = `${opening} ${findings}`;
      const missing = c.answers.filter((e) => {
        if (framing.has(e.question)) return false;
        if (e.question === 'imagingResult' && e.answer === 'pending')
          return !text.includes(training.templates.pending);
        // An empty phrase is the content saying there is nothing to tell (no red flag).
        const said = training.templates.phrases[e.question]?.[e.answer];
        return said === undefined || (said !== '' && !text.includes(said));
      });
      expect(missing.map((e) => `${e.question}=${e.answer}`)).toEqual([]);
    },
  );
});

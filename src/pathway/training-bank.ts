import bank from '../content/bcbm/training-cases.json';
import type { Pathway } from '../content/schema';
import type { Training } from '../content/training-schema';
import type { QuestionId } from '../content/case-model';
import { describeCase, type CaseDescription } from './training-description';
import { caseKey, type DecisionKey } from './training-key';

/** A case ready to play: its description and the decisions it asks, each with exactly one right option. */
export interface PlayableCase {
  id: string;
  description: CaseDescription;
  decisions: DecisionKey[];
}

/** The generated bank (src/content/bcbm/training-cases.json), with each case's key computed from the consult. */
export function loadCases(content: Pathway, training: Training): PlayableCase[] {
  const cases = bank.cases.map((c) => {
    const answers = c.answers as { question: QuestionId; answer: string }[];
    return {
      id: c.id,
      description: describeCase(content, training, c.id, answers),
      // A decision the content cannot key uniquely is not asked (the case-bank test names it).
      decisions: caseKey(content, training, answers).filter((k) => k.right.length === 1),
    };
  });
  // A case the statechart no longer finishes (a pathway change since the bank was generated) asks nothing.
  return cases.filter((c) => c.decisions.length > 0);
}

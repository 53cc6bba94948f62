import { z } from 'zod';
import { isQuestionId, type QuestionId } from '../src/content/case-model';
import { feedbackReasons } from '../src/view/feedback';

/** A stored answerer: 16 hex digits of a keyed hash (see dialogs/answerers.ts). */
const isPseudonym = (by: string) => /^[0-9a-f]{16}$/.test(by);

/**
 * Who answered. Versions before pseudonyms stored a display name (or a Slack user id) here: it is dropped
 * as it is read, so it is never shown as a name, and it is gone from the store with the next write.
 */
const by = z
  .string()
  .optional()
  .transform((b) => (b !== undefined && isPseudonym(b) ? b : undefined));

/**
 * Records saved before the counter was named for what it is called it `step`: read as `revision`, and
 * written under the new name with the consult's next change.
 */
function fromOlderShape(stored: unknown): unknown {
  if (typeof stored !== 'object' || stored === null || 'revision' in stored || !('step' in stored))
    return stored;
  const { step, ...rest } = stored as Record<string, unknown>;
  return { ...rest, revision: step };
}

/** What is stored per conversation: the snapshot, the machine's version and the answer log. */
const Shape = z.object({
  schema: z.literal(1),
  consultId: z.string().min(1),
  machineVersion: z.string().min(1),
  contentVersion: z.string().min(1),
  /**
   * Counts the consult's changes (answers, undos, changes): a card carries the revision it was drawn at
   * (as `step`, the contract's name), so a click on an older card is told apart from an answer to this one.
   */
  revision: z.number().int().nonnegative(),
  log: z.array(
    z.object({
      question: z.string().refine(isQuestionId),
      answer: z.string(),
      by,
    }),
  ),
  snapshot: z.unknown(),
  /** `change`: the question being asked again, until it is answered. */
  changing: z.string().refine(isQuestionId).optional(),
  /** After a change: earlier answers the statechart has not reached again yet, replayed as it does. */
  held: z.array(z.object({ question: z.string().refine(isQuestionId), answer: z.string(), by })).optional(),
  /** The recommendation before an answer was changed (its outcome and answers), for "What changed". */
  previous: z
    .object({
      outcome: z.string(),
      log: z.array(z.object({ question: z.string().refine(isQuestionId), answer: z.string() })),
    })
    .optional(),
  /** Feedback waiting for a typed reason or part: the revision it is about, and the reason once given. */
  feedback: z
    .object({ step: z.number().int().nonnegative(), reason: z.enum(feedbackReasons).optional() })
    .optional(),
  /**
   * The feedback acts counted on this consult (`<revision>`, and `:<answerer pseudonym>` in a shared chat), so
   * that a repeated click is not counted twice; what was said is stored apart, without them.
   */
  feedbackGiven: z.array(z.string().max(40)).max(1000).optional(),
  startedAt: z.string(),
  updatedAt: z.string(),
});
export const ConsultRecord = z.preprocess(fromOlderShape, Shape);
export type ConsultRecord = Omit<z.infer<typeof Shape>, 'log' | 'changing' | 'previous' | 'held'> & {
  log: { question: QuestionId; answer: string; by?: string }[];
  held?: { question: QuestionId; answer: string; by?: string }[];
  changing?: QuestionId;
  previous?: { outcome: string; log: { question: QuestionId; answer: string }[] };
};

import { z } from 'zod';
import { feedbackReasons } from '../src/view/feedback';

/**
 * One act of feedback, as it is stored for the content's editors: what the advice was (its outcome, the item,
 * the content version), whether it helped and why not, and the day. Nothing about who gave it or where: no
 * conversation, consult or user id, no name, no typed text, no time of day that could single a consult out.
 */
export const FeedbackRecord = z.strictObject({
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  contentVersion: z.string().min(1).max(32),
  outcome: z.string().min(1).max(64),
  /** A recommendation item's id, or `plan` for the recommendation as a whole. */
  item: z.string().min(1).max(64),
  helpful: z.boolean(),
  reason: z.enum(feedbackReasons).optional(),
});
export type FeedbackRecord = z.infer<typeof FeedbackRecord>;

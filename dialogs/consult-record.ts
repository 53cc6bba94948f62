import { z } from 'zod';
import { isQuestionId, type QuestionId } from '../src/content/case-model';

/** What is stored per conversation: the snapshot, the machine's version and the answer log. */
export const ConsultRecord = z.object({
  schema: z.literal(1),
  consultId: z.string().min(1),
  machineVersion: z.string().min(1),
  contentVersion: z.string().min(1),
  step: z.number().int().nonnegative(),
  log: z.array(
    z.object({
      question: z.string().refine(isQuestionId),
      answer: z.string(),
      by: z.string().optional(),
    }),
  ),
  snapshot: z.unknown(),
  startedAt: z.string(),
  updatedAt: z.string(),
});
export type ConsultRecord = Omit<z.infer<typeof ConsultRecord>, 'log'> & {
  log: { question: QuestionId; answer: string; by?: string }[];
};

import { z } from 'zod';
import { DecisionId } from '../src/content/training-schema';

/**
 * What is stored per learner (under a keyed hash of their channel user id, never their name): attempts with
 * the option values chosen, and the spaced-repetition state per decision type. No free text, no patient data.
 */
const Choice = z.object({
  decision: DecisionId,
  choice: z.string().max(64),
  right: z.boolean(),
  harmful: z.boolean(),
  at: z.string(),
});

export const Attempt = z.object({
  id: z.string().min(1).max(64),
  caseId: z.string().min(1).max(64),
  /** A hash of the conversation it is played in: typed answers count only there. */
  conversation: z.string().max(128),
  startedAt: z.string(),
  finishedAt: z.string().optional(),
  /** Left for a consult (start, consult, restart) before the end: not scored. */
  left: z.boolean().optional(),
  choices: z.array(Choice),
});
export type Attempt = z.infer<typeof Attempt>;

export const Review = z.object({
  /** When this decision type is next due; undefined once retired. */
  due: z.string().optional(),
  /** Right answers in a row: two retire the type. */
  streak: z.number().int().nonnegative(),
  history: z.array(z.object({ at: z.string(), right: z.boolean() })),
});
export type Review = z.infer<typeof Review>;

export const LearnerRecord = z.object({
  schema: z.literal(1),
  attempts: z.array(Attempt),
  reviews: z.partialRecord(DecisionId, Review),
  /** When the learner's current sitting began (./train-schedule.ts): no case is asked twice in one. */
  sittingSince: z.string().optional(),
});
export type LearnerRecord = z.infer<typeof LearnerRecord>;

/** The case running in a conversation: `train` there joins it. */
export const RunningCase = z.object({
  schema: z.literal(1),
  caseId: z.string().min(1),
  startedAt: z.string(),
});
export type RunningCase = z.infer<typeof RunningCase>;

/** Aggregates for the educator view: counts only, no learner ids. */
export const TrainingReport = z.object({
  schema: z.literal(1),
  attempts: z.number().int().nonnegative(),
  completed: z.number().int().nonnegative(),
  decisions: z.partialRecord(
    DecisionId,
    z.object({ answered: z.number().int().nonnegative(), right: z.number().int().nonnegative() }),
  ),
});
export type TrainingReport = z.infer<typeof TrainingReport>;

export const emptyLearner = (): LearnerRecord => ({ schema: 1, attempts: [], reviews: {} });
export const emptyReport = (): TrainingReport => ({ schema: 1, attempts: 0, completed: 0, decisions: {} });

/** Attempts kept per learner: enough for the record and the schedule, bounded so a record stays small. */
export const maxAttempts = 200;

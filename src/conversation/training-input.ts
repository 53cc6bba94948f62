import { z } from 'zod';
import type { TrainInput } from '../../dialogs/train';

/** A trainee's button (case-model §2); extra fields are allowed and ignored. */
const TrainData = z.looseObject({
  train: z.string().min(1).max(64),
  decision: z.string().min(1).max(64),
  choice: z.string().min(1).max(64),
  attempt: z.string().max(64).optional(),
  step: z.number().int().nonnegative().optional(),
});

export type TrainCommand = TrainInput | { kind: 'report' };

const clean = (text: string | undefined) =>
  (text ?? '')
    .trim()
    .toLowerCase()
    .replace(/^\/+/, '')
    .replace(/[.!]+$/, '')
    .replace(/\s+/g, ' ');

/**
 * Reads a turn as trainee mode sees it: a trainee's button, a training command, or a reply that training
 * takes only while the learner is playing in this conversation (`claimed` decides that later).
 */
export function parseTraining(text: string | undefined, value: unknown): TrainCommand | undefined {
  const data = typeof value === 'object' && value !== null ? TrainData.safeParse(value) : undefined;
  if (data?.success) {
    const d = data.data;
    return {
      kind: 'choice',
      caseId: d.train,
      decision: d.decision,
      choice: d.choice,
      ...(d.attempt !== undefined ? { attempt: d.attempt } : {}),
      ...(d.step !== undefined ? { step: d.step } : {}),
    };
  }
  // "Show my record" (a shared chat's `score`): the record, seen by the one who tapped alone.
  if (typeof value === 'object' && value !== null && (value as { trainScore?: unknown }).trainScore === true)
    return { kind: 'score' };
  if (value !== undefined && value !== null && typeof value === 'object') return undefined; // a consult card
  const t = clean(text);
  if (!t) return undefined;
  if (t === 'train report') return { kind: 'report' };
  const train = /^train(?: case)?(?: (\S+))?$/.exec(t);
  if (train) return train[1] ? { kind: 'train', caseId: train[1] } : { kind: 'train' };
  switch (t) {
    case 'score':
      return { kind: 'score' };
    case 'why':
      return { kind: 'why' };
    case 'back':
    case 'undo':
      return { kind: 'back' };
    case 'summary':
      return { kind: 'summary' };
    case 'help':
    case '?':
      return { kind: 'help' };
    case 'start':
    case 'consult':
    case 'restart':
      return { kind: 'leave' };
  }
  return { kind: 'answer', text: (text ?? '').trim().slice(0, 200) };
}

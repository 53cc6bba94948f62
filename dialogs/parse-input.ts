import { z } from 'zod';

export type Command =
  | 'start'
  | 'restart'
  | 'back'
  | 'why'
  | 'summary'
  | 'help'
  | 'details'
  | 'note'
  | 'noteFhir';

export type TurnInput =
  | { kind: 'command'; command: Command }
  | { kind: 'card'; question: string; answer: string; consultId?: string; step?: number }
  | { kind: 'text'; text: string }
  /** `change <question>` or a `{ "change": <question id> }` button: which answer, as typed or sent. */
  | { kind: 'change'; question: string }
  /** Feedback on the recommendation: a button's data (checked by the turn), or `helpful` / `not helpful` typed. */
  | { kind: 'feedback'; feedback: string; consultId?: string; step?: number; reason?: string; item?: string }
  | { kind: 'empty' };

/** What a button carries (case-model §2); extra fields are allowed and ignored. */
const CardData = z.looseObject({
  question: z.string().min(1).max(64),
  answer: z.string().min(1).max(64),
  consultId: z.string().max(64).optional(),
  step: z.number().int().nonnegative().optional(),
});

/** A Change button (case-model §2): `{ "change": <question id> }`. */
const ChangeData = z.looseObject({ change: z.string().min(1).max(64) });

/**
 * A feedback button (docs/contract.md section 2). Only its form is checked here; whether the reason and the
 * item are ones the recommendation offers is the turn's to say (a forged one is asked again, never stored).
 */
const FeedbackData = z.looseObject({
  feedback: z.string().min(1).max(64),
  consultId: z.string().max(64).optional(),
  step: z.number().int().nonnegative().optional(),
  reason: z.string().max(64).optional(),
  item: z.string().max(64).optional(),
});

/** Typed feedback on the current recommendation. */
const typedFeedback: Record<string, string> = {
  helpful: 'helpful',
  'not helpful': 'notHelpful',
  unhelpful: 'notHelpful',
};

const aliases: Record<string, Command> = {
  start: 'start',
  consult: 'start',
  restart: 'restart',
  back: 'back',
  undo: 'back',
  why: 'why',
  summary: 'summary',
  help: 'help',
  '?': 'help',
  details: 'details',
  more: 'details',
  note: 'note',
  handover: 'note',
  'note fhir': 'noteFhir',
  fhir: 'noteFhir',
};

/** Reads a turn: card data first (a client posts it back unchanged as `value`), then a command, then free text. */
export function parseInput(text: string | undefined, value: unknown): TurnInput {
  // Typed turns carry no value: no schema is run just to fail (a failed parse builds its issues).
  if (typeof value === 'object' && value !== null) {
    const card = CardData.safeParse(value);
    if (card.success) return { kind: 'card', ...card.data };
    const change = ChangeData.safeParse(value);
    if (change.success) return { kind: 'change', question: change.data.change };
    const feedback = FeedbackData.safeParse(value);
    if (feedback.success) {
      // Only the fields the contract names go on: extra ones are ignored, as on every button.
      const { feedback: said, consultId, step, reason, item } = feedback.data;
      return { kind: 'feedback', feedback: said, consultId, step, reason, item };
    }
  }
  const clean = (text ?? '').trim();
  if (!clean) return { kind: 'empty' };
  const typed = /^\/?(?:change|edit)(?:\s+(.*))?$/i.exec(clean);
  if (typed) return { kind: 'change', question: (typed[1] ?? '').trim().slice(0, 100) };
  const key = clean
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/^\/+/, '')
    .replace(/[.!]+$/, '');
  // Own keys only: "constructor" or "__proto__" typed are answers, not Object's members.
  const command = Object.hasOwn(aliases, key) ? aliases[key] : undefined;
  if (command) return { kind: 'command', command };
  const feedback = Object.hasOwn(typedFeedback, key) ? typedFeedback[key] : undefined;
  if (feedback) return { kind: 'feedback', feedback };
  return { kind: 'text', text: clean.slice(0, 500) };
}

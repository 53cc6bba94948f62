import { ActivityTypes } from 'botbuilder';
import { z } from 'zod';

/**
 * The shape of a Bot Framework activity, as far as botbuilder and the consult bot read it. It is checked
 * before botbuilder sees the request: botbuilder assumes these types (a number for `type` or `serviceUrl`
 * throws inside the SDK, a mention entity without `mentioned` throws in the turn) and answers 500.
 * Loose objects: channels add fields of their own (Teams `channelData`, the Emulator's `localTimezone`), which
 * pass unchecked. The request body itself is passed on, never this schema's output.
 */

const id = z.string().min(1).max(1024);
const short = z.string().max(1024);

const Account = z.looseObject({
  id,
  name: short.optional(),
  aadObjectId: short.optional(),
  role: short.optional(),
});

const Conversation = z.looseObject({
  id,
  name: short.optional(),
  isGroup: z.boolean().optional(),
  conversationType: short.optional(),
  tenantId: short.optional(),
});

const Entity = z
  .looseObject({ type: short, mentioned: Account.optional(), text: z.string().optional() })
  // botbuilder's removeRecipientMention reads `mentioned.id` of every mention.
  .refine((e) => e.type.toLowerCase() !== 'mention' || e.mentioned !== undefined, {
    message: 'a mention needs `mentioned`',
    path: ['mentioned'],
  });

const Attachment = z.looseObject({
  contentType: short,
  contentUrl: z.string().optional(),
  name: short.optional(),
});

const Reaction = z.looseObject({ type: short });

/** botbuilder turns these into Dates; an unparseable one becomes an Invalid Date that throws when printed. */
const time = short.refine((s) => !Number.isNaN(Date.parse(s)), { message: 'not a date and time' });

export const activityTypes = Object.values(ActivityTypes) as string[];

/** An Adaptive Card action invoke: botbuilder reads `value.action.type` before it checks anything. */
const CardAction = z.looseObject({ action: z.looseObject({ type: short }) });

const ActivityShape = z.looseObject({
  type: z.string().refine((t) => activityTypes.includes(t), { message: 'not a Bot Framework activity type' }),
  id: short.optional(),
  channelId: z.string().min(1).max(256),
  // Replies and the connector client are built from it; only web URLs make sense.
  serviceUrl: z.url({ protocol: /^https?$/ }).max(2048),
  conversation: Conversation,
  from: Account,
  recipient: Account,
  text: z.string().optional(),
  // Card data, posted back unchanged: any JSON; the consult reads only the fields of case-model §2.
  value: z.unknown().optional(),
  textFormat: short.optional(),
  locale: short.optional(),
  name: short.optional(),
  action: short.optional(),
  replyToId: short.optional(),
  timestamp: time.optional(),
  localTimestamp: time.optional(),
  expiration: time.optional(),
  deliveryMode: z.enum(['normal', 'notification', 'expectReplies', 'ephemeral']).optional(),
  channelData: z.looseObject({}).optional(),
  entities: z.array(Entity).optional(),
  attachments: z.array(Attachment).optional(),
  membersAdded: z.array(Account).optional(),
  membersRemoved: z.array(Account).optional(),
  reactionsAdded: z.array(Reaction).optional(),
  reactionsRemoved: z.array(Reaction).optional(),
});

const ActivityChecked = ActivityShape.superRefine((a, ctx) => {
  if (a.type !== 'invoke' || a.name !== 'adaptiveCard/action') return;
  const value = CardAction.safeParse(a.value);
  for (const issue of value.success ? [] : value.error.issues)
    ctx.addIssue({
      code: 'custom',
      path: ['value', ...issue.path],
      message: issue.message,
      input: undefined,
    });
});

/** Deeper than this is no real client (Teams' deepest, an Adaptive Card in an attachment, is about 20). */
const maxDepth = 64;

/** Keys that mean prototype pollution wherever they appear; no channel sends them. */
const forbiddenKeys = new Set(['__proto__', 'constructor', 'prototype']);

/** Why an activity was refused: the field (a schema path, never a key the client made up) and what is wrong. */
export interface Refusal {
  field: string;
  problem: string;
}

const knownFields = new Set(Object.keys(ActivityShape.shape));

/** The top-level field a problem sits under, when it is one the schema names; the body otherwise. */
const fieldOf = (top: string | undefined) => (top !== undefined && knownFields.has(top) ? top : 'body');

/**
 * Walks the JSON once for nesting and forbidden keys. The recursion stops at `maxDepth`, so a 5,000-level
 * body cannot overflow the stack here (JSON.stringify of the replies, which copy `from` and `conversation`,
 * would).
 */
function structureProblem(value: unknown, top?: string, depth = 0): Refusal | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  // Only the top-level key is ever named, so that is all that is carried down (no path per key).
  if (depth >= maxDepth) return { field: fieldOf(top), problem: `nested deeper than ${maxDepth} levels` };
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    if (forbiddenKeys.has(key))
      return { field: fieldOf(top ?? key), problem: `the key "${key}" is not allowed` };
    const found = structureProblem((value as Record<string, unknown>)[key], top ?? key, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/** Undefined when the parsed body is an activity the bot can be given; otherwise the first thing wrong. */
export function refusalOf(body: unknown): Refusal | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return { field: 'body', problem: 'must be a Bot Framework activity (a JSON object)' };
  const structure = structureProblem(body);
  if (structure) return structure;
  const result = ActivityChecked.safeParse(body);
  if (result.success) return undefined;
  const issue = result.error.issues[0]!;
  return { field: issue.path.map(String).join('.') || 'body', problem: issue.message };
}

import fc from 'fast-check';
import { pathway } from '../../src/content';
import { activityTypes } from '../../src/http/activity-schema';

/** What a request of the corpus must get. */
type Expect =
  /** 4xx; with `field`, the refusal names it */
  | { refused: true; status?: number; field?: string }
  /** 200 and, for a message, at least one reply, none an apology for a failure */
  | { refused: false; message: boolean };

export interface Case {
  kind: string;
  body: string;
  headers: Record<string, string>;
  expect: Expect;
  /** Strings typed into the request that no reply may carry (markup that would render, mentions that notify). */
  markers?: string[];
  /** Where the request goes: `witness` (the consult that must not change; only refused requests), `open` (a consult in progress), `own` (a conversation of its own). */
  conversation: 'witness' | 'open' | 'own';
}

export const witnessId = 'corpus-witness';
const json = { 'content-type': 'application/json' };

/** A well-formed activity as the Emulator sends it, replies in the response. */
function baseActivity(conversationId: string): Record<string, unknown> {
  return {
    type: 'message',
    id: '@id',
    channelId: 'emulator',
    serviceUrl: 'http://127.0.0.1:9/',
    conversation: { id: conversationId },
    from: { id: 'corpus-user', name: 'Corpus User', role: 'user' },
    recipient: { id: 'bot', name: 'bcbm', role: 'bot' },
    deliveryMode: 'expectReplies',
    timestamp: '2026-12-01T09:00:00.000Z',
    locale: 'en-GB',
    text: 'restart',
  };
}

/**
 * Serialises with raw JSON spliced in where a value is a placeholder: JSON.stringify cannot write 5,000 levels,
 * and an object literal with a `__proto__` key sets a prototype instead of carrying the key.
 */
function withRaw(activity: Record<string, unknown>, raw: Record<string, string>): string {
  let text = JSON.stringify(activity);
  for (const [placeholder, value] of Object.entries(raw)) text = text.replace(`"${placeholder}"`, value);
  return text;
}

const deepJson = (levels: number, leaf = '{}') => `${'{"a":'.repeat(levels)}${leaf}${'}'.repeat(levels)}`;

/** Sets `path` (dotted) in a copy of the activity; `undefined` deletes it. */
function setPath(activity: Record<string, unknown>, path: string, value: unknown): Record<string, unknown> {
  const copy = structuredClone(activity);
  const keys = path.split('.');
  let node = copy;
  for (const k of keys.slice(0, -1)) node = node[k] as Record<string, unknown>;
  if (value === undefined) delete node[keys.at(-1)!];
  else node[keys.at(-1)!] = value;
  return copy;
}

type Kind = 'string' | 'object' | 'array' | 'boolean';
/** Fields and the JSON kind the activity schema wants there. */
const fields: [string, Kind][] = [
  ['type', 'string'],
  ['id', 'string'],
  ['channelId', 'string'],
  ['serviceUrl', 'string'],
  ['conversation', 'object'],
  ['conversation.id', 'string'],
  ['conversation.isGroup', 'boolean'],
  ['from', 'object'],
  ['from.id', 'string'],
  ['from.name', 'string'],
  ['recipient', 'object'],
  ['recipient.id', 'string'],
  ['text', 'string'],
  ['textFormat', 'string'],
  ['locale', 'string'],
  ['name', 'string'],
  ['replyToId', 'string'],
  ['timestamp', 'string'],
  ['localTimestamp', 'string'],
  ['deliveryMode', 'string'],
  ['channelData', 'object'],
  ['entities', 'array'],
  ['attachments', 'array'],
  ['membersAdded', 'array'],
  ['membersRemoved', 'array'],
  ['reactionsAdded', 'array'],
];
const kindOf = (v: unknown): Kind | 'other' =>
  Array.isArray(v)
    ? 'array'
    : v === null
      ? 'other'
      : typeof v === 'object'
        ? 'object'
        : typeof v === 'string'
          ? 'string'
          : typeof v === 'boolean'
            ? 'boolean'
            : 'other';

const anyJson = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
  fc.string({ maxLength: 20 }),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.dictionary(fc.constantFrom('id', 'x', 'type'), fc.integer(), { maxKeys: 2 }),
);

/** The forbidden keys anywhere, or nesting past the limit: the server refuses those, whatever else is there. */
function structurallyRefused(value: unknown, depth = 0): boolean {
  if (typeof value !== 'object' || value === null) return false;
  if (depth >= 64) return true;
  return Object.keys(value).some(
    (k) =>
      ['__proto__', 'constructor', 'prototype'].includes(k) ||
      structurallyRefused((value as Record<string, unknown>)[k], depth + 1),
  );
}

/** Text that renders as markup or notifies somewhere, if a reply ever carried it. */
const injections: [string, string][] = [
  ['<!channel> PWNED', '<!channel>'],
  ['<!here> look', '<!here>'],
  ['<!everyone>', '<!everyone>'],
  ['hello <@U0ATTACK>', '<@U0ATTACK>'],
  ['<at>BCBM Consult</at> <at>Everyone</at>', '<at>Everyone</at>'],
  ['<script>alert(1)</script>', 'alert(1)'],
  ['<img src=x onerror=alert(2)>', 'onerror'],
  ['**PWNED** [click](javascript:alert(3))', 'javascript:'],
  ['*bold* _it_ ~strike~ `code` > quote <https://evil.example|PWNED>', 'evil.example'],
  [
    JSON.stringify({
      type: 'AdaptiveCard',
      version: '1.5',
      body: [{ type: 'TextBlock', text: 'PWNED card' }],
      actions: [{ type: 'Action.OpenUrl', url: 'https://evil.example' }],
    }),
    'PWNED card',
  ],
  ['{{PWNED}} ${PWNED} %s %n', '{{PWNED}}'],
];

const controlChars = fc.constantFrom(
  ...Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)),
  '\u007f',
  '\u2028',
  '\u2029',
  '\u202e',
  '\ufeff',
  '\ud800',
  '\udfff',
  '\u0085',
);

const questionIds = pathway.questions.map((q) => q.id);
const answerValues = pathway.questions.flatMap((q) => q.options.map((o) => o.value));

function kinds(): fc.Arbitrary<Case>[] {
  const witness = baseActivity(witnessId);
  const refusedAt = (field?: string, status = 400): Expect => ({ refused: true, status, field });
  /** A request that must be refused; aimed at the witness, which it must leave as it was. */
  const refused = (
    kind: string,
    body: string,
    field?: string,
    status = 400,
    headers: Record<string, string> = json,
  ): Case => ({
    kind,
    body,
    headers,
    expect: refusedAt(field, status),
    conversation: 'witness',
  });
  const open = baseActivity('@open');

  const invalidJson = fc
    .oneof(
      fc.string().filter((s) => {
        try {
          JSON.parse(s);
          return false;
        } catch {
          return true;
        }
      }),
      fc.nat().map((n) => {
        const text = JSON.stringify(witness);
        return text.slice(0, 1 + (n % (text.length - 1)));
      }),
    )
    .map((body) => refused('invalid JSON', body));

  const notObject = fc
    .oneof(
      fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 4 }),
      fc.string(),
      fc.integer(),
      fc.constant(null),
    )
    .map((v) => refused('JSON that is not an object', JSON.stringify(v), 'body'));

  const wrongType = fc
    .tuple(fc.constantFrom(...fields), anyJson)
    .filter(([[, want], v]) => kindOf(v) !== want)
    .map(([[path], v]) =>
      refused('a field of the wrong type', JSON.stringify(setPath(witness, path, v)), path),
    );

  const missing = fc
    .constantFrom(
      'type',
      'channelId',
      'serviceUrl',
      'conversation',
      'conversation.id',
      'from',
      'from.id',
      'recipient',
      'recipient.id',
    )
    .map((path) =>
      refused('a required field missing', JSON.stringify(setPath(witness, path, undefined)), path),
    );

  const unknownType = fc
    .string({ maxLength: 30 })
    .filter((t) => !activityTypes.includes(t))
    .map((type) => refused('an unknown activity type', JSON.stringify({ ...witness, type }), 'type'));

  const cardValue = fc.oneof(
    fc.record({
      question: fc.oneof(fc.constantFrom(...questionIds), fc.string({ maxLength: 20 })),
      answer: fc.oneof(fc.constantFrom(...answerValues), fc.string({ maxLength: 20 }), anyJson),
    }),
    fc.record({ change: fc.oneof(fc.constantFrom(...questionIds), fc.string({ maxLength: 20 }), anyJson) }),
    fc.record({
      train: fc.string({ maxLength: 10 }),
      decision: fc.string({ maxLength: 10 }),
      choice: anyJson,
    }),
    fc.record(
      {
        question: fc.constantFrom(...questionIds),
        answer: fc.constantFrom(...answerValues),
        step: anyJson,
        consultId: anyJson,
      },
      { requiredKeys: ['question', 'answer'] },
    ),
    fc.jsonValue({ maxDepth: 4 }),
  );
  const unknownAnswer = fc.tuple(cardValue, fc.option(fc.string({ maxLength: 10 }))).map(
    ([value, text]): Case => ({
      kind: 'card data with unknown questions or answers',
      body: JSON.stringify({ ...open, value, ...(text === null ? { text: undefined } : { text }) }),
      headers: json,
      expect: structurallyRefused(value) ? refusedAt('value') : { refused: false, message: true },
      conversation: 'open',
    }),
  );

  const pollutionAt = [
    '',
    'value',
    'channelData',
    'from',
    'conversation',
    'entities.0',
    'value.inner',
  ] as const;
  const pollution = fc
    .tuple(
      fc.constantFrom(...pollutionAt),
      fc.constantFrom('__proto__', 'constructor', 'prototype'),
      fc.constantFrom('{"polluted":true}', '{"prototype":{"polluted":true}}', '"x"', '[1]'),
    )
    .map(([at, key, payload]): Case => {
      let a: Record<string, unknown> = { ...witness, '@@KEY@@': '@@PAYLOAD@@' };
      if (at !== '') {
        a = { ...witness, entities: [{ type: 'clientInfo' }], value: { inner: {} }, channelData: {} };
        a = setPath(a, `${at}.@@KEY@@`, '@@PAYLOAD@@');
      }
      const body = withRaw(a, { '@@KEY@@': `"${key}"`, '@@PAYLOAD@@': payload });
      return refused('prototype-pollution keys', body, at === '' ? 'body' : at.split('.')[0]);
    });

  const control = fc
    .array(fc.oneof(controlChars, fc.string({ unit: 'binary', maxLength: 5 })), {
      minLength: 1,
      maxLength: 30,
    })
    .map(
      (parts): Case => ({
        kind: 'control characters in text',
        body: JSON.stringify({ ...open, text: parts.join('') }),
        headers: json,
        expect: { refused: false, message: true },
        conversation: 'open',
      }),
    );

  const limit = 256 * 1024;
  const huge = fc
    .tuple(fc.constantFrom('x', 'é', '💊', '<!here>'), fc.integer({ min: 50 * 1024, max: 320 * 1024 }))
    .map(([unit, bytes]): Case => {
      const text = unit.repeat(Math.ceil(bytes / Buffer.byteLength(unit)));
      const body = JSON.stringify({ ...open, text });
      const over = Buffer.byteLength(body) > limit;
      return {
        kind: over ? 'a string over the body limit' : 'a huge string under the body limit',
        body,
        headers: json,
        expect: over ? refusedAt(undefined, 413) : { refused: false, message: true },
        markers: unit === '<!here>' ? ['<!here>'] : [],
        conversation: over ? 'witness' : 'open',
      };
    });

  const deepAt = [
    'from',
    'recipient',
    'conversation',
    'value',
    'channelData',
    'entities',
    'attachments',
  ] as const;
  const deep = fc
    .tuple(fc.constantFrom(...deepAt), fc.integer({ min: 65, max: 5000 }))
    .map(([field, levels]): Case => {
      const raw =
        field === 'entities' || field === 'attachments'
          ? `[{"type":"x","contentType":"x","a":${deepJson(levels)}}]`
          : `{"id":"x","a":${deepJson(levels, '{"text":"PWNED deep"}')}}`;
      return refused(
        'deep nesting',
        withRaw({ ...witness, [field]: '@@DEEP@@' }, { '@@DEEP@@': raw }),
        field,
      );
    });
  const shallowValue = fc.integer({ min: 1, max: 60 }).map(
    (levels): Case => ({
      kind: 'nesting within the limit in value',
      body: withRaw({ ...open, value: '@@DEEP@@' }, { '@@DEEP@@': deepJson(levels) }),
      headers: json,
      expect: { refused: false, message: true },
      conversation: 'open',
    }),
  );

  const injection = fc
    .tuple(
      fc.constantFrom(...injections),
      fc.string({ maxLength: 10 }),
      fc.constantFrom('emulator', 'webchat', 'msteams', 'directline'),
      fc.constantFrom('text', 'value', 'attachment'),
    )
    .map(([[text, marker], noise, channelId, where]): Case => {
      const card = {
        type: 'AdaptiveCard',
        version: '1.5',
        body: [{ type: 'TextBlock', text: `${text}${noise}` }],
      };
      const extra =
        where === 'text'
          ? { text: `${noise}${text}` }
          : where === 'value'
            ? { value: card, text: undefined }
            : { attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }] };
      return {
        kind: 'card JSON, HTML and Markdown injection',
        body: JSON.stringify({ ...open, channelId, ...extra }),
        headers: json,
        expect: { refused: false, message: true },
        markers: [marker],
        conversation: 'open',
      };
    });

  const contentType = fc
    .oneof(
      fc.constantFrom(
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=----x',
        'text/plain',
        'text/plain; charset=utf-8',
        'application/jsonp',
        'application/json-patch+json',
        'application/vnd.api+json',
        'application/json; charset=iso-8859-1',
        'text/json',
        '',
      ),
      fc
        .string({ maxLength: 30 })
        .filter((s) => s.split(';')[0]!.trim().toLowerCase() !== 'application/json'),
    )
    .map((type): Case => {
      const form = new URLSearchParams({
        type: 'message',
        text: 'restart',
        'conversation.id': witnessId,
      }).toString();
      const body = type.includes('form') ? form : JSON.stringify(witness);
      return refused(
        'a body that is not JSON',
        body,
        undefined,
        415,
        type === '' ? {} : { 'content-type': type },
      );
    });

  const crossOrigin = fc
    .oneof(fc.webUrl(), fc.constantFrom('null', 'http://127.0.0.1', 'https://127.0.0.1:3978', 'file://'))
    .map((origin) =>
      refused('a request from another web page', JSON.stringify(witness), undefined, 403, {
        ...json,
        origin,
      }),
    );

  const teamsInvoke = fc
    .tuple(
      fc.constantFrom(
        'adaptiveCard/action',
        'composeExtension/query',
        'task/fetch',
        'signin/verifyState',
        'message/submitAction',
        'config/fetch',
        'fileConsent/invoke',
      ),
      fc.oneof(
        fc.record({
          action: fc.record({
            type: fc.constantFrom('Action.Execute', 'Action.Submit', 'x'),
            verb: fc.string({ maxLength: 8 }),
            data: cardValue,
          }),
          trigger: fc.constant('manual'),
        }),
        fc.jsonValue({ maxDepth: 3 }),
      ),
    )
    .map(
      ([name, value]): Case => ({
        kind: 'Teams invokes',
        body: JSON.stringify({
          ...baseActivity('@own'),
          type: 'invoke',
          name,
          value,
          channelId: 'msteams',
          text: undefined,
          deliveryMode: undefined,
          serviceUrl: '@connector',
        }),
        headers: json,
        expect: structurallyRefused(value) ? refusedAt('value') : { refused: false, message: false },
        conversation: 'own',
      }),
    );

  const otherTypes = fc
    .tuple(
      fc.constantFrom(...activityTypes.filter((t) => t !== 'message' && t !== 'invoke')),
      fc.array(
        fc.record({ id: fc.string({ minLength: 1, maxLength: 12 }), name: fc.string({ maxLength: 12 }) }),
        {
          maxLength: 3,
        },
      ),
    )
    .map(
      ([type, members]): Case => ({
        kind: 'other activity types',
        body: JSON.stringify({
          ...baseActivity('@own'),
          type,
          membersAdded: members,
          action: 'add',
          text: undefined,
        }),
        headers: json,
        expect: { refused: false, message: false },
        conversation: 'own',
      }),
    );

  return [
    invalidJson,
    notObject,
    wrongType,
    missing,
    unknownType,
    unknownAnswer,
    pollution,
    control,
    huge,
    deep,
    shallowValue,
    injection,
    contentType,
    crossOrigin,
    teamsInvoke,
    otherTypes,
  ];
}

/** How many of each kind (in the order of `kinds()`): 1,200 in all. */
const counts = [80, 40, 220, 60, 50, 130, 80, 100, 30, 60, 30, 150, 60, 40, 50, 40];

/** The seeded corpus for /api/messages. */
export function activityCorpus(seed: number): Case[] {
  return kinds().flatMap((arb, i) => fc.sample(arb, { seed: seed + i, numRuns: counts[i]! }));
}

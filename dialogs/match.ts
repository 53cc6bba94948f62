import type { QuestionId } from '../src/content/case-model';
import type { Pathway } from '../src/content/schema';
import type { ConsultRecord } from './consult-record';

/** An option as a typed reply may name it: its value, label, hint, the content's synonyms and numeric range. */
export interface Matchable {
  value: string;
  label: string;
  hint?: string;
  synonyms?: readonly string[];
  /** The numbers this option stands for (e.g. KPS 70 to 80, 2 to 4 lesions): "KPS 70" or "3 lesions". */
  range?: readonly [number, number];
}

/** What a typed reply names: one option, several (the bot asks which, never guesses), or none. */
export type Match = { kind: 'one'; value: string } | { kind: 'several'; values: string[] } | { kind: 'none' };

// "HER2+" and "ER-" are answers, not punctuation: the signs become words before anything else is dropped.
const norm = (s: string) =>
  s
    .toLowerCase()
    .replace(/\+/g, ' plus ')
    .replace(/(?<=[a-z0-9])-(?=\s|$)/g, ' minus ')
    .replace(/[^a-z0-9.]+/g, ' ')
    .replace(/\.(?!\d)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** Words that say nothing about which option is meant. */
const filler = new Set([
  'the',
  'a',
  'an',
  'is',
  'it',
  'its',
  'she',
  'her',
  'has',
  'of',
  'i',
  'think',
  'please',
  'answer',
]);

const wordsOf = (s: string) => norm(s).split(' ').filter(Boolean);

/** A reply word names an option word: the same word, or (from 3 letters) its beginning, "progress" for "progressing". */
const names = (reply: string, word: string) =>
  word === reply || (reply.length >= 3 && word.startsWith(reply));

/**
 * Which option a typed reply names, as a clinician would type it: its number in the list, its value or
 * label, a synonym the content gives, a number inside an option's range ("KPS 40", "3 lesions"), or words
 * that all appear in one option's label or hint ("new symptom", "yes", "parenchymal"). A reply that fits
 * several options is reported as such, so the bot asks which; it never guesses.
 */
export function matchReply(options: readonly Matchable[], text: string): Match {
  const t = norm(text);
  if (!t) return { kind: 'none' };
  const one = (value: string | undefined): Match => (value ? { kind: 'one', value } : { kind: 'none' });
  const found = (values: string[]): Match =>
    values.length === 1 ? one(values[0]) : values.length ? { kind: 'several', values } : { kind: 'none' };

  const exact = options.filter(
    (o) => norm(o.value) === t || norm(o.label) === t || (o.synonyms ?? []).some((s) => norm(s) === t),
  );
  if (exact.length) return found(exact.map((o) => o.value));

  // A bare number is the option's place in the list (the contract); beyond the list, or with words ("KPS 40",
  // "3 lesions"), a number names the option whose range holds it.
  const numbers = [...t.matchAll(/\d+(?:\.\d+)?/g)].map((m) => Number(m[0]));
  const ranged = options.filter((o) => o.range && numbers.some((n) => n >= o.range![0] && n <= o.range![1]));
  if (/^\d+(\.\d+)?$/.test(t)) {
    const placed = Number.isInteger(Number(t)) ? options[Number(t) - 1] : undefined;
    return placed ? one(placed.value) : found(ranged.map((o) => o.value));
  }
  if (numbers.length === 1 && ranged.length) return found(ranged.map((o) => o.value));

  const reply = wordsOf(text).filter((w) => !filler.has(w));
  if (!reply.length) return { kind: 'none' };
  const fitting = options.filter((o) => {
    const words = [o.value, o.label, o.hint ?? '', ...(o.synonyms ?? [])].flatMap(wordsOf);
    return reply.every((r) => words.some((w) => names(r, w)));
  });
  return found(fitting.map((o) => o.value));
}

/** The options of a consult question, as a reply may name them. */
export function questionOptions(content: Pathway, questionId: QuestionId): readonly Matchable[] {
  return content.questions.find((x) => x.id === questionId)?.options ?? [];
}

/** Which answered question `change <text>` names: its number in the summary, its id or its short name. */
export function matchAnswered(content: Pathway, record: ConsultRecord, text: string): QuestionId | undefined {
  const t = norm(text);
  if (!t) return undefined;
  const n = Number(t);
  if (Number.isInteger(n)) return record.log[n - 1]?.question;
  const named = content.questions.find((q) => norm(q.id) === t || norm(q.short) === t)?.id as
    | QuestionId
    | undefined;
  return record.log.some((e) => e.question === named) ? named : undefined;
}

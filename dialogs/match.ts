import type { QuestionId } from '../src/content/case-model';
import type { Pathway } from '../src/content/schema';
import type { ConsultRecord } from './consult-record';

const norm = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** Matches a typed reply to an option of a question: its number, value or label. */
export function matchOption(content: Pathway, questionId: QuestionId, text: string): string | undefined {
  const q = content.questions.find((x) => x.id === questionId);
  if (!q) return undefined;
  const t = text
    .trim()
    .toLowerCase()
    .replace(/[.!]+$/, '');
  const n = Number(t);
  if (Number.isInteger(n) && n >= 1 && n <= q.options.length) return q.options[n - 1]?.value;
  return q.options.find((o) => o.value.toLowerCase() === t || norm(o.label) === norm(t))?.value;
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

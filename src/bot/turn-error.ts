import type { TurnContext } from 'botbuilder';
import type { Logger } from '../log';
import { notes } from '../view/strings';
import { isDiskFault } from '../store/store';
import { conversationKey } from './conversation-key';

/** Said when the turn could not reach the store: the answer was not taken, and the same reply will work shortly. */
export const tryAgainNote =
  "I can't save answers right now, so nothing was changed. Please try again in a moment.";

/** Error codes of a store that is down or busy for a moment (the network, Azure Blob, SQLite's lock). */
const transientCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'REQUEST_SEND_ERROR',
  'SQLITE_BUSY',
  'store_conflict',
  'store_unavailable',
]);

/**
 * A failure that goes away by itself, or once an operator has made room: the store unreachable, timed out,
 * answering 5xx, busy, or its disk full, failing or read-only.
 */
export function isTransient(error: unknown, depth = 0): boolean {
  // Read by shape, not `instanceof Error`: a native addon's errors (better-sqlite3's) may come from another
  // realm's Error (a second jest module registry in one worker).
  if (typeof error !== 'object' || error === null || depth > 3) return false;
  const { code, statusCode, name, cause } = error as Record<string, unknown>;
  if (typeof code === 'string' && transientCodes.has(code)) return true;
  if (isDiskFault(error)) return true;
  if (name === 'AbortError' || name === 'TimeoutError') return true;
  if (
    name === 'RestError' &&
    (statusCode === undefined || (typeof statusCode === 'number' && statusCode >= 500))
  )
    return true;
  return isTransient(cause, depth + 1);
}

/**
 * What every adapter does when a turn throws: log the conversation id and an error code (never the
 * message text: the logger keeps an error's name, code and stack frames only), and apologise. Answers
 * saved before the failure are kept; no partial recommendation is shown.
 */
export function turnErrorHandler(log: Logger, label: string) {
  return async (ctx: TurnContext, error: Error): Promise<void> => {
    const transient = isTransient(error);
    const code = (error as { code?: unknown }).code;
    log.error(
      {
        key: conversationKey(ctx),
        code: typeof code === 'string' ? code : transient ? 'store_unavailable' : 'turn_failed',
        err: error,
      },
      label,
    );
    await ctx.sendActivity(transient ? tryAgainNote : notes.failed).catch(() => undefined);
  };
}

import { isDiskFault } from './store';

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

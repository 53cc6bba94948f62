import type { IncomingHttpHeaders } from 'node:http';

/** Largest request body accepted on any endpoint; anything larger is refused with 413 before it is parsed. */
export const maxBodyBytes = 256 * 1024;

/** A request header's value (the first, when a client repeated it). */
export function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const v = headers[name];
  return Array.isArray(v) ? v[0] : v;
}

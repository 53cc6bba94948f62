import pino from 'pino';
import { fdDestination } from './log-destination';

/**
 * Errors are logged by kind and where they were thrown, never by message: an SDK's message can quote the request
 * (restify's JSON errors quote the body, a zod error the input). The stack is kept to its frames for that reason.
 */
const errKind = (err: unknown) => {
  if (!(err instanceof Error)) return err;
  const { code, statusCode } = err as { code?: unknown; statusCode?: unknown };
  const frames = (err.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line));
  return { name: err.name, code, statusCode, stack: frames.join('\n') };
};

/**
 * Structured logs. Only ids, codes and enumerated values go in: never message text, names or
 * anything typed by a user (patient privacy). The serializers hold for libraries given this logger too
 * (restify logs `req`, `res` and `err` objects, and a request's body with them).
 */
export function makeLogger(
  level: string,
  destination: pino.DestinationStream = fdDestination(),
): pino.Logger {
  return pino(
    {
      level,
      base: { app: 'bcbm-consult' },
      redact: ['text', 'req.body', '*.text', 'body', 'value', '*.value'],
      serializers: {
        req: (req: { method?: string; url?: string }) => ({
          method: req.method,
          path: req.url?.split('?')[0],
        }),
        res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
        err: errKind,
      },
    },
    destination,
  );
}

export type Logger = pino.Logger;

import pino from 'pino';

/**
 * Structured logs. Only ids, codes and enumerated values go in: never message text, names or
 * anything typed by a user (patient privacy).
 */
export function makeLogger(level: string, destination?: pino.DestinationStream): pino.Logger {
  return pino({ level, base: { app: 'bcbm-consult' }, redact: ['text', 'req.body', '*.text'] }, destination);
}

export type Logger = pino.Logger;

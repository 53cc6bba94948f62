import type { TurnContext } from 'botbuilder';
import type { Logger } from '../log';
import { notes } from '../view/strings';
import { conversationKey } from './consult-bot';

/**
 * What every adapter does when a turn throws: log the conversation id and an error code (never the
 * message text), and apologise. Answers saved before the failure are kept; no partial
 * recommendation is shown.
 */
export function turnErrorHandler(log: Logger, label: string) {
  return async (ctx: TurnContext, error: Error): Promise<void> => {
    const err = error as Error & { code?: string };
    log.error(
      {
        key: conversationKey(ctx.activity),
        code: err.code ?? 'turn_failed',
        err: { name: err.name, stack: err.stack },
      },
      label,
    );
    await ctx.sendActivity(notes.failed).catch(() => undefined);
  };
}

import type { TurnContext } from 'botbuilder';
import type { Logger } from '../log';
import { isTransient } from '../store/transient';
import { notes, tryAgainNote } from '../view/strings';
import { conversationKey } from './conversation-key';

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

import type { AnswerEntry } from '../src/pathway/recommend';
import { otherAnswerer } from '../src/view/strings';

/**
 * Who gives a turn's answers in a shared conversation (a Teams group chat or channel, a Slack thread): a keyed
 * pseudonym, which is all that is stored of them, and the name the channel gives for this turn only.
 */
export interface Answerer {
  id: string;
  name?: string;
}

/**
 * The answers as this turn's sender is shown them. Names are not stored: the sender's own answers carry the
 * name the channel gives now, everyone else's a neutral label (their names are not the channel's to give in
 * this turn). In a one-to-one conversation nobody is named.
 */
export function shownAnswers(log: readonly AnswerEntry[], sender: Answerer | undefined): AnswerEntry[] {
  return log.map(({ by, ...entry }) => {
    const label = by === undefined ? undefined : by === sender?.id ? sender.name : otherAnswerer;
    return label ? { ...entry, by: label } : entry;
  });
}

import type { TurnInput } from '../../dialogs/parse-input';
import { parseInput } from '../../dialogs/parse-input';
import type { Answerer } from '../../dialogs/answerers';
import { pathway } from '../content';
import { KeyedHash } from '../lib/keyed-hash';
import type { Logger } from '../log';
import type { ConsultStore } from '../store/store';
import type { TrainView } from '../view/training-view';
import type { AnsweredView, View } from '../view/view';
import { howToStart } from '../view/strings';
import { ConsultService, duplicate } from './consult';
import { openTraining, type Learner, type TrainingService } from './training';
import { parseTraining } from './training-input';

/**
 * Who sends a turn, as every edge (Bot Framework, Slack through it, the terminal) tells it: channel-neutral,
 * and nothing of it is stored as it is (user ids are hashed, names only shown back to their owner).
 */
export interface Sender extends Learner {
  /** The name the channel gives the sender in this turn: shown to them with their own answers, never stored. */
  name?: string;
}

/** What a turn says: views for everyone in the conversation and views for the sender alone. */
export type Outcome =
  | {
      mode: 'consult';
      shared: View[];
      own: View[];
      /** The question card this turn answered, for channels that replace the clicked card in place. */
      answered?: AnsweredView;
    }
  | {
      mode: 'training';
      shared: TrainView[];
      own: TrainView[];
      /** The learner's attempt after the turn, for a card only they see (Teams). */
      attemptId?: string;
    }
  /** A delivery applied before (a channel's retry): acknowledged, nothing to send. */
  | { mode: 'duplicate' };

/** Replies that training takes only while the sender plays a case in this conversation. */
const whilePlaying = new Set(['answer', 'why', 'back', 'summary', 'help']);

/**
 * The one conversation service every edge calls. Per turn it decides once whether the turn is training's or
 * the consult's, hands it to that service with its delivery id (applied at most once), and says what to
 * send to whom. It knows no channel: the edges translate activities in and views out (src/channels).
 */
export class Conversation {
  constructor(
    readonly consult: ConsultService,
    readonly training: TrainingService,
    /** Keyed with TRAINING_LEARNER_KEY: what is stored of who answered. */
    private readonly pseudonyms: KeyedHash,
    private readonly store: ConsultStore,
  ) {}

  /** One turn: what the sender typed (`text`) or clicked (`value`, a button's data). */
  async turn(
    sender: Sender,
    said: { text?: string; value?: unknown },
    deliveryId?: string,
  ): Promise<Outcome> {
    const command = parseTraining(said.text, said.value);
    if (command && command.kind !== 'leave') {
      // The common typed consult reply ("2") reaches the learner check only, answered from memory.
      const claimable = !whilePlaying.has(command.kind) || (await this.training.playing(sender));
      const out = claimable ? await this.training.turn(sender, command, deliveryId) : undefined;
      if (out?.duplicate) return { mode: 'duplicate' };
      if (out?.claimed)
        return {
          mode: 'training',
          shared: out.shared,
          own: out.own,
          ...(out.attemptId ? { attemptId: out.attemptId } : {}),
        };
    }
    // `start`, `consult`, `restart` leave a case the sender is playing, then begin a consult.
    if (command?.kind === 'leave') await this.training.turn(sender, command);
    return this.consultTurn(sender, parseInput(said.text, said.value), deliveryId);
  }

  private async consultTurn(sender: Sender, input: TurnInput, deliveryId?: string): Promise<Outcome> {
    const result = await this.consult.turn(sender.conversation, input, this.answererOf(sender), deliveryId);
    if (result === duplicate) return { mode: 'duplicate' };
    return {
      mode: 'consult',
      shared: result.views,
      own: [],
      ...(result.answered ? { answered: result.answered } : {}),
    };
  }

  /** The learner's current view of an attempt (a Teams refresh of their user-specific card). */
  viewOf(sender: Sender, attemptId: string): Promise<TrainView[]> {
    return this.training.viewOf(sender, attemptId);
  }

  /** The welcome, once per conversation (a channel may announce the bot's arrival more than once). */
  async welcome(conversation: string): Promise<View[]> {
    if (!(await this.store.firstDelivery(conversation, 'welcome'))) return [];
    const { welcome, disclaimer } = this.consult.content;
    return [{ kind: 'welcome', text: `${welcome} ${howToStart}`, disclaimer }];
  }

  /**
   * Who answers in a shared conversation: a pseudonym of their channel user id, keyed and per conversation, so
   * that neither their name nor their id is stored and their answers in two consults cannot be linked; and the
   * name the channel gives in this turn, shown to them.
   */
  private answererOf(sender: Sender): Answerer | undefined {
    if (!sender.shared) return undefined;
    const id = this.pseudonyms.of(`answerer\u0000${sender.conversation}\u0000${sender.userId}`, 16);
    return { id, ...(sender.name ? { name: sender.name } : {}) };
  }
}

/** The service with the reviewed content, on a store, keyed with TRAINING_LEARNER_KEY. */
export function openConversation(store: ConsultStore, learnerKey: string, log: Logger): Conversation {
  return new Conversation(
    new ConsultService(store, pathway, log),
    openTraining(store, learnerKey, log),
    new KeyedHash(learnerKey),
    store,
  );
}

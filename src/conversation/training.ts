import { randomUUID } from 'node:crypto';
import { pathway } from '../content';
import type { Pathway } from '../content/schema';
import { training } from '../content/training-content';
import type { DecisionId, Training } from '../content/training-schema';
import { KeyedHash } from '../lib/keyed-hash';
import { KeyedQueue } from '../lib/keyed-queue';
import { Recent } from '../pathway/recent';
import { loadCases, type PlayableCase } from '../pathway/training-bank';
import type { Logger } from '../log';
import { retryOnConflict } from '../store/retry';
import { DuplicateDeliveryError, type ConsultStore } from '../store/store';
import type { TrainCommand } from './training-input';
import type { TrainReportView, TrainView } from '../view/training-view';
import {
  activeAttempt,
  attemptViews,
  inTraining,
  trainTurn,
  type TrainContext,
  type TrainInput,
  type TrainResult,
} from '../../dialogs/train';
import {
  emptyLearner,
  emptyReport,
  LearnerRecord,
  RunningCase,
  TrainingReport,
} from '../../dialogs/train-record';

/** Who is playing, where: the channel's user id is hashed with the configured key before anything is stored. */
export interface Learner {
  channelId: string;
  userId: string;
  /** The conversation key the consult uses for this conversation. */
  conversation: string;
  shared: boolean;
  canReplyPrivately: boolean;
  /** The channel shows a click's answer to the clicker alone (Teams' user-specific card views). */
  privateOnClick: boolean;
  /** Named in TRAINING_EDUCATORS, as the edge checked against the id the channel proved (never stored). */
  educator: boolean;
}

export interface TrainingOutcome {
  claimed: boolean;
  /** A delivery applied before (a channel's retry): claimed, nothing to send. */
  duplicate?: true;
  shared: TrainView[];
  own: TrainView[];
  /** The learner's attempt after the turn, for a Teams user-specific card. */
  attemptId?: string;
}

/**
 * Trainee mode against the store: learner records under `learner:<hmac>`, the case running in a conversation
 * under `training:<hash>`, the educator's aggregates under `training:report`; every write is a
 * compare-and-set on the etag, retried when another writer won the race (../store/retry.ts). The
 * conversation service (./service.ts) calls it for every turn it decides is training's.
 */
export class TrainingService {
  /** The clock: injectable so tests can move time for spaced repetition. */
  now: () => Date = () => new Date();
  private readonly queue = new KeyedQueue();
  private readonly hashes: KeyedHash;
  /** Learner records this process read or wrote last, with their etag (absent learners too). */
  private readonly learners = new Recent<string, { record: LearnerRecord; etag?: string }>(2000);

  constructor(
    private readonly store: ConsultStore,
    readonly content: Pathway,
    readonly training: Training,
    readonly cases: readonly PlayableCase[],
    learnerKey: string,
    private readonly log: Logger,
  ) {
    this.hashes = new KeyedHash(learnerKey);
  }

  /** The keyed hash a learner is stored under: the same person in every conversation, never their id itself. */
  hashOf(channelId: string, userId: string): string {
    return this.hashes.of(`${channelId}\u0000${userId}`, 40);
  }

  private conversationHash(conversation: string): string {
    return this.hashes.of(`conversation\u0000${conversation}`, 32);
  }

  /**
   * Runs a command or button for a learner; `claimed: false` hands the turn back to the consult. With a
   * `deliveryId` (the activity id) a claimed turn is applied at most once: a channel's retry of a typed
   * "2" must not answer the next decision too. A repeat is claimed with nothing to send.
   */
  async turn(who: Learner, command: TrainCommand, deliveryId?: string): Promise<TrainingOutcome> {
    if (command.kind === 'report')
      return who.educator
        ? { claimed: true, shared: [await this.reportView()], own: [] }
        : { claimed: true, shared: [], own: [{ kind: 'trainNotice', note: 'educatorsOnly' }] };
    const key = this.learnerKey(who);
    return this.serial(key, () => this.turnNow(key, who, command, deliveryId));
  }

  /**
   * Whether typed replies and `why`, `back`, `summary`, `help` of this learner here are training's: they are
   * while the learner plays a case in this conversation. Asked for every typed reply of every consult, so it
   * is answered from this process's copy of the learner where the store is this process's alone (SQLite locks
   * its folder, memory is the process's own; every write of a learner goes through here and refreshes the
   * copy), and asked of the store (with the etag of that copy) where several instances share it.
   */
  async playing(who: Learner): Promise<boolean> {
    const key = this.learnerKey(who);
    const known = this.learners.get(key);
    const { record } = known && this.store.cheapConflicts ? known : await this.loadLearner(key);
    return inTraining(record, this.conversationHash(who.conversation));
  }

  /** The learner's current view of an attempt (a Teams refresh of their user-specific card). */
  async viewOf(who: Learner, attemptId: string): Promise<TrainView[]> {
    const { record } = await this.loadLearner(this.learnerKey(who));
    return attemptViews(record, attemptId, this.context(who));
  }

  private learnerKey(who: Learner): string {
    return `learner:${this.hashOf(who.channelId, who.userId)}`;
  }

  private context(who: Learner): TrainContext {
    return {
      content: this.content,
      training: this.training,
      cases: this.cases,
      now: this.now(),
      newId: randomUUID,
      learnerKey: this.hashOf(who.channelId, who.userId),
      conversation: this.conversationHash(who.conversation),
      shared: who.shared,
      canReplyPrivately: who.canReplyPrivately,
      privateOnClick: who.privateOnClick,
    };
  }

  private serial<T>(key: string, work: () => Promise<T>): Promise<T> {
    return this.queue.run(key, work);
  }

  /** A stored record and its etag (asked without `ifNoneMatch`, so never just "unchanged"). */
  private async read(key: string): Promise<{ value: unknown; etag: string } | undefined> {
    const loaded = await this.store.load(key);
    return loaded && 'value' in loaded ? loaded : undefined;
  }

  /** Trainee records carry no audit events: the audit log is for consults. */
  private write(key: string, value: unknown, etag: string | undefined, deliveryId?: string): Promise<string> {
    return this.store.save({ key, value, etag, events: [], ...(deliveryId ? { deliveryId } : {}) });
  }

  private async loadLearner(key: string): Promise<{ record: LearnerRecord; etag?: string }> {
    const known = this.learners.get(key);
    const loaded = await this.store.load(key, known?.etag);
    if (loaded && 'unchanged' in loaded && known) return known;
    const parsed = loaded && 'value' in loaded ? LearnerRecord.safeParse(loaded.value) : undefined;
    if (parsed && !parsed.success) this.log.warn({ code: 'learner_unreadable' }, 'learner record unreadable');
    const learner = { record: parsed?.success ? parsed.data : emptyLearner(), etag: loaded?.etag };
    this.learners.set(key, learner);
    return learner;
  }

  private async turnNow(
    key: string,
    who: Learner,
    input: TrainInput,
    deliveryId?: string,
  ): Promise<TrainingOutcome> {
    const runningKey = `training:${this.conversationHash(who.conversation)}`;
    const result = await retryOnConflict(async () => {
      const { record, etag } = await this.loadLearner(key);
      const runningLoaded = await this.read(runningKey);
      const running = runningLoaded ? RunningCase.safeParse(runningLoaded.value) : undefined;
      const turned = trainTurn(record, running?.success ? running.data : undefined, input, this.context(who));
      // The delivery id is recorded with the learner's record (one write), or alone when that is unchanged.
      const delivery = turned.claimed ? deliveryId : undefined;
      try {
        if (turned.learnerChanged) {
          const written = await this.write(key, turned.learner, etag, delivery);
          this.learners.set(key, { record: turned.learner, etag: written });
        } else if (delivery !== undefined && !(await this.store.firstDelivery(key, delivery)))
          throw new DuplicateDeliveryError(`delivery ${delivery} was applied before`);
      } catch (err) {
        if (!(err instanceof DuplicateDeliveryError)) throw err;
        this.log.info({ code: 'duplicate_delivery' }, 'training turn ignored');
        return undefined;
      }
      return turned;
    });
    if (!result) return { claimed: true, duplicate: true, shared: [], own: [] };
    // The running case is last-writer-wins: two learners starting cases at once both get one.
    const next = result.running;
    if (result.runningChanged && next)
      await this.update(
        runningKey,
        () => next,
        (r) => r,
      );
    if (result.started || result.scored.length) await this.count(result);
    // A consult's `start` asks training first (it may leave a case): that is not a training turn.
    if (result.claimed || result.learnerChanged)
      this.log.info(
        {
          code: 'training_turn',
          kind: input.kind,
          scored: result.scored.length,
          completed: result.completed,
        },
        'training turn',
      );
    return {
      claimed: result.claimed,
      shared: result.shared,
      own: result.own,
      // A record is nobody's attempt: its card is not refreshed into one.
      ...(input.kind === 'score'
        ? {}
        : { attemptId: activeAttempt(result.learner)?.id ?? result.learner.attempts.at(-1)?.id }),
    };
  }

  /** Read-modify-write of a shared record: one at a time in this process, compare-and-set across processes. */
  private update<T>(key: string, parse: (v: unknown) => T, change: (v: T) => T): Promise<void> {
    return this.serial(key, () => this.updateNow(key, parse, change));
  }

  private updateNow<T>(key: string, parse: (v: unknown) => T, change: (v: T) => T): Promise<void> {
    return retryOnConflict(async () => {
      const loaded = await this.read(key);
      await this.write(key, change(parse(loaded?.value)), loaded?.etag);
    });
  }

  private count(result: TrainResult): Promise<void> {
    return this.update(
      'training:report',
      (v) => {
        const parsed = TrainingReport.safeParse(v);
        return parsed.success ? parsed.data : emptyReport();
      },
      (r) => {
        const decisions = { ...r.decisions };
        for (const s of result.scored) {
          const d = decisions[s.decision] ?? { answered: 0, right: 0 };
          decisions[s.decision] = { answered: d.answered + 1, right: d.right + (s.right ? 1 : 0) };
        }
        return {
          ...r,
          attempts: r.attempts + (result.started ? 1 : 0),
          completed: r.completed + (result.completed ? 1 : 0),
          decisions,
        };
      },
    );
  }

  /** Aggregates only: attempts, completions and percent right per decision type. */
  async reportView(): Promise<TrainReportView> {
    const loaded = await this.read('training:report');
    const parsed = TrainingReport.safeParse(loaded?.value);
    const r = parsed.success ? parsed.data : emptyReport();
    return {
      kind: 'trainReport',
      attempts: r.attempts,
      completed: r.completed,
      decisions: this.training.decisions.map((d) => ({
        title: d.title,
        answered: r.decisions[d.id as DecisionId]?.answered ?? 0,
        right: r.decisions[d.id as DecisionId]?.right ?? 0,
      })),
    };
  }
}

/** The service with the reviewed content and the generated case bank. */
export function openTraining(store: ConsultStore, learnerKey: string, log: Logger): TrainingService {
  return new TrainingService(store, pathway, training, loadCases(pathway, training), learnerKey, log);
}

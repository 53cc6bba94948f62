import { answerLabel, shortOf } from '../src/pathway/recommend';
import type { View } from '../src/view/view';
import { bcbmMachineVersion } from '../machines/bcbm.machine';
import { persistSnapshot, replay, restoreSnapshot, type BcbmSnapshot } from '../machines/step';
import { answer } from './answer';
import { feedback, typedFeedback } from './feedback';
import { change, commandHandlers } from './commands';
import type { ConsultRecord } from './consult-record';
import { isAnswerValue } from '../src/content/case-model';
import { matchReply, questionOptions } from './match';
import type { TurnInput } from './parse-input';
import { initialSnapshot, newRecord, stay, type Turn, type TurnEnv, type TurnResult } from './turn';
import { currentView, helpView, positionOf } from './views';

export type { TurnEnv, TurnResult } from './turn';

/** A stored record as a turn: its snapshot, or (written by another version of the pathway) its answers replayed. */
function resume(stored: ConsultRecord, env: TurnEnv): Turn {
  if (stored.machineVersion === bcbmMachineVersion) {
    const snapshot = restoreSnapshot(stored.snapshot);
    if (snapshot.status !== 'error') return { env, record: stored, snapshot, pre: [], migrated: false };
  }
  // Do not trust the snapshot: replay what still applies, and say what was not kept.
  const { snapshot, applied, dropped } = replay(stored.log);
  const { changing: _dropped, ...kept } = stored;
  const record: ConsultRecord = {
    ...kept,
    machineVersion: bcbmMachineVersion,
    revision: stored.revision + 1,
    log: applied.map((a) => stored.log.find((e) => e.question === a.question) ?? a),
    snapshot: persistSnapshot(snapshot),
  };
  const { content } = env;
  const updated: View = {
    kind: 'updated',
    kept: applied.length,
    dropped: dropped.map((d) => ({
      short: shortOf(content, d.question),
      answer: answerLabel(content, d.question, d.answer),
    })),
  };
  return { env, record, snapshot, pre: [updated], migrated: true };
}

function start(env: TurnEnv, input: TurnInput): TurnResult {
  const snapshot: BcbmSnapshot = initialSnapshot();
  const record = newRecord(env, snapshot);
  const help = input.kind === 'command' && input.command === 'help' ? [helpView()] : [];
  const welcome: View = { kind: 'welcome', text: env.content.welcome, disclaimer: env.content.disclaimer };
  return {
    record,
    changed: true,
    views: [welcome, ...help, currentView(env.content, record, snapshot, env.by)],
    events: [{ kind: 'started' }],
  };
}

/**
 * One turn of a consult: a pure function from the stored record and the input to the new record, the
 * views to send and what happened (for the audit log). The caller loads and saves the record.
 */
export function handleTurn(stored: ConsultRecord | undefined, input: TurnInput, env: TurnEnv): TurnResult {
  return withFeedbackControl(turnOf(stored, input, env));
}

/** Every recommendation shown is followed by its helpful / not helpful control (dialogs/feedback.ts). */
function withFeedbackControl(result: TurnResult): TurnResult {
  const at = result.views.findIndex((v) => v.kind === 'recommendation');
  if (at < 0) return result;
  const { consultId, revision } = result.record;
  const views = [...result.views];
  views.splice(at + 1, 0, { kind: 'feedbackAsk', consultId, step: revision });
  return { ...result, views };
}

function turnOf(stored: ConsultRecord | undefined, input: TurnInput, env: TurnEnv): TurnResult {
  if (!stored) return start(env, input);
  const t = resume(stored, env);
  const at = positionOf(t.record, t.snapshot);
  const stale = () =>
    stay(t, { kind: 'notice', note: 'stale' }, currentView(env.content, t.record, t.snapshot, env.by));
  switch (input.kind) {
    case 'empty':
      return stay(t, currentView(env.content, t.record, t.snapshot, env.by));
    case 'command':
      return commandHandlers[input.command](t);
    case 'change':
      return change(t, input.question);
    case 'feedback':
      return feedback(t, input);
    case 'card': {
      if (at.kind !== 'question') return stay(t, { kind: 'notice', note: 'stale' });
      const old =
        input.question !== at.questionId ||
        (input.consultId !== undefined && input.consultId !== t.record.consultId) ||
        (input.step !== undefined && input.step !== t.record.revision);
      if (old) return stale();
      // A button carries its answer: checked as data, never read by the typed-reply matcher.
      return isAnswerValue(at.questionId, input.answer)
        ? answer(t, at.questionId, input.answer)
        : unrecognised(t);
    }
    case 'text': {
      if (at.kind !== 'question')
        return typedFeedback(t, input.text) ?? stay(t, { kind: 'notice', note: 'finished' });
      const options = questionOptions(env.content, at.questionId);
      const m = matchReply(options, input.text);
      if (m.kind === 'one') return answer(t, at.questionId, m.value);
      if (m.kind === 'none') return unrecognised(t);
      // Fits more than one option: ask which (by their numbers in the list), never guess.
      return stay(
        t,
        {
          kind: 'which',
          options: options.flatMap((o, i) =>
            m.values.includes(o.value) ? [{ n: i + 1, label: o.label }] : [],
          ),
        },
        currentView(env.content, t.record, t.snapshot, env.by),
      );
    }
  }
}

const unrecognised = (t: Turn) =>
  stay(
    t,
    { kind: 'notice', note: 'unrecognised' },
    currentView(t.env.content, t.record, t.snapshot, t.env.by),
  );

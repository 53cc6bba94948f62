import { replay, restoreSnapshot, persistSnapshot, stepOf } from '../../machines/step';

const gone = { status: 'active', value: { triage: 'askGone' }, context: { answers: {} }, children: {} };
// XState reports an error it was not told how to handle by throwing it on a timer of its own (0 ms): once a
// timer queued after the restore has run, that one has run too.
const afterTimers = () => new Promise((r) => setTimeout(r, 0));

describe('restoring a stored snapshot', () => {
  it('round-trips a persisted snapshot through JSON', () => {
    const { snapshot } = replay([{ question: 'scenario', answer: 'knownProgression' }]);
    const restored = restoreSnapshot(JSON.parse(JSON.stringify(persistSnapshot(snapshot))));
    expect(stepOf(restored)).toEqual({ kind: 'question', questionId: 'redFlags' });
    expect(restored.context.answers).toEqual({ scenario: 'knownProgression' });
  });

  it('returns an error status for a state the machine no longer has, without an uncaught exception later', async () => {
    const errors: unknown[] = [];
    const listener = (e: unknown) => errors.push(e);
    process.on('uncaughtException', listener);
    try {
      expect(restoreSnapshot(gone).status).toBe('error');
      await afterTimers();
    } finally {
      process.off('uncaughtException', listener);
    }
    expect(errors).toEqual([]);
  });
});

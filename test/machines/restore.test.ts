import { replay, restoreSnapshot, persistSnapshot, stepOf } from '../../machines/step';

const gone = { status: 'active', value: { triage: 'askGone' }, context: { answers: {} }, children: {} };
const tick = () => new Promise((r) => setTimeout(r, 50));

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
      await tick();
    } finally {
      process.off('uncaughtException', listener);
    }
    expect(errors).toEqual([]);
  });
});

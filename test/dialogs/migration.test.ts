import { pathway } from '../../src/content';
import { handleTurn, type TurnEnv } from '../../dialogs/consult';
import type { ConsultRecord } from '../../dialogs/consult-record';
import { renderText } from '../../src/view/text';
import { bcbmMachineVersion } from '../../machines/bcbm.machine';
import { replay } from '../../machines/step';

const ctx: TurnEnv = {
  content: pathway,
  now: new Date('2026-11-28T10:00:00Z'),
  newId: () => 'consult-2',
};

function record(overrides: Partial<ConsultRecord>): ConsultRecord {
  const log: ConsultRecord['log'] = [
    { question: 'scenario', answer: 'newSymptoms' },
    { question: 'redFlags', answer: 'none' },
    { question: 'seizure', answer: 'yes' },
  ];
  return {
    schema: 1,
    consultId: 'consult-1',
    machineVersion: bcbmMachineVersion,
    contentVersion: pathway.version,
    step: 3,
    log,
    snapshot: JSON.parse(JSON.stringify(replay(log).snapshot)),
    startedAt: '2026-11-28T09:00:00Z',
    updatedAt: '2026-11-28T09:05:00Z',
    ...overrides,
  };
}

describe('a consult saved by an older version of the statechart', () => {
  it('is not restored blindly: the bot says the pathway was updated and replays the answers that still apply', () => {
    const old = record({
      machineVersion: 'older000000',
      snapshot: {
        status: 'active',
        value: { triage: 'askDuration' },
        context: { answers: {} },
        children: {},
      },
      log: [...record({}).log, { question: 'age', answer: 'under60' }],
    });
    const result = handleTurn(old, { kind: 'command', command: 'summary' }, ctx);
    const text = result.views.map(renderText).join('\n');
    expect(text).toContain('The pathway was updated');
    expect(text).toContain('(3)');
    expect(text).toContain('Not kept: Age: Under 60');
    expect(result.record.machineVersion).toBe(bcbmMachineVersion);
    expect(result.record.log.map((e) => e.question)).toEqual(['scenario', 'redFlags', 'seizure']);
    expect(result.changed).toBe(true);
  });

  it('restores a snapshot of the current version as it is', () => {
    const result = handleTurn(record({}), { kind: 'command', command: 'summary' }, ctx);
    expect(result.views.map(renderText).join('\n')).not.toContain('updated');
    expect(result.changed).toBe(false);
  });

  it('replays when the snapshot names a state that no longer exists, even with the same version', () => {
    const broken = record({
      snapshot: { status: 'active', value: { triage: 'askGone' }, context: { answers: {} }, children: {} },
    });
    const result = handleTurn(broken, { kind: 'text', text: '1' }, ctx);
    expect(result.views.map(renderText).join('\n')).toContain('The pathway was updated');
    expect(result.record.log.at(-1)).toEqual({ question: 'mriAccess', answer: 'available' });
  });
});

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
    revision: 3,
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
    // One line says how many answers were kept (the three the current statechart still asks) and which were not.
    expect(text.split('\n')).toContain(
      'The pathway was updated since this consult began. Your answers that still apply were kept (3). Not kept: Age: Under 60.',
    );
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

  it('asks again a question whose saved answer was retired (KPS "60 or less", content 1.0)', () => {
    const log: ConsultRecord['log'] = [
      { question: 'scenario', answer: 'newSymptoms' },
      { question: 'redFlags', answer: 'none' },
      { question: 'seizure', answer: 'yes' },
      { question: 'mriAccess', answer: 'available' },
      { question: 'imagingResult', answer: 'parenchymal' },
      { question: 'lesionCount', answer: 'one' },
      { question: 'largestLesion', answer: 'under3cm' },
      { question: 'massEffect', answer: 'no' },
      { question: 'resectable', answer: 'no' },
      { question: 'kps', answer: 'kps60orLess' },
      { question: 'age', answer: 'under60' },
    ];
    const old = record({
      machineVersion: 'a1c09a5c1542',
      contentVersion: '1.0.1',
      log,
      snapshot: { status: 'active', value: { systemic: 'askHer2' }, context: { answers: {} }, children: {} },
    });
    const result = handleTurn(old, { kind: 'command', command: 'summary' }, ctx);
    const text = result.views.map(renderText).join('\n');
    expect(text).toContain('The pathway was updated');
    expect(text).toMatch(/Not kept: Karnofsky performance status: kps60orLess/);
    expect(result.record.log.map((e) => e.question)).toEqual(log.slice(0, 9).map((e) => e.question));
    // The consult goes on at the KPS question, now with the finer answers.
    const next = handleTurn(result.record, { kind: 'text', text: '60' }, ctx);
    expect(next.record.log.at(-1)).toEqual({ question: 'kps', answer: 'kps60' });
  });
});

import { pathway } from '../src/content';
import { ConsultService, duplicate } from '../src/conversation/consult';
import { makeLogger } from '../src/log';
import { MemoryStore } from '../src/store/memory';
import { parseInput } from '../dialogs/parse-input';

describe('the consult service', () => {
  it('writes an audit trail of ids and enumerated answers: started, each answer, undo, the recommendation, restart', async () => {
    const store = new MemoryStore();
    const service = new ConsultService(store, pathway, makeLogger('silent'));
    const say = (text: string) => service.turn('emulator:audit', parseInput(text, undefined));
    for (const text of ['start', '1', 'No', 'back', '1', '1', '1', 'Not done yet', 'restart'])
      await say(text);
    expect(
      store.audits.map((a) => [a.kind, a.question, a.answer, a.outcome].filter(Boolean).join(' ')),
    ).toEqual([
      'started',
      'answered scenario newSymptoms',
      'answered redFlags none',
      'undone',
      'answered redFlags none',
      'answered seizure yes',
      'answered mriAccess available',
      'answered imagingResult pending',
      'recommended interimPlan',
      'restarted',
    ]);
    expect(new Set(store.audits.map((a) => a.contentVersion))).toEqual(new Set([pathway.version]));
  });

  it('runs the turns of one conversation one at a time, so simultaneous clicks cannot both apply', async () => {
    const store = new MemoryStore();
    const service = new ConsultService(store, pathway, makeLogger('silent'));
    await service.turn('msteams:race', parseInput('start', undefined));
    const click = { question: 'scenario', answer: 'newSymptoms', step: 0 };
    const results = await Promise.all(
      [1, 2, 3].map(() => service.turn('msteams:race', parseInput(undefined, click))),
    );
    expect(results.filter((r) => r.answered)).toHaveLength(1);
    expect(
      results.filter((r) => r.views.some((v) => v.kind === 'notice' && v.note === 'stale')),
    ).toHaveLength(2);
  });

  it('catches a race between two bot instances on one store with the etag, and retries on fresh state', async () => {
    const store = new MemoryStore();
    const [a, b] = [1, 2].map(() => new ConsultService(store, pathway, makeLogger('silent')));
    await a!.turn('msteams:two-instances', parseInput('start', undefined));
    // Both instances have seen the consult, so each runs the click on its own copy and only the save can tell.
    await b!.turn('msteams:two-instances', parseInput('summary', undefined));
    const click = { question: 'scenario', answer: 'newSymptoms', step: 0 };
    const save = store.save.bind(store);
    let conflicts = 0;
    store.save = async (...args) => {
      try {
        return await save(...args);
      } catch (err) {
        conflicts++;
        throw err;
      }
    };
    const results = await Promise.all(
      [a!, b!].map((s) => s.turn('msteams:two-instances', parseInput(undefined, click))),
    );
    expect(conflicts).toBe(1);
    expect(results.filter((r) => r.answered)).toHaveLength(1);
    expect(
      results.filter((r) => r.views.some((v) => v.kind === 'notice' && v.note === 'stale')),
    ).toHaveLength(1);
  });

  it('answers from what the store holds when another instance moved the consult on since this one last saw it', async () => {
    const store = new MemoryStore();
    const [a, b] = [1, 2].map(() => new ConsultService(store, pathway, makeLogger('silent')));
    const say = (s: ConsultService, text: string) => s.turn('msteams:moved-on', parseInput(text, undefined));
    await say(a!, 'start');
    // b answers the first question; a's own copy still has none.
    expect((await say(b!, '1')).answered).toMatchObject({ questionId: 'scenario' });
    // A turn that writes nothing (the summary) shows b's answer, not a's old copy.
    const summary = (await say(a!, 'summary')).views.find((v) => v.kind === 'summary');
    expect(summary).toMatchObject({ answers: [{ question: 'scenario' }] });
    // A turn that writes answers the second question; run on a's old copy it would answer the first again.
    expect((await say(a!, '1')).answered).toMatchObject({ questionId: 'redFlags' });
    expect(store.audits.filter((x) => x.kind === 'answered').map((x) => x.question)).toEqual([
      'scenario',
      'redFlags',
    ]);
  });

  it('applies a delivery once: a retried delivery gets nothing to send and records nothing', async () => {
    const store = new MemoryStore();
    const service = new ConsultService(store, pathway, makeLogger('silent'));
    const say = (text: string, id: string) =>
      service.turn('msteams:retry', parseInput(text, undefined), undefined, id);
    await say('start', 'a1');
    expect(await say('1', 'a2')).not.toBe(duplicate);
    expect(await say('1', 'a2')).toBe(duplicate);
    expect(await say('summary', 'a3')).not.toBe(duplicate);
    expect(await say('summary', 'a3')).toBe(duplicate);
    expect(store.audits.filter((a) => a.kind === 'answered').map((a) => a.question)).toEqual(['scenario']);
  });
});

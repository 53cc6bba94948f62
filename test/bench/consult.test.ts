import pino from 'pino';
import { variedConsults } from '../../bench/consults';
import { consult } from '../../bench/load';
import { parseInput } from '../../dialogs/parse-input';
import { pathway } from '../../src/content';
import { ConsultService } from '../../src/conversation/consult';
import { MemoryStore } from '../../src/store/memory';

// The bench's typed consult must stay a whole consult: if the content adds a question, the bench would
// otherwise measure question turns only and never build a recommendation.
describe('the consult the bench types', () => {
  it('takes every answer it types and ends in the treatment plan', async () => {
    const service = new ConsultService(new MemoryStore(), pathway, pino({ level: 'silent' }));
    const kinds: string[][] = [];
    for (const text of consult) {
      const result = await service.turn('bench:consult', parseInput(text, undefined));
      kinds.push(result.views.map((v) => (v.kind === 'notice' ? `notice:${v.note}` : v.kind)));
    }
    expect(kinds.flat().filter((k) => k.startsWith('notice'))).toEqual([]);
    expect(kinds.slice(1, -1).every((k) => k.at(-1) === 'question')).toBe(true);
    expect(kinds.at(-1)).toEqual(['recommendation', 'feedbackAsk']);
  });
});

describe('the varied consults the bench plays', () => {
  it('are whole consults, the same on every run, and not all alike', async () => {
    const consults = await variedConsults(40);
    expect(consults).toHaveLength(40);
    expect(await variedConsults(40)).toEqual(consults);
    expect(new Set(consults.map((c) => c.join(' '))).size).toBeGreaterThan(30);
    for (const c of consults) expect(c[0]).toBe('start');
  });
});

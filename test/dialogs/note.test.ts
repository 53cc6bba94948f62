import { pathway } from '../../src/content';
import { handleTurn, type TurnEnv, type TurnResult } from '../../dialogs/consult';
import { parseInput } from '../../dialogs/parse-input';
import { handoverNote, noteMaxChars } from '../../src/view/note';
import { renderText } from '../../src/view/text';
import { distinctRecommendations } from '../view/distinct';
import { figure } from '../support/figures';

const env: TurnEnv = {
  content: pathway,
  now: new Date('2026-12-01T09:00:00Z'),
  newId: () => 'c1',
  by: { id: '0123456789abcdef', name: 'Dr Hopper' },
};
const headingsInOrder = ['Situation:', 'Background:', 'Assessment:', 'Recommendation:'];

function noteOf(r: TurnResult): string {
  const v = handleTurn(r.record, parseInput('note', undefined), env).views[0]!;
  expect(v.kind).toBe('note');
  return renderText(v);
}

describe('the handover note', () => {
  it('is at most 1,500 characters with the four SBAR headings and the version, for every distinct recommendation', () => {
    let longest = '';
    for (const r of distinctRecommendations()) {
      const note = handoverNote({
        recommendation: r,
        answers: r.inputs.map((i) => ({ question: i.question, answer: i.value })),
        unknowns: r.unknowns,
        version: pathway.version,
        date: '2026-12-01',
        handover: pathway.handover,
      });
      expect(note.length).toBeLessThanOrEqual(noteMaxChars);
      const at = headingsInOrder.map((h) => note.indexOf(`\n${h}`));
      expect(at.every((x) => x > 0)).toBe(true);
      expect([...at].sort((a, b) => a - b)).toEqual(at);
      expect(note).toContain(pathway.version);
      if (note.length > longest.length) longest = note;
    }
    figure(`Longest handover note: ${longest.length} characters\n${longest}`);
  });

  it('holds nothing anyone typed and no names, from a consult where free text was typed', () => {
    const typed = 'Mrs Jane Example, MRN 0012345, bed 4';
    let r = handleTurn(undefined, parseInput('start', undefined), env);
    r = handleTurn(r.record, parseInput(typed, undefined), env); // not an answer: refused
    for (let i = 0; i < 30 && r.views.at(-1)!.kind === 'question'; i++)
      r = handleTurn(r.record, parseInput('1', undefined), env);
    expect(r.views.map((v) => v.kind)).toContain('recommendation');
    const note = noteOf(r);
    expect(note).not.toContain('Jane');
    expect(note).not.toContain('0012345');
    expect(note).not.toContain('Hopper');
    // The answers are there, in the content's handover wording, in sentences.
    for (const e of r.record.log) expect(note).toContain(pathway.handover.phrases[e.question]![e.answer]!);
    expect(note).toContain('Sources: [1]');
    expect(note).toContain(`content version ${pathway.version}, 2026-12-01`);
  });

  it('reads as a handover: the problem in one line, background in prose, the plan, who finds out what is unknown, a safety net, the date', () => {
    let r = handleTurn(undefined, parseInput('start', undefined), env);
    // New symptom, no emergency, a seizure, MRI now, one metastasis, small, no mass effect, not resectable,
    // KPS 90–100, under 60, HER2 unknown, HR-positive, not staged, on first-line therapy.
    for (const n of ['1', '1', '1', '1', '2', '1', '1', '2', '2', '1', '1', '5', '1', '4', '2'])
      r = handleTurn(r.record, parseInput(n, undefined), env);
    expect(r.views.map((v) => v.kind)).toContain('recommendation');
    const note = noteOf(r);
    const line = (heading: string) => note.split('\n').find((l) => l.startsWith(`${heading}:`)) ?? '';
    expect(line('Situation')).toBe(
      'Situation: New neurological symptom, brain metastases suspected: seizures, imaging shows brain metastases, 1 lesion, largest under 3 cm, no mass effect, not resectable.',
    );
    expect(line('Background')).toBe(
      'Background: Woman under 60 with HR-positive, HER2 unknown breast cancer. KPS 90–100; on first-line systemic therapy; not yet staged outside the brain.',
    );
    expect(line('Assessment')).toMatch(
      /^Assessment: Plan: Radiosurgery; Restage before deciding; No steroids\. Breast GPA /,
    );
    expect(note).toMatch(/Still unknown:\n- HER2 status[^\n]*\(oncology, with pathology\)\./);
    expect(line('Safety net')).toMatch(/call the on-call team, and neurosurgery for raised pressure/);
    expect(note.split('\n')[0]).toBe(`Handover note (content version ${pathway.version}, 2026-12-01)`);
  });

  it('says the consult is not finished while it goes on', () => {
    const r = handleTurn(undefined, parseInput('start', undefined), env);
    const note = noteOf(handleTurn(r.record, parseInput('1', undefined), env));
    expect(note).toContain('Recommendation:');
    expect(note).toContain(pathway.questions[1]!.prompt);
  });
});

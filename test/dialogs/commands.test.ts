import { handleTurn, type TurnEnv } from '../../dialogs/consult';
import type { ConsultRecord } from '../../dialogs/consult-record';
import { parseInput } from '../../dialogs/parse-input';
import { pathway } from '../../src/content';
import { headings, notes } from '../../src/view/strings';
import { renderText } from '../../src/view/text';
import { figure } from '../support/figures';

// The consult's commands as [user says, bot says] tables, on the pure turn (no server, no store): each row
// plays the turns before it from no consult, then says one thing and reads what the bot says back.

const env: TurnEnv = { content: pathway, now: new Date('2026-12-07T10:00:00Z'), newId: () => 'consult-1' };

/** The record after these typed turns, from no consult. */
function after(said: readonly string[]): ConsultRecord | undefined {
  let record: ConsultRecord | undefined;
  for (const text of said) record = handleTurn(record, parseInput(text, undefined), env).record;
  return record;
}

/** What the bot says to `text` after `before`, as plain text, message after message. */
const says = (before: readonly string[], text: string) =>
  handleTurn(after(before), parseInput(text, undefined), env).views.map(renderText).join('\n');

const prompt = (id: string) => pathway.questions.find((q) => q.id === id)!.prompt;
const label = (id: string, value: string) =>
  pathway.questions.find((q) => q.id === id)!.options.find((o) => o.value === value)!.label;
const short = (id: string) => pathway.questions.find((q) => q.id === id)!.short;

const oneAnswer = ['start', '1'];
/** A whole consult, typed: it ends in the interim plan (imaging pending). */
const finished = ['start', '1', '1', 'yes', '1', 'Not done yet'];
const interimPlan = pathway.outcomes.find((o) => o.id === 'interimPlan')!.title;

describe('the consult commands, as the bot answers them', () => {
  const table: [string, string[], string, string[]][] = [
    // [what, the turns before, user says, bot says (lines, in order)]
    ['start begins a consult with the welcome', [], 'start', [pathway.welcome, `1. ${prompt('scenario')}`]],
    ['any first message begins a consult', [], 'hello', [pathway.welcome, `1. ${prompt('scenario')}`]],
    [
      'start during a consult does not lose it',
      oneAnswer,
      'start',
      [notes.inProgress, `2. ${prompt('redFlags')}`],
    ],
    ['consult is start', oneAnswer, 'consult', [notes.inProgress]],
    ['restart drops the answers', oneAnswer, 'restart', [headings.restarted, `1. ${prompt('scenario')}`]],
    [
      'back undoes the last answer',
      oneAnswer,
      'back',
      [
        `${headings.undone}: ${short('scenario')}: ${label('scenario', 'newSymptoms')}`,
        `1. ${prompt('scenario')}`,
      ],
    ],
    ['undo is back', oneAnswer, 'undo', [`${headings.undone}: ${short('scenario')}`]],
    [
      'back with nothing to undo says so',
      ['start'],
      'back',
      [notes.nothingToUndo, `1. ${prompt('scenario')}`],
    ],
    ['why tells why the question is asked', oneAnswer, 'why', [`${headings.why}: ${prompt('redFlags')}`]],
    [
      'summary lists the answers and the next question',
      oneAnswer,
      'summary',
      [
        `${headings.summary}:`,
        `- ${short('scenario')}: ${label('scenario', 'newSymptoms')}`,
        `${headings.next}: ${prompt('redFlags')}`,
      ],
    ],
    ['summary before any answer', ['start'], 'summary', [`${headings.summary}:`, '- (no answers yet)']],
    ['help lists the commands', oneAnswer, 'help', [`${headings.help}:`, '- back: undo the last answer']],
    ['? is help', oneAnswer, '?', [`${headings.help}:`]],
    ['commands take a slash, capitals and a full stop', oneAnswer, '/HELP.', [`${headings.help}:`]],
    ['details wait for the end', oneAnswer, 'details', [notes.notFinished, `2. ${prompt('redFlags')}`]],
    [
      'note gives a handover note while the consult goes on',
      oneAnswer,
      'note',
      [headings.noteTitle, `${headings.notePending} ${prompt('redFlags')}`],
    ],
    [
      'note fhir (any case and spacing) gives the consult as FHIR JSON',
      oneAnswer,
      'Note  FHIR',
      ['{', '  "resourceType": "Bundle",', '        "questionnaire": '],
    ],
    ['fhir is note fhir', oneAnswer, 'fhir', ['{', '  "resourceType": "Bundle",']],
    ['constructor is no command (nor any member of Object)', oneAnswer, 'constructor', [notes.unrecognised]],
    ['__proto__ neither', oneAnswer, '__proto__', [notes.unrecognised]],
    ['change alone asks which', oneAnswer, 'change', [notes.changeWhich]],
    ['change of an unanswered question says so', oneAnswer, 'change 5', [notes.notAnswered]],
    [
      'change <number> asks that question again',
      oneAnswer,
      'change 1',
      [`${headings.changing} (${label('scenario', 'newSymptoms')}).`, `1. ${prompt('scenario')}`],
    ],
    ['change <short name> works too', oneAnswer, `change ${short('scenario')}`, [`${headings.changing} (`]],
    [
      'an answer that is no option is refused',
      oneAnswer,
      'banana',
      [notes.unrecognised, `2. ${prompt('redFlags')}`],
    ],
    ["an option's number answers", ['start'], '2', [`2. ${prompt('redFlags')}`]],
    [
      "an option's label answers",
      ['start'],
      label('scenario', 'knownProgression'),
      [`2. ${prompt('redFlags')}`],
    ],
    [
      'the last answer gives the recommendation',
      finished.slice(0, -1),
      'Not done yet',
      [interimPlan, `${headings.bottomLine}:`],
    ],
    ['a typed answer after the end says it is finished', finished, '1', [notes.finished]],
    ['details after the end give the full plan', finished, 'details', [`${headings.references}:`]],
    [
      'why after the end points to the answers behind each point',
      finished,
      'why',
      [headings.whyRecommendation],
    ],
    [
      'note after the end gives the plan to hand over',
      finished,
      'note',
      [
        headings.noteTitle,
        `${headings.situation}: ${pathway.handover.phrases.scenario!.newSymptoms}`,
        `${headings.assessment}: ${headings.plan}: `,
        `${headings.recommendation}:`,
        '1. ',
        `${headings.safetyNet}: `,
      ],
    ],
  ];

  it.each(table)('%s', (_what, before, text, expected) => {
    const lines = says(before, text).split('\n');
    // Each expected line is said, in this order (a line may be longer: the expectation is its start).
    let at = 0;
    for (const want of expected) {
      const found = lines.findIndex((l, i) => i >= at && l.startsWith(want));
      expect({ want, found: found >= 0 }).toEqual({ want, found: true });
      at = found + 1;
    }
  });

  it.each([
    ['at a question', oneAnswer],
    ['after the plan', finished],
  ])('help %s lists the commands only, in under 150 words', (_at, before) => {
    const text = says(before, 'help');
    expect(text.startsWith(`${headings.help}:`)).toBe(true);
    for (const c of ['start', 'back', 'summary', 'details', 'note', 'change'])
      expect(text).toContain(`- ${c}`);
    expect(text).not.toContain(prompt('redFlags'));
    expect(text).not.toContain(interimPlan);
    expect(text).not.toContain(`${headings.bottomLine}:`);
    const words = text.split(/\s+/).filter(Boolean).length;
    figure(`help: ${words} words`);
    expect(words).toBeLessThan(150);
  });

  it("takes an option's label as that option: summary shows the answer given", () => {
    expect(says(['start', label('scenario', 'knownProgression')], 'summary')).toContain(
      `- ${short('scenario')}: ${label('scenario', 'knownProgression')}`,
    );
  });

  it('changes nothing for a command that only reads (summary, why, help, details, note, note fhir)', () => {
    for (const text of ['summary', 'why', 'help', 'details', 'note', 'note fhir'])
      expect(handleTurn(after(finished), parseInput(text, undefined), env).changed).toBe(false);
  });
});

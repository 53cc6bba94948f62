import { pathway } from '../../src/content';
import type { QuestionId } from '../../src/content/case-model';
import { handleTurn, type TurnEnv } from '../../dialogs/consult';
import { matchReply, questionOptions } from '../../dialogs/match';
import { parseInput } from '../../dialogs/parse-input';
import { renderText } from '../../src/view/text';

const reply = (q: QuestionId, text: string) => matchReply(questionOptions(pathway, q), text);
const one = (value: string) => ({ kind: 'one', value });

describe('typed answers as people type them (one option, or the bot asks which)', () => {
  it.each<[QuestionId, string, string]>([
    ['scenario', 'new symptom', 'newSymptoms'],
    ['scenario', 'progressing', 'knownProgression'],
    ['scenario', 'Known metastases, progressing.', 'knownProgression'],
    ['redFlags', 'no', 'none'],
    ['redFlags', 'herniation', 'raisedIcp'],
    ['seizure', 'Yes', 'yes'],
    ['seizure', 'not sure', 'unsure'],
    ['mriAccess', 'yes', 'available'],
    ['mriAccess', 'she has a pacemaker', 'contraindicated'],
    ['imagingResult', 'parenchymal', 'parenchymal'],
    ['imagingResult', 'no metastases', 'noMetastases'],
    ['imagingResult', 'normal', 'noMetastases'],
    ['imagingResult', 'lepto', 'leptomeningeal'],
    ['lesionCount', '3 lesions', 'twoToFour'],
    ['lesionCount', '3', 'fiveToTen'], // a bare number is the option's place in the list
    ['lesionCount', '7', 'fiveToTen'], // beyond the list: the option whose range holds it
    ['kps', 'KPS 40', 'kps50orLess'],
    ['kps', '70', 'kps70to80'],
    ['age', '72', 'sixtyOrOver'],
    ['her2', 'HER2+', 'positive'],
    ['her2', 'IHC 0', 'negative'],
    ['her2', 'ultra low', 'ultralow'],
    ['hormoneReceptor', 'ER+', 'positive'],
    ['hormoneReceptor', 'ER-', 'negative'],
    ['her2Regimen', 'Enhertu', 'tdxd'],
    ['systemicTherapy', 'first line', 'firstLine'],
  ])('%s: "%s" is %s', (q, text, value) => {
    expect(reply(q, text)).toEqual(one(value));
  });

  it.each<[QuestionId, string, string[]]>([
    ['scenario', 'metastases', ['newSymptoms', 'knownProgression']],
    ['mriAccess', 'no', ['contraindicated', 'unavailable']],
    ['redFlags', 'status', ['statusEpilepticus', 'focalStatus']],
  ])('%s: "%s" fits several, so the bot asks', (q, text, values) => {
    expect(reply(q, text)).toEqual({ kind: 'several', values });
  });

  it.each<[QuestionId, string]>([
    ['scenario', 'Mrs Example, bed 4'],
    ['largestLesion', '2 cm'],
    ['kps', '65'],
    ['seizure', ''],
  ])('%s: "%s" names no option', (q, text) => {
    expect(reply(q, text)).toEqual({ kind: 'none' });
  });
});

describe('the consult turn', () => {
  const env: TurnEnv = { content: pathway, now: new Date('2026-12-07T09:00:00Z'), newId: () => 'c1' };
  const start = () => handleTurn(undefined, parseInput('start', undefined), env);

  it('asks which when a reply fits several options, naming them by number, and takes nothing', () => {
    const r = start();
    const asked = handleTurn(r.record, parseInput('metastases', undefined), env);
    expect(asked.changed).toBe(false);
    expect(renderText(asked.views[0]!)).toBe(
      'That fits more than one answer: reply with the number of the one you mean. 1. New symptom, metastases suspected; 2. Known metastases, progressing.',
    );
    expect(asked.views[1]).toMatchObject({ kind: 'question', questionId: 'scenario' });
    const taken = handleTurn(r.record, parseInput('2', undefined), env);
    expect(taken.record.log).toEqual([{ question: 'scenario', answer: 'knownProgression' }]);
  });

  it('takes "new symptom" and "yes" as typed, and checks a button by its data', () => {
    let r = handleTurn(start().record, parseInput('new symptom', undefined), env);
    r = handleTurn(r.record, parseInput('no', undefined), env);
    r = handleTurn(r.record, parseInput('yes', undefined), env);
    r = handleTurn(r.record, parseInput('yes', undefined), env);
    expect(r.record.log.map((e) => e.answer)).toEqual(['newSymptoms', 'none', 'yes', 'available']);
    // A button whose answer is no value of the question is refused, whatever its text looks like.
    const clicked = handleTurn(
      r.record,
      parseInput(undefined, { question: 'imagingResult', answer: 'No metastases' }),
      env,
    );
    expect(clicked.changed).toBe(false);
    expect(clicked.views[0]).toMatchObject({ kind: 'notice', note: 'unrecognised' });
  });
});

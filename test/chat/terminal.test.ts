import { PassThrough } from 'node:stream';
import { pathway } from '../../src/content';
import { chat } from '../../src/chat/terminal';
import { headings } from '../../src/view/strings';

describe('the terminal chat', () => {
  it('runs a consult with numbered options to the interim plan and ends on quit', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let screen = '';
    output.on('data', (c: Buffer) => (screen += c.toString()));
    const done = chat(input, output);
    input.end(['1', '1', 'yes', '1', 'Not done yet', 'summary', 'details', 'quit', ''].join('\n'));
    await done;
    // The recommendation opens with its bottom line; `details` prints the rest, section by section.
    const plan = screen.slice(screen.indexOf(headings.bottomLine));
    const [folded, details] = plan.split('\n> Summary so far');
    const firstItem = pathway.items.find((i) => i.id === 'interimUrgentImaging')!;
    expect(folded).toContain(`1. ${firstItem.short}`);
    expect(folded).not.toContain(firstItem.text);
    expect(details).toContain(firstItem.text);
    expect(details).toContain(`${headings.references}:`);
    expect(screen).toContain('1) New symptom, metastases suspected');
    expect(screen).toContain(pathway.outcomes.find((o) => o.id === 'interimPlan')!.title);
    expect(screen).toContain('Seizure: Yes');
    expect(screen).toContain(pathway.disclaimer);
  });

  it('prints ACT NOW with the numbered short actions after an emergency, the full items after them, then goes on', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let screen = '';
    output.on('data', (c: Buffer) => (screen += c.toString()));
    const done = chat(input, output);
    input.end(['1', 'Raised intracranial pressure', 'quit', ''].join('\n'));
    await done;
    const act = screen.slice(screen.indexOf(headings.urgentText));
    const neurosurgery = pathway.items.find((i) => i.id === 'icpNeurosurgery')!;
    expect(act).toMatch(new RegExp(`^${headings.urgentText}\n1\. `));
    expect(act.indexOf(`1. ${neurosurgery.short}`)).toBeGreaterThan(0);
    // The list and the line back come before any cited paragraph.
    expect(act.indexOf(pathway.actNowResume)).toBeLessThan(act.indexOf(neurosurgery.text));
    expect(act.indexOf(neurosurgery.text)).toBeGreaterThan(0);
    // The consult goes on: the next question follows.
    const next = pathway.questions.find((q) => q.id === 'seizure')!.prompt;
    expect(act.indexOf(`3. ${next}`)).toBeGreaterThan(act.indexOf(neurosurgery.text));
  });

  it('plays a training case with typed numbers, then leaves it for a consult on start', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let screen = '';
    output.on('data', (c: Buffer) => (screen += c.toString()));
    const done = chat(input, output);
    input.end(['train', '1', 'start', 'quit', ''].join('\n'));
    await done;
    expect(screen).toMatch(/Case [0-9a-f]{6}\. A woman/);
    // The options are numbered and written out whole, as typed numbers need.
    expect(screen).toMatch(/\n {2}1\) [^\n]+\n {2}2\) [^\n]+\n/);
    expect(screen).toMatch(/(Correct|Incorrect)\. The pathway's choice: /);
    // start left training: the consult's first question comes after the reveal.
    expect(screen.lastIndexOf('1. What kind of consult')).toBeGreaterThan(
      screen.indexOf("The pathway's choice"),
    );
  });
});

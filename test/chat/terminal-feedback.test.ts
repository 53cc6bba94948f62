import { PassThrough } from 'node:stream';
import { chat } from '../../src/chat/terminal';
import { feedbackWording, reasonLabels } from '../../src/view/feedback';
import { notes } from '../../src/view/strings';

/** What the terminal shows for these typed lines, from its first question to quit. */
async function screenOf(lines: string[]): Promise<string> {
  const input = new PassThrough();
  const output = new PassThrough();
  let screen = '';
  output.on('data', (c: Buffer) => (screen += c.toString()));
  const done = chat(input, output);
  input.end([...lines, 'quit', ''].join('\n'));
  await done;
  return screen;
}

/** A consult typed to its end (the interim plan, imaging pending). */
const finished = ['1', '1', 'yes', '1', 'Not done yet'];

describe('feedback in the terminal', () => {
  it('lists helpful and not helpful under help, and asks after the plan', async () => {
    const screen = await screenOf([...finished, 'help']);
    expect(screen).toContain(`${feedbackWording.ask} ${feedbackWording.askHint}`);
    expect(screen).toContain('- helpful: ');
    expect(screen).toContain('- not helpful: ');
  });

  it('thanks for helpful in one line, and counts it once', async () => {
    const screen = await screenOf([...finished, 'helpful', 'helpful']);
    expect(screen).toContain(`> ${feedbackWording.thanks}\n`);
    expect(screen).toContain(`> ${notes.feedbackAlready}\n`);
  });

  it('asks the reason and the part as numbered choices, re-asks a wrong number, then thanks', async () => {
    const screen = await screenOf([...finished, 'not helpful', '7', '3', '2']);
    // The screen from the plan's feedback question on: what the typed lines brought.
    const asked = screen.slice(screen.lastIndexOf(feedbackWording.askHint));
    expect(asked).toContain(
      `${feedbackWording.reason}\n  1) ${reasonLabels.wrong}\n  2) ${reasonLabels.outdated}`,
    );
    expect(asked).toContain(`  5) ${reasonLabels.other}\n${feedbackWording.reply}`);
    // 7 is no reason: asked again.
    expect(asked).toContain(`${notes.unrecognised}\n\n${feedbackWording.reason}`);
    // 3 (unclear): the parts, the plan as a whole first.
    expect(asked).toContain(`${feedbackWording.item}\n  1) ${feedbackWording.wholePlan}\n  2) `);
    // 2: the first item; the last thing said is the thanks.
    expect(asked.trimEnd().split('\n').at(-3)).toBe(`> ${feedbackWording.thanks}`);
  });
});

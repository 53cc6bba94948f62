import { createInterface } from 'node:readline';
import { pathway } from '../content';
import { ConsultService } from '../consult-service';
import { makeLogger } from '../log';
import { MemoryStore } from '../store/memory';
import { renderText } from '../view/text';
import { parseInput } from '../../dialogs/parse-input';
import { localLearnerKey } from '../config';
import { parseTraining } from '../training/parse';
import { openTraining } from '../training/service';
import { trainText } from '../view/training-render';

/**
 * `npm run chat`: a consult in the terminal, through the same consult service as the bot, with
 * numbered options. Nothing is written to disk; type quit (or Ctrl-D) to leave.
 */
export async function chat(
  input: NodeJS.ReadableStream = process.stdin,
  output: NodeJS.WritableStream = process.stdout,
): Promise<void> {
  const store = new MemoryStore();
  const service = new ConsultService(store, pathway, makeLogger('silent'));
  // Trainee mode: `train` here plays a case for the one local learner.
  const training = openTraining(store, localLearnerKey, makeLogger('silent'));
  const learner = {
    channelId: 'terminal',
    userId: 'local',
    conversation: 'terminal:local',
    shared: false,
    canReplyPrivately: true,
  };
  const rl = createInterface({ input, output, terminal: Boolean((output as NodeJS.WriteStream).isTTY) });
  // Take lines from the start: piped input may arrive before the first question is shown.
  const lines = rl[Symbol.asyncIterator]();
  const say = async (text: string) => {
    const command = parseTraining(text, undefined);
    const trained = command && (await training.turn(learner, command));
    if (trained?.claimed) {
      output.write(`${[...trained.shared, ...trained.own].map(trainText).join('\n\n')}\n\n`);
      return;
    }
    const result = await service.turn('terminal:local', parseInput(text, undefined));
    output.write(`${result.views.map(renderText).join('\n\n')}\n\n`);
  };
  await say('start');
  output.write('(Reply with a number, or type help. Type quit to leave.)\n');
  rl.setPrompt('> ');
  rl.prompt();
  for (let next = await lines.next(); !next.done; next = await lines.next()) {
    const line = next.value as string;
    if (/^(quit|exit)$/i.test(line.trim())) break;
    await say(line);
    rl.prompt();
  }
  rl.close();
}

if (require.main === module) void chat();

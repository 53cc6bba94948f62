import { createInterface } from 'node:readline';
import { consultMessages, trainingMessage } from '../channels/render';
import { channels } from '../channels/table';
import { localLearnerKey } from '../config';
import { openConversation, type Outcome, type Sender } from '../conversation/service';
import { makeLogger } from '../log';
import { MemoryStore } from '../store/memory';

/** The one person at the terminal, in their one conversation. */
const sender: Sender = {
  channelId: channels.terminal.name,
  userId: 'local',
  conversation: 'terminal:local',
  shared: false,
  canReplyPrivately: true,
  privateOnClick: false,
  // The report is for educators named in TRAINING_EDUCATORS, whom only a channel can prove.
  educator: false,
};

/** What a turn says, as the terminal shows it: plain text, one message after another. */
function screenOf(out: Outcome): string {
  const channel = channels.terminal;
  const to = { privately: false, conversationId: sender.conversation };
  const messages =
    out.mode === 'consult'
      ? [...out.shared, ...out.own].flatMap((v) => consultMessages(v, channel))
      : out.mode === 'training'
        ? [out.shared, out.own].filter((v) => v.length).map((v) => trainingMessage(v, channel, to))
        : [];
  return messages.map((m) => m.text).join('\n\n');
}

/**
 * `npm run chat`: a consult in the terminal, through the same conversation service as the bot, with
 * numbered options. Nothing is written to disk; type quit (or Ctrl-D) to leave.
 */
export async function chat(
  input: NodeJS.ReadableStream = process.stdin,
  output: NodeJS.WritableStream = process.stdout,
): Promise<void> {
  // Trainee mode too: `train` here plays a case for the one local learner.
  const conversation = openConversation(new MemoryStore(), localLearnerKey, makeLogger('silent'));
  const rl = createInterface({ input, output, terminal: Boolean((output as NodeJS.WriteStream).isTTY) });
  // Take lines from the start: piped input may arrive before the first question is shown.
  const lines = rl[Symbol.asyncIterator]();
  const say = async (text: string) => {
    output.write(`${screenOf(await conversation.turn(sender, { text }))}\n\n`);
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

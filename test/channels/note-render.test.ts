import { PassThrough } from 'node:stream';
import { handleTurn, type TurnEnv } from '../../dialogs/consult';
import type { ConsultRecord } from '../../dialogs/consult-record';
import { parseInput } from '../../dialogs/parse-input';
import { chat } from '../../src/chat/terminal';
import type { Message } from '../../src/channels/activity';
import { consultMessages } from '../../src/channels/render';
import { slackMessagesOf } from '../../src/slack/render';
import { channelOf } from '../../src/channels/table';
import { pathway } from '../../src/content';
import { slackLimits } from '../../src/view/slack-blocks';
import { headings } from '../../src/view/strings';
import type { View } from '../../src/view/view';

/**
 * The handover note and the consult's FHIR form as each channel receives them: one block a clinician can
 * copy as written (no Markdown to mangle it), and the FHIR Bundle where the channel can carry it.
 */
const env: TurnEnv = { content: pathway, now: new Date('2026-12-07T10:00:00Z'), newId: () => 'c1' };

/** A typical consult, answered with the buttons' data. */
const route: [string, string][] = [
  ['scenario', 'newSymptoms'],
  ['redFlags', 'none'],
  ['seizure', 'yes'],
  ['mriAccess', 'available'],
  ['imagingResult', 'parenchymal'],
  ['lesionCount', 'one'],
  ['largestLesion', 'under3cm'],
  ['massEffect', 'no'],
  ['resectable', 'yes'],
  ['kps', 'kps90to100'],
  ['age', 'under60'],
  ['her2', 'positive'],
  ['hormoneReceptor', 'positive'],
  ['extracranial', 'controlled'],
  ['systemicTherapy', 'firstLine'],
  ['her2Regimen', 'trastuzumabPertuzumab'],
];

function finished(): ConsultRecord {
  let record = handleTurn(undefined, parseInput('start', undefined), env).record;
  for (const [question, answer] of route)
    record = handleTurn(record, parseInput(undefined, { question, answer }), env).record;
  return record!;
}

const viewOf = (text: string) => handleTurn(finished(), parseInput(text, undefined), env).views[0]!;
const note = viewOf('note') as Extract<View, { kind: 'note' }>;
const fhir = viewOf('note fhir') as Extract<View, { kind: 'noteFhir' }>;

type Node = Record<string, unknown>;
const content = (m: Message) => (m.attachments?.[0]?.content ?? {}) as Node;
/** Every object in a JSON tree, depth first. */
const nodes = (n: unknown): Node[] =>
  Array.isArray(n)
    ? n.flatMap(nodes)
    : n && typeof n === 'object'
      ? [n as Node, ...Object.values(n).flatMap(nodes)]
      : [];
const runs = (n: unknown) =>
  nodes(n)
    .filter((x) => x.type === 'TextRun')
    .map((x) => x.text as string)
    .join('');
/** What a Slack code block shows, unescaped: the text between its fences. */
const codeIn = (text: string) =>
  /^```\n([\s\S]*)\n```$/.exec(text)![1]!.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
const sectionTexts = (m: { blocks: readonly unknown[] }) =>
  nodes(m.blocks)
    .filter((b) => b.type === 'section')
    .map((b) => (b.text as Node).text as string);

describe('the handover note in each channel', () => {
  it('is a real SBAR note of this consult, with a FHIR Bundle of its answers beside it', () => {
    expect(note.text).toMatch(/^Handover note \(content version [\d.]+, 2026-12-07\)\nSituation: /);
    const response = note.fhir!.entry![0]!.resource!;
    expect(response.item!.map((i) => [i.linkId, i.answer![0]!.valueCoding!.code])).toEqual(
      expect.arrayContaining(route),
    );
    expect(response.item).toHaveLength(route.length);
  });

  it('Teams: one CodeBlock holding the note as written, a plain fallback, no Markdown TextBlock, no file', () => {
    const messages = consultMessages(note, channelOf('msteams'));
    expect(messages).toHaveLength(1);
    const [message] = messages;
    expect(message!.attachments).toHaveLength(1);
    const card = content(message!);
    const blocks = nodes(card.body).filter((n) => n.type === 'CodeBlock');
    expect(blocks).toHaveLength(1);
    expect(blocks[0]).toMatchObject({ codeSnippet: note.text, language: 'PlainText' });
    // Without CodeBlock (Teams mobile, Web Chat): the same text in runs, which are not read as Markdown.
    expect(runs(blocks[0]!.fallback)).toBe(note.text);
    // No TextBlock (read as Markdown: "1." lists, "-" bullets, "*" emphasis) holds a line of the note.
    const textBlocks = nodes(card.body).filter((n) => n.type === 'TextBlock');
    for (const line of note.text.split('\n'))
      expect(textBlocks.filter((t) => (t.text as string).includes(line))).toEqual([]);
    expect(card.fallbackText).toBe(note.text);
    expect(JSON.stringify(message).length).toBeLessThan(channelOf('msteams').maxMessageChars);
  });

  it('Teams: note fhir gives the Bundle as JSON in one monospaced block, within the message size', () => {
    const [message, ...more] = consultMessages(fhir, channelOf('msteams'));
    expect(more).toEqual([]);
    const block = nodes(content(message!).body).filter((n) => n.type === 'RichTextBlock');
    expect(block).toHaveLength(1);
    expect(nodes(block).filter((n) => n.type === 'TextRun' && n.fontType !== 'Monospace')).toEqual([]);
    expect(JSON.parse(runs(block))).toEqual(fhir.fhir);
    expect(JSON.stringify(message).length).toBeLessThan(channelOf('msteams').maxMessageChars);
  });

  it('Slack: the note as one code block in the thread, exactly the note once unescaped', () => {
    const messages = consultMessages(note, channelOf('slack')).flatMap(slackMessagesOf);
    expect(messages).toHaveLength(1);
    const slack = messages[0]!;
    expect(slack.thread).toBe(true);
    const texts = sectionTexts(slack);
    expect(texts).toHaveLength(1);
    expect(codeIn(texts[0]!)).toBe(note.text);
  });

  it('Slack: note fhir in the thread, cut between lines into messages within Slack’s limits', () => {
    const slack = consultMessages(fhir, channelOf('slack')).flatMap(slackMessagesOf);
    expect(slack.every((m) => m.thread)).toBe(true);
    for (const m of slack) {
      expect(m.blocks.length).toBeLessThanOrEqual(slackLimits.blocksPerMessage);
      for (const t of sectionTexts(m)) expect(t.length).toBeLessThanOrEqual(slackLimits.text);
    }
    const json = slack.flatMap(sectionTexts).map(codeIn).join('\n');
    expect(JSON.parse(json)).toEqual(fhir.fhir);
  });

  it('Web Chat: the note carries the Bundle as a .json file; Teams, Slack and the terminal do not', () => {
    const [message] = consultMessages(note, channelOf('webchat'));
    const file = message!.attachments!.find((a) => a.contentType === 'application/fhir+json')!;
    expect(file.name).toBe('bcbm-consult.fhir.json');
    const [head, body] = file.contentUrl!.split(',');
    expect(head).toBe('data:application/fhir+json;base64');
    expect(JSON.parse(Buffer.from(body!, 'base64').toString('utf8'))).toEqual(note.fhir);
    expect(message!.text).toBe(note.text);
    expect(JSON.stringify(message).length).toBeLessThan(channelOf('webchat').maxMessageChars);
    for (const other of ['msteams', 'slack', 'terminal'])
      expect(
        consultMessages(note, channelOf(other)).flatMap((m) =>
          (m.attachments ?? []).filter((a) => a.contentType === 'application/fhir+json'),
        ),
      ).toEqual([]);
  });
});

describe('a note too big to carry its file', () => {
  it('goes alone, within the size, rather than refused', () => {
    const small = { ...channelOf('webchat'), maxMessageChars: 8_000 };
    const [message, ...more] = consultMessages(note, small);
    expect(more).toEqual([]);
    expect(message!.attachments!.map((a) => a.contentType)).toEqual([
      'application/vnd.microsoft.card.adaptive',
    ]);
    expect(JSON.stringify(message).length).toBeLessThanOrEqual(8_000);
  });
});

describe('the terminal: note, then note fhir', () => {
  it('prints the note plain, says how to get the FHIR form, and prints it as JSON of the answers', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let screen = '';
    output.on('data', (c: Buffer) => (screen += c.toString()));
    const done = chat(input, output);
    input.end(['1', '1', 'yes', '1', 'Not done yet', 'note', 'note fhir', 'quit', ''].join('\n'));
    await done;
    const at = screen.indexOf('Handover note (');
    expect(at).toBeGreaterThan(0);
    expect(screen.indexOf(headings.noteFhirHint)).toBeGreaterThan(at);
    // The JSON: from a `{` that ends a line (after the prompt) to the next line that is `}` alone.
    const json = /\{\n[\s\S]*?\n\}$/m.exec(screen.slice(screen.indexOf(headings.noteFhirHint)))![0];
    const bundle = JSON.parse(json) as { resourceType: string; entry: { resource: Node }[] };
    expect(bundle.resourceType).toBe('Bundle');
    const response = bundle.entry[0]!.resource as {
      status: string;
      item: { linkId: string; answer: { valueCoding: { code: string } }[] }[];
    };
    expect(response.status).toBe('completed');
    expect(Object.fromEntries(response.item.map((i) => [i.linkId, i.answer[0]!.valueCoding.code]))).toEqual({
      scenario: 'newSymptoms',
      redFlags: 'none',
      seizure: 'yes',
      mriAccess: 'available',
      imagingResult: 'pending',
    });
    // Plain text: no Markdown or escape codes around the note.
    expect(screen).not.toMatch(/```|\*\*|\u001b\[/);
  });
});

import type { ActionsBlock, Button, KnownBlock } from '@slack/web-api';
import type { ConsultRecord } from '../../dialogs/consult-record';
import type { QuestionId } from '../../src/content/case-model';
import { questionView } from '../../dialogs/views';
import { parseInput } from '../../dialogs/parse-input';
import { pathway } from '../../src/content';
import { buildRecommendation } from '../../src/pathway/recommend';
import {
  blockTextLength,
  escapeMrkdwn,
  renderSlack,
  slackLimits,
  splitText,
  type SlackMessage,
} from '../../src/view/slack-blocks';
import { notes } from '../../src/view/strings';
import { renderText } from '../../src/view/text';
import type { View } from '../../src/view/view';

const record = {
  schema: 1,
  consultId: '2f1c6a8e-4b7d-4c1e-9a51-0c2b7d3e9f10',
  machineVersion: 'test',
  contentVersion: pathway.version,
  revision: 3,
  log: [],
  snapshot: null,
  startedAt: '2026-11-28T00:00:00.000Z',
  updatedAt: '2026-11-28T00:00:00.000Z',
} satisfies ConsultRecord;

function buttonsOf(m: SlackMessage): Button[] {
  return m.blocks
    .filter((b): b is ActionsBlock => b.type === 'actions')
    .flatMap((b) => b.elements.filter((e): e is Button => e.type === 'button'));
}

/** Every text object of a block: section text, header text, context elements, button labels. */
function texts(block: KnownBlock): { kind: string; text: string }[] {
  switch (block.type) {
    case 'section':
      return block.text ? [{ kind: 'section', text: block.text.text }] : [];
    case 'header':
      return [{ kind: 'header', text: block.text.text }];
    case 'context':
      return block.elements.map((e) => ({ kind: 'context', text: 'text' in e ? e.text : '' }));
    case 'actions':
      return buttonsOf({ text: '', blocks: [block] }).map((b) => ({ kind: 'button', text: b.text.text }));
    default:
      return [];
  }
}

/** Slack's published limits, checked on one message; returns what breaks them. */
function limitsBroken(m: SlackMessage): string[] {
  const broken: string[] = [];
  if (m.blocks.length > slackLimits.blocksPerMessage) broken.push(`${m.blocks.length} blocks`);
  if (!m.text) broken.push('no fallback text');
  const total = m.blocks.reduce((n, b) => n + blockTextLength(b), 0);
  if (total > slackLimits.messageText) broken.push(`${total} characters of block text`);
  const ids = new Set<string>();
  for (const b of m.blocks) {
    if (b.block_id && b.block_id.length > slackLimits.id) broken.push('block_id too long');
    if (b.type === 'context' && b.elements.length > slackLimits.contextElements)
      broken.push('context elements');
    if (b.type === 'actions' && b.elements.length > slackLimits.actionsElements)
      broken.push('actions elements');
    for (const t of texts(b)) {
      const max = { header: slackLimits.header, button: slackLimits.buttonText }[t.kind] ?? slackLimits.text;
      if (t.text.length < 1 || t.text.length > max) broken.push(`${t.kind} text of ${t.text.length}`);
    }
  }
  for (const button of buttonsOf(m)) {
    if ((button.value ?? '').length > slackLimits.buttonValue) broken.push('button value too long');
    if (!button.action_id || button.action_id.length > slackLimits.id) broken.push('action_id');
    if (ids.has(button.action_id!)) broken.push(`duplicate action_id ${button.action_id}`);
    ids.add(button.action_id!);
  }
  return broken;
}

/** All the mrkdwn a message shows, as one string. */
const shown = (messages: SlackMessage[]) =>
  messages.flatMap((m) => m.blocks.flatMap(texts)).map((t) => t.text);

describe('a question in Slack', () => {
  it.each(pathway.questions.map((q) => [q.id]))(
    '%s is a section and one button per option, each carrying the case-model button data',
    (id) => {
      const view = questionView(pathway, record, id as QuestionId);
      const [message, ...more] = renderSlack(view);
      expect(more).toEqual([]);
      expect(message!.text).toBe(renderText(view));
      expect(limitsBroken(message!)).toEqual([]);
      const first = message!.blocks[0]!;
      expect(first.type === 'section' && first.text?.text).toContain(escapeMrkdwn(view.prompt));
      const buttons = buttonsOf(message!);
      expect(buttons.map((b) => b.text.text)).toEqual(view.options.map((o) => o.label));
      for (const [i, b] of buttons.entries()) {
        const value = JSON.parse(b.value!) as unknown;
        expect(value).toEqual({
          question: id,
          answer: view.options[i]!.value,
          consultId: record.consultId,
          step: 3,
        });
        // What the click posts back is read by the same parser as any card submit.
        expect(parseInput(undefined, value)).toEqual({ kind: 'card', ...(value as object) });
      }
      // Pitfalls are small print (context blocks), each in full.
      const context = message!.blocks
        .filter((b) => b.type === 'context')
        .flatMap(texts)
        .map((t) => t.text)
        .join('\n');
      for (const p of view.pitfalls) expect(context).toContain(escapeMrkdwn(p.text));
    },
  );
});

describe('an answered question in Slack', () => {
  const view: View = {
    kind: 'answered',
    questionId: 'kps',
    prompt: 'Performance status <KPS> & age?',
    answer: '90–100',
    by: 'Dr <Test> & Co',
  };

  it('is a compact record of the answer, with no buttons', () => {
    const [message] = renderSlack(view);
    expect(message!.blocks.length).toBeLessThanOrEqual(2);
    expect(buttonsOf(message!)).toEqual([]);
    expect(shown([message!]).join('\n')).toContain('90–100');
    // Who answered is plain, escaped text: never a mention, which would notify them.
    expect(shown([message!]).join('\n')).toContain('(Dr &lt;Test&gt; &amp; Co)');
    expect(message!.text).toBe(renderText(view));
  });

  it("escapes Slack's control characters in the blocks and keeps the fallback text plain", () => {
    const [message] = renderSlack(view);
    expect(shown([message!]).join('\n')).toContain('Performance status &lt;KPS&gt; &amp; age?');
    expect(message!.text).toContain('<KPS> & age?');
  });
});

describe('long text', () => {
  it('is split at line breaks and spaces, and the pieces put together are the text', () => {
    const text = Array.from({ length: 400 }, (_, i) => `Line ${i} & <more> words here.`).join('\n');
    const parts = splitText(text);
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.join('')).toBe(text);
    for (const p of parts) expect(escapeMrkdwn(p).length).toBeLessThanOrEqual(slackLimits.text);
  });

  it('is split even when a single word is longer than a section may hold', () => {
    const text = `short ${'x'.repeat(7000)} end`;
    const parts = splitText(text);
    expect(parts.join('')).toBe(text);
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(slackLimits.text);
  });

  it('in a notice becomes as many sections as it needs', () => {
    const view: View = { kind: 'why', short: 'q', prompt: 'p', why: 'w '.repeat(4000), refs: [] };
    const messages = renderSlack(view);
    expect(messages.flatMap(limitsBroken)).toEqual([]);
    expect(messages.map((m) => m.text).join('')).toContain(renderText(view));
  });
});

// A recommendation's split (nothing lost, within Block Kit limits) is tested on the outline: test/view/outline.test.ts.

describe('the other views in Slack', () => {
  it.each<[string, View]>([
    ['a notice', { kind: 'notice', note: 'stale' }],
    ['the welcome', { kind: 'welcome', text: pathway.welcome, disclaimer: pathway.disclaimer }],
    ['help', { kind: 'help', commands: [{ name: 'start', text: 'begin' }] }],
    [
      'a summary',
      {
        kind: 'summary',
        answers: [{ question: 'kps', short: 'KPS', answer: '90–100', by: 'Dr <Test> & Co' }],
        unknowns: [],
      },
    ],
  ])('%s is one message with its plain text as the fallback', (_name, view) => {
    const messages = renderSlack(view);
    expect(messages).toHaveLength(1);
    expect(messages[0]!.text).toBe(renderText(view));
    expect(messages.flatMap(limitsBroken)).toEqual([]);
  });

  it('shows who gave each answer in the summary as a Slack mention', () => {
    const [message] = renderSlack({
      kind: 'summary',
      answers: [{ question: 'kps', short: 'KPS', answer: '90–100', by: 'Dr <Test> & Co' }],
      unknowns: [],
    });
    expect(shown([message!]).join('\n')).toContain('• KPS: 90–100 (Dr &lt;Test&gt; &amp; Co)');
  });

  it('shows the stale-card notice as written', () => {
    const [message] = renderSlack({ kind: 'notice', note: 'stale' });
    expect(shown([message!])).toEqual([escapeMrkdwn(notes.stale)]);
  });
});

describe('details and the note in Slack', () => {
  const recommendation = buildRecommendation(pathway, 'interimPlan', [
    { question: 'scenario', answer: 'newSymptoms' },
    { question: 'redFlags', answer: 'none' },
    { question: 'seizure', answer: 'yes' },
    { question: 'mriAccess', answer: 'available' },
    { question: 'imagingResult', answer: 'pending' },
  ]);

  it('posts `details` as thread replies only, each within the limits', () => {
    const messages = renderSlack({ kind: 'details', consultId: 'c1', recommendation });
    expect(messages.length).toBeGreaterThan(0);
    expect(messages.every((m) => m.thread)).toBe(true);
    expect(messages.flatMap(limitsBroken)).toEqual([]);
    expect(shown(messages).join('\n')).toContain(escapeMrkdwn(recommendation.sections[0]!.items[0]!.text));
  });

  it('gives the answers in the thread a Change button carrying { change: <question id> }', () => {
    const buttons = renderSlack({ kind: 'details', consultId: 'c1', recommendation })
      .flatMap((m) => m.blocks)
      .flatMap((b) => (b.type === 'section' && b.accessory?.type === 'button' ? [b.accessory] : []));
    expect(buttons.map((b) => JSON.parse(b.value!) as unknown)).toEqual(
      recommendation.inputs.map((i) => ({ change: i.question })),
    );
    expect(parseInput(undefined, JSON.parse(buttons[0]!.value!))).toEqual({
      kind: 'change',
      question: 'scenario',
    });
  });

  it('posts the note as one thread reply with the text to copy', () => {
    const [note, ...more] = renderSlack({ kind: 'note', text: 'Situation: x.\nBackground: y.' });
    expect(more).toEqual([]);
    expect(note!.thread).toBe(true);
    expect(shown([note!]).join('\n')).toContain('Situation: x.\nBackground: y.');
  });
});

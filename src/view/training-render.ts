import type { KnownBlock, SectionBlock } from '@slack/web-api';
import { cardContent } from './adaptive-card';
import { sections, slackLimits } from './slack-blocks';
import { notes } from './strings';
import type { TrainDecisionView, TrainNote, TrainView } from './training-view';

/** What a trainee's button carries (case-model §2), posted back unchanged as the activity's `value`. */
interface TrainButtonData {
  train: string;
  decision: string;
  choice: string;
  attempt?: string;
  step: number;
}

/** Interface wording of trainee mode (clinical wording comes from the content through the views). */
const trainNotes: Record<TrainNote, string> = {
  // The consult's own reply to an old card, as the contract asks.
  stale: notes.stale,
  noCase: 'There is no training case with that id. Type train for a case chosen for you.',
  committed:
    'In training a committed answer stays committed: there is no back. Here is the current decision.',
  unrecognised:
    "Sorry, I couldn't use that answer. Reply with an option's number or name, or type why for a hint.",
  which: 'That fits more than one option: reply with the number of the one you mean.',
  sharedTyped: 'In a shared chat, answer with the buttons, so your answer and its reveal stay yours alone.',
  noAttempt: 'You are not playing a case here. Type train to start one.',
  joined: 'A case is running here: you join it with your own attempt and score.',
  educatorsOnly: 'Sorry, the training report is for educators only.',
};

/** What a shared chat shows in place of a learner's record (its button shows the record to the tapper alone). */
const alone = {
  button: 'Your record is for you alone: tap Show my record to see it here, where only you can.',
  direct:
    'Your record is for you alone, and this chat cannot show it to you only: ask me for score in a one-to-one chat.',
  buttonTitle: 'Show my record',
};

/** What the "Show my record" button carries (contract §2). */
export const scoreButtonData = { trainScore: true } as const;

const trainHelpLines = [
  'train: a training case chosen for you (train <case id> for a given one)',
  'why: a hint for the current decision, without the answer',
  'score: your own record',
  'train report: attempts and percent right per decision, for educators',
  'start, consult or restart: leave training and begin a consult',
];

const decisionHead = (v: TrainDecisionView) => `Decision ${v.number} of ${v.total}: ${v.title}. ${v.prompt}`;

function buttonData(view: TrainDecisionView, value: string): TrainButtonData {
  return {
    train: view.caseId,
    decision: view.decisionId,
    choice: value,
    ...(view.attemptId ? { attempt: view.attemptId } : {}),
    step: view.step,
  };
}

/** Plain text of a training view: transcripts, the terminal, Slack's fallback and Teams' card fallback. */
export function trainText(view: TrainView): string {
  switch (view.kind) {
    case 'trainCase':
      return view.text;
    case 'trainDecision':
      return [
        ...(view.findings ? [view.findings] : []),
        decisionHead(view),
        ...view.options.map((o, i) => `  ${i + 1}) ${o.label}`),
      ].join('\n');
    case 'trainReveal':
      return [
        view.correct
          ? `Correct. The pathway's choice: ${view.rightLabel}.`
          : `Incorrect. The pathway's choice: ${view.rightLabel}. You chose: ${view.chosenLabel}.`,
        `${view.explanation} [${view.refs.map((r) => r.n).join('][')}]`,
        ...(view.chosenWhy ? [`${view.chosenWhy.harmful ? 'Harm' : 'Why not'}: ${view.chosenWhy.text}`] : []),
        ...view.refs.map((r) => `[${r.n}] ${r.text}`),
      ].join('\n');
    case 'trainDebrief':
      return [
        `Case ${view.caseId} done. Score: ${view.right}/${view.total}.`,
        ...(view.critical.length
          ? ['Critical errors:', ...view.critical.map((c) => `- ${c.title}: ${c.chosen}. ${c.why}`)]
          : []),
        ...(view.missed.length
          ? [
              'Decisions missed:',
              ...view.missed.flatMap((m) => [
                `- ${m.title}: you chose ${m.chosen}; the pathway's choice is ${m.right}.`,
                ...m.pitfalls.map((p) => `  Pitfall: ${p}`),
              ]),
            ]
          : ['Every decision matched the pathway.']),
        ...(view.review.length ? ['To review:', ...view.review.map((r) => `- ${r}`)] : []),
        'Type train for another case, or score for your record.',
      ].join('\n');
    case 'trainHint':
      return `Hint (${view.title}): ${view.hint}`;
    case 'trainNotice':
      return trainNotes[view.note];
    case 'trainAlone':
      return alone[view.how];
    case 'trainScore':
      return [
        `Your record: ${view.casesDone} case${view.casesDone === 1 ? '' : 's'} done.`,
        ...(view.recent.length ? ['Recent cases, newest first:', ...view.recent.map(recentLine)] : []),
        ...(view.decisions.length
          ? [
              'By decision type:',
              ...view.decisions.map(
                (d) =>
                  `- ${d.title}: ${d.right}/${d.answered} right (${d.history}, oldest first); ${
                    d.retired ? 'retired after two right in a row' : `next review ${d.due}`
                  }`,
              ),
            ]
          : ['- no decisions answered yet']),
        view.dueNow.length
          ? `Due for review now: ${view.dueNow.join(', ')}.`
          : 'Nothing is due for review now.',
      ].join('\n');
    case 'trainReport':
      return [
        `Training report (aggregates only): ${view.attempts} attempts, ${view.completed} completed (${percent(view.completed, view.attempts)}).`,
        ...view.decisions.map((d) => `- ${d.title}: ${percent(d.right, d.answered)} right of ${d.answered}`),
      ].join('\n');
    case 'trainHelp':
      return ['Training commands:', ...trainHelpLines.map((l) => `- ${l}`)].join('\n');
  }
}

type Recent = Extract<TrainView, { kind: 'trainScore' }>['recent'][number];

function recentLine(r: Recent): string {
  const head = `- Case ${r.caseId}, ${r.date}: ${r.right}/${r.total} right`;
  if (r.state === 'done') return head;
  return `${head} so far, ${r.answered} of ${r.total} answered${r.state === 'left' ? ', left unfinished' : ''}`;
}

function percent(n: number, of: number): string {
  return of ? `${Math.round((100 * n) / of)}%` : '–';
}

type Element = Record<string, unknown>;

/**
 * The views of one turn as one Adaptive Card (1.5): Teams shows a learner's reveal and next decision in
 * place of the card they clicked. `universal` makes the buttons Action.Execute, with Action.Submit fallback.
 * (The channel puts the plain text beside it or in its fallbackText: src/channels/cards.ts.)
 */
export function trainCard(views: TrainView[], universal: boolean): Element {
  const body: Element[] = [];
  const actions: Element[] = [];
  for (const v of views) {
    const lines = trainText(v).split('\n');
    if (v.kind === 'trainDecision') {
      if (v.findings) body.push({ type: 'TextBlock', text: v.findings, wrap: true });
      body.push({
        type: 'TextBlock',
        text: decisionHead(v),
        wrap: true,
        weight: 'Bolder',
      });
      // Button titles are cut at about 40 characters on a phone, and two options may differ only at their
      // end: each option is written out whole, and beside it a button that carries its number.
      v.options.forEach((o, i) => {
        const data = buttonData(v, o.value);
        const title = String(i + 1);
        const submit = { type: 'Action.Submit', title, tooltip: o.label, data };
        const action = universal
          ? { type: 'Action.Execute', title, tooltip: o.label, verb: 'train', data, fallback: submit }
          : submit;
        body.push(optionRow(action, o.label));
      });
      continue;
    }
    if (v.kind === 'trainAlone' && v.how === 'button') {
      const title = alone.buttonTitle;
      const submit = { type: 'Action.Submit', title, data: scoreButtonData };
      actions.push(
        universal
          ? { type: 'Action.Execute', title, verb: 'train', data: scoreButtonData, fallback: submit }
          : submit,
      );
    }
    lines.forEach((t, i) =>
      body.push({
        type: 'TextBlock',
        text: t,
        wrap: true,
        ...(i === 0 && (v.kind === 'trainReveal' || v.kind === 'trainDebrief') ? { weight: 'Bolder' } : {}),
      }),
    );
  }
  return cardContent(body, actions);
}

/** One option: its button (the number) and beside it the whole label, wrapped. */
function optionRow(action: Element, label: string): Element {
  return {
    type: 'ColumnSet',
    spacing: 'Small',
    columns: [
      { type: 'Column', width: 'auto', items: [{ type: 'ActionSet', actions: [action] }] },
      {
        type: 'Column',
        width: 'stretch',
        verticalContentAlignment: 'Center',
        items: [{ type: 'TextBlock', text: label, wrap: true }],
      },
    ],
  };
}

/**
 * The views of one turn as one Slack message: sections of text, the decision's buttons last. `thread` goes
 * into the buttons of an ephemeral message, whose clicks Slack may send without it.
 */
export function trainSlack(views: TrainView[], thread?: string): { text: string; blocks: KnownBlock[] } {
  const blocks: KnownBlock[] = [];
  for (const v of views) {
    if (v.kind !== 'trainDecision') {
      blocks.push(...sections(trainText(v)));
      continue;
    }
    blocks.push(...sections([...(v.findings ? [v.findings] : []), decisionHead(v)].join('\n')));
    // Button text is cut on a phone: each option is a section with its whole label, its number as the button.
    v.options.forEach((o, i) => {
      const [row] = sections(o.label, `*${i + 1}*  `);
      blocks.push({
        ...(row as SectionBlock),
        block_id: `train.${v.decisionId}.${i + 1}`,
        accessory: {
          type: 'button',
          action_id: `train.${i + 1}.${o.value}`.slice(0, slackLimits.id),
          text: { type: 'plain_text', text: String(i + 1) },
          accessibility_label: o.label.slice(0, slackLimits.buttonText),
          value: JSON.stringify({ ...buttonData(v, o.value), ...(thread ? { thread } : {}) }),
        },
      });
    });
  }
  return { text: views.map(trainText).join('\n\n'), blocks };
}

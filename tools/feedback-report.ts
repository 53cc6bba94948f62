import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import type { FeedbackRecord } from '../dialogs/feedback-record';
import { readConfig } from '../src/config';
import { openStore } from '../src/store/open';
import type { ConsultStore } from '../src/store/store';

/** The columns, in order: what the advice was, whether it helped, why not. Never an id or typed text. */
export const feedbackColumns = ['date', 'content_version', 'outcome', 'item', 'helpful', 'reason'] as const;

/** One CSV field (RFC 4180); one a spreadsheet would run as a formula (= + - @) is prefixed with '. */
function field(value: string): string {
  const v = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

export function feedbackLine(f: FeedbackRecord): string {
  const cells = [f.date, f.contentVersion, f.outcome, f.item, f.helpful ? 'yes' : 'no', f.reason ?? ''];
  return `${cells.map(field).join(',')}\r\n`;
}

/** Writes all the store's feedback as CSV, a header row first; resolves with the number of rows. */
export async function writeFeedbackCsv(store: ConsultStore, out: NodeJS.WritableStream): Promise<number> {
  let rows = 0;
  const write = async (s: string) => {
    if (!out.write(s)) await once(out, 'drain');
  };
  await write(`${feedbackColumns.join(',')}\r\n`);
  for await (const f of store.feedback()) {
    await write(feedbackLine(f));
    rows++;
  }
  return rows;
}

/**
 * `npm run feedback:report [-- --out feedback.csv]`: the feedback in the configured store (STORAGE, DATA_DIR or
 * the Azure settings, read and checked as the bot reads them) as CSV, for the content's editors.
 */
export async function feedbackReport(
  env: Record<string, string | undefined>,
  out: NodeJS.WritableStream,
): Promise<number> {
  const store = await openStore(readConfig(env));
  try {
    return await writeFeedbackCsv(store, out);
  } finally {
    await store.close();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { out: { type: 'string' } } });
  const out = values.out ? createWriteStream(values.out) : process.stdout;
  const rows = await feedbackReport(process.env, out);
  if (values.out) {
    out.end();
    await once(out, 'finish');
    console.error(`feedback:report: ${rows} rows written to ${values.out}`);
  }
}

if (require.main === module)
  // A bad setting is one line naming it (src/config.ts), as when the bot starts.
  main().catch((err: Error) => {
    console.error(`feedback:report: ${err.message}`);
    process.exit(1);
  });

import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { ConfigError, readConfig } from '../src/config';
import { openStore } from '../src/store/open';
import type { AuditEvent, ConsultStore } from '../src/store/store';

/** The columns, in order: ids, time, enumerated answers, outcome, content version. Never free text. */
export const auditColumns = [
  'consult_id',
  'at',
  'kind',
  'question',
  'answer',
  'outcome',
  'content_version',
] as const;

/**
 * One CSV field (RFC 4180). The audit holds ids and enumerated values only, but a field is still
 * quoted when needed, and one that a spreadsheet would run as a formula (= + - @) is prefixed with '.
 */
function field(value: string | undefined): string {
  let v = value ?? '';
  if (/^[=+\-@\t\r]/.test(v)) v = `'${v}`;
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

export function csvLine(e: AuditEvent): string {
  return `${[e.consultId, e.at, e.kind, e.question, e.answer, e.outcome, e.contentVersion].map(field).join(',')}\r\n`;
}

/** Writes the store's whole audit log as CSV; resolves with the number of rows. */
export async function exportAudit(store: ConsultStore, out: NodeJS.WritableStream): Promise<number> {
  let rows = 0;
  const write = async (s: string) => {
    if (!out.write(s)) await once(out, 'drain');
  };
  await write(`${auditColumns.join(',')}\r\n`);
  for await (const e of store.auditLog()) {
    await write(csvLine(e));
    rows++;
  }
  return rows;
}

/**
 * `npm run audit:export [-- --out audit.csv]`: the audit log of the configured store (STORAGE,
 * DATA_DIR or the Azure settings, as for the bot) as CSV, for a quality lead's spreadsheet.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { out: { type: 'string' } } });
  let store: ConsultStore;
  try {
    store = await openStore(readConfig());
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`audit:export: ${err.message}`);
      process.exit(1);
    }
    throw err;
  }
  const out = values.out ? createWriteStream(values.out) : process.stdout;
  const rows = await exportAudit(store, out);
  await store.close();
  if (values.out) {
    out.end();
    await once(out, 'finish');
    console.error(`audit:export: ${rows} rows written to ${values.out}`);
  }
}

if (require.main === module) void main();

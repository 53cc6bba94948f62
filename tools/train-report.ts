import { writeFileSync } from 'node:fs';
import { readConfig } from '../src/config';
import { makeLogger } from '../src/log';
import { openStore } from '../src/store/open';
import { openTraining } from '../src/conversation/training';
import type { TrainReportView } from '../src/view/training-view';

/** The educator's view as CSV: aggregates only (no learner ids, no names), one row per decision type. */
export function reportCsv(r: TrainReportView): string {
  const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
  const pct = (n: number, of: number) => (of ? ((100 * n) / of).toFixed(1) : '');
  return (
    [
      'decision,answered,right,percent_right,attempts,completed,completion_rate',
      ...r.decisions.map((d) =>
        [
          q(d.title),
          d.answered,
          d.right,
          pct(d.right, d.answered),
          r.attempts,
          r.completed,
          pct(r.completed, r.attempts),
        ].join(','),
      ),
    ].join('\n') + '\n'
  );
}

async function main(): Promise<void> {
  const config = readConfig();
  const log = makeLogger('silent');
  const store = await openStore(config);
  try {
    const csv = reportCsv(await openTraining(store, config.TRAINING_LEARNER_KEY, log).reportView());
    const out = process.argv[2];
    if (out) writeFileSync(out, csv);
    else process.stdout.write(csv);
  } finally {
    await store.close();
  }
}

if (require.main === module)
  main().catch((err: Error) => {
    process.stderr.write(`train:report: ${err.message}\n`);
    process.exit(1);
  });

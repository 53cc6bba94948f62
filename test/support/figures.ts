/**
 * What a test measured (sizes, times, the largest case it met), printed only when asked for, so that an
 * ordinary run prints nothing but results: `BCBM_TEST_FIGURES=1 npm test`.
 */
export function figure(text: string): void {
  if (process.env.BCBM_TEST_FIGURES) process.stdout.write(`${text}\n`);
}

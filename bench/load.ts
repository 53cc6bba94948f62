/** Load generators over POST /api/messages with `expectReplies`, as a Bot Framework client posts. */

/**
 * A whole consult typed as numbers: new symptoms, no red flag, a seizure, one small lesion, ... HER2-positive
 * on first-line trastuzumab and pertuzumab, to the treatment plan (a test checks that it ends there, so a
 * content change cannot quietly turn the bench into one of questions only).
 */
export const consult = 'start 1 1 1 1 2 1 1 2 1 1 1 1 1 1 2 1'.split(' ');

let ids = 0;

/** One turn; resolves with its latency in ms and the bytes the bot sent back. */
export async function turn(
  url: string,
  conversation: string,
  text: string,
): Promise<{ ms: number; bytes: number; ok: boolean }> {
  const body = JSON.stringify({
    type: 'message',
    id: `b${process.pid}-${++ids}`,
    channelId: 'emulator',
    serviceUrl: 'http://127.0.0.1:9/',
    conversation: { id: conversation },
    from: { id: `u-${conversation}` },
    recipient: { id: 'bot' },
    deliveryMode: 'expectReplies',
    text,
  });
  const t = performance.now();
  const res = await fetch(`${url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });
  const bytes = (await res.arrayBuffer()).byteLength;
  return { ms: performance.now() - t, bytes, ok: res.status === 200 };
}

interface LoadResult {
  turns: number;
  seconds: number;
  latencies: number[];
  bytes: number;
  errors: number;
  conversations: number;
}

/**
 * Closed loop: `clients` users each going through consults back to back for `seconds`, the fixed
 * consult unless others are given (each user then takes the next one of the list for each run).
 */
export async function closedLoop(
  url: string,
  clients: number,
  seconds: number,
  tag: string,
  consults: readonly (readonly string[])[] = [consult],
) {
  const r: LoadResult = { turns: 0, seconds, latencies: [], bytes: 0, errors: 0, conversations: 0 };
  const until = Date.now() + seconds * 1000;
  const client = async (c: number) => {
    for (let run = 0; Date.now() < until; run++) {
      r.conversations++;
      for (const text of consults[(c + run * clients) % consults.length]!) {
        const t = await turn(url, `${tag}-${c}-${run}`, text);
        r.turns++;
        r.latencies.push(t.ms);
        r.bytes += t.bytes;
        if (!t.ok) r.errors++;
        if (Date.now() >= until) return;
      }
    }
  };
  await Promise.all(Array.from({ length: clients }, (_, c) => client(c)));
  return r;
}

/**
 * Open loop at a steady rate: turn i is sent at i/rate seconds whatever the earlier ones did, to
 * `users` conversations in turn, so each user's next turn comes long after the last was answered.
 */
export async function steadyRate(url: string, rate: number, seconds: number, users: number, tag: string) {
  const r: LoadResult = { turns: 0, seconds, latencies: [], bytes: 0, errors: 0, conversations: users };
  const total = rate * seconds;
  const t0 = performance.now();
  const sent: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const wait = t0 + (i * 1000) / rate - performance.now();
    if (wait > 0) await new Promise((res) => setTimeout(res, wait));
    const user = i % users;
    const step = Math.floor(i / users) % consult.length;
    sent.push(
      turn(url, `${tag}-${user}-${Math.floor(i / users / consult.length)}`, consult[step]!).then((t) => {
        r.turns++;
        r.latencies.push(t.ms);
        r.bytes += t.bytes;
        if (!t.ok) r.errors++;
      }),
    );
  }
  await Promise.all(sent);
  return r;
}

/** `count` two-turn consults (start and one answer), `parallel` at a time: stored consults for the memory figure. */
export async function storeConsults(url: string, count: number, parallel: number, tag: string) {
  let next = 0;
  let errors = 0;
  const worker = async () => {
    while (next < count) {
      const id = `${tag}-${next++}`;
      for (const text of ['start', '1']) if (!(await turn(url, id, text)).ok) errors++;
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
  return errors;
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

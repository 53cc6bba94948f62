import {
  BlobServiceClient,
  RestError,
  StorageRetryPolicyType,
  type AppendBlobClient,
  type ContainerClient,
} from '@azure/storage-blob';
import { createHash, randomUUID } from 'node:crypto';
import { Recent } from '../pathway/recent';
import {
  ConflictError,
  DuplicateDeliveryError,
  StoreUnavailableError,
  defaultRetentionDays,
  deliveryTtlMs,
} from './store';
import type { AuditEvent, ConsultStore, Loaded, TurnWrite } from './store';
import { FeedbackRecord } from '../../dialogs/feedback-record';

const hash = (s: string) => createHash('sha256').update(s).digest('hex');

export interface BlobOptions {
  /** Blocks appended to one audit blob before the next one is started (Azure allows 50,000). */
  auditBlocksPerBlob?: number;
  /** How often this instance sweeps expired delivery markers (a lifecycle rule can do it instead). */
  sweepEveryMs?: number;
  deliveryTtlMs?: number;
  /**
   * Consults untouched this long are absent (CONSULT_RETENTION_DAYS). An Azure lifecycle-management rule
   * deletes them (README); until it runs, a load finds them expired and deletes them itself.
   */
  retentionDays?: number;
}

/**
 * The SDK's default retry policy tries 4 times with exponential back-off, about 16 s before a turn
 * or /readyz hears of an outage. Two tries of at most 2.5 s each, 0.2-1 s apart, keep a turn under
 * a few seconds on a hung store and at a fraction of a second on a refused connection.
 */
const blobRetryOptions = {
  retryPolicyType: StorageRetryPolicyType.EXPONENTIAL,
  maxTries: 2,
  tryTimeoutInMs: 2500,
  retryDelayInMs: 200,
  maxRetryDelayInMs: 1000,
};

/** A failure to reach the store (no HTTP status, or a 5xx) becomes StoreUnavailableError. */
function unavailable(err: unknown): unknown {
  if (err instanceof RestError && err.statusCode !== undefined && err.statusCode < 500) return err;
  if (err instanceof Error && err.name === 'AbortError') return new StoreUnavailableError('store timed out');
  if (err instanceof RestError || (err instanceof Error && 'code' in err))
    return new StoreUnavailableError(`store unreachable (${(err as { code?: string }).code ?? 'no code'})`);
  return err;
}

const isStatus = (err: unknown, ...codes: number[]) =>
  err instanceof RestError && codes.includes(err.statusCode ?? 0);

/**
 * Azure Blob Storage, for several instances behind one bot: every write is conditional on the etag,
 * so no process-local lock is relied on. Layout: `consults/<sha256 key>.json` (block blobs),
 * `deliveries/<sha256 key>/<sha256 id>` (empty markers, swept after a day), and the audit log as
 * append blobs `audit/<day>/<hour>/<instance>-<n>.jsonl`: one per hour and instance, and a new `n`
 * before the 50,000-block limit of an append blob is reached. Feedback: append blobs
 * `feedback/<day>/<instance>-<n>.jsonl`, the records only (kept until the editors delete them); one blob
 * per record would give each its own creation time, a timestamp the record itself leaves out.
 */
type LogName = 'audit' | 'feedback';
type AppendTarget = { prefix: string; n: number; blocks: number; client: AppendBlobClient };

export class BlobStore implements ConsultStore {
  private readonly instance = randomUUID().slice(0, 8);
  private readonly opts: Required<BlobOptions>;
  /** Each log's current append blob (this hour's audit, this day's feedback). */
  private readonly logs = new Map<LogName, AppendTarget>();
  private sweptAt = Date.now();
  /** When each consult version this instance read or wrote was last modified, by etag (a 304 carries none). */
  private readonly modifiedAt = new Recent<string, number>(4000);
  /** The clock a consult's age is measured by: injectable, so tests can move time. */
  now: () => number = () => Date.now();

  private constructor(
    private readonly container: ContainerClient,
    opts: BlobOptions,
  ) {
    this.opts = {
      auditBlocksPerBlob: 50_000,
      sweepEveryMs: 3600_000,
      deliveryTtlMs,
      retentionDays: defaultRetentionDays,
      ...opts,
    };
  }

  static async open(connectionString: string, containerName: string, opts: BlobOptions = {}) {
    const container = BlobServiceClient.fromConnectionString(connectionString, {
      retryOptions: blobRetryOptions,
    }).getContainerClient(containerName);
    await container.createIfNotExists();
    return new BlobStore(container, opts);
  }

  private consult(key: string) {
    return this.container.getBlockBlobClient(`consults/${hash(key)}.json`);
  }

  async load(key: string, ifNoneMatch?: string): Promise<Loaded | undefined> {
    // A copy whose age this instance does not know is fetched whole, to read its age with it.
    const known = ifNoneMatch !== undefined && this.modifiedAt.get(ifNoneMatch) !== undefined;
    let loaded: Loaded & { modified: number };
    try {
      // One download gives the body and the etag of the same version (or 304 for the caller's copy).
      const res = await this.consult(key).download(0, undefined, {
        conditions: known ? { ifNoneMatch } : undefined,
      });
      const etag = res.etag as string;
      const modified = res.lastModified?.getTime() ?? this.now();
      this.modifiedAt.set(etag, modified);
      loaded = { value: JSON.parse(await streamToString(res.readableStreamBody)) as unknown, etag, modified };
    } catch (err) {
      if (isStatus(err, 404)) return undefined;
      if (!(isStatus(err, 304) && known)) throw unavailable(err);
      loaded = { etag: ifNoneMatch, unchanged: true, modified: this.modifiedAt.get(ifNoneMatch)! };
    }
    const { modified, ...result } = loaded;
    if (this.now() - modified < this.opts.retentionDays * 86_400_000) return result;
    // Expired: gone, as the lifecycle rule would have it. Deleted on its etag, so a newer version is kept.
    await this.consult(key)
      .delete({ conditions: { ifMatch: result.etag } })
      .catch((err: unknown) => {
        if (!isStatus(err, 404, 412)) throw unavailable(err);
      });
    return undefined;
  }

  async save({ key, value, etag, events, deliveryId, feedback = [] }: TurnWrite) {
    const body = JSON.stringify(value);
    // Blobs have no transaction across blobs. The delivery marker is claimed first (create if
    // absent: of two instances given the same delivery one wins), then the state is written on
    // the etag; a lost race on the state gives the claim back so the retry can claim it again.
    if (deliveryId !== undefined && !(await this.firstDelivery(key, deliveryId)))
      throw new DuplicateDeliveryError(`delivery ${deliveryId} was applied before`);
    let next: string;
    try {
      const res = await this.consult(key).upload(body, Buffer.byteLength(body), {
        conditions: etag === undefined ? { ifNoneMatch: '*' } : { ifMatch: etag },
        blobHTTPHeaders: { blobContentType: 'application/json' },
      });
      next = res.etag as string;
      this.modifiedAt.set(next, res.lastModified?.getTime() ?? this.now());
    } catch (err) {
      if (deliveryId !== undefined)
        await this.delivery(key, deliveryId)
          .deleteIfExists()
          .catch(() => undefined);
      if (isStatus(err, 409, 412)) throw new ConflictError(`consult ${key} changed since it was read`);
      throw unavailable(err);
    }
    // The state is written before the audit, so an append that fails leaves the consult saved and
    // the failure visible to the turn.
    await this.appendAudit(events);
    // After the state, as the audit: a lost race never leaves a row, so a retried click is not counted twice.
    if (feedback.length) await this.appendFeedback(feedback);
    return next;
  }

  private delivery(key: string, deliveryId: string) {
    return this.container.getBlockBlobClient(`deliveries/${hash(key)}/${hash(deliveryId)}`);
  }

  async firstDelivery(key: string, deliveryId: string) {
    this.maybeSweep();
    try {
      await this.delivery(key, deliveryId).upload('', 0, { conditions: { ifNoneMatch: '*' } });
      return true;
    } catch (err) {
      if (isStatus(err, 409, 412)) return false;
      throw unavailable(err);
    }
  }

  private async appendAudit(events: AuditEvent[]): Promise<void> {
    if (!events.length) return;
    const at = new Date().toISOString();
    await this.appendLines('audit', `audit/${at.slice(0, 10)}/${at.slice(11, 13)}`, events);
  }

  private async appendFeedback(records: FeedbackRecord[]): Promise<void> {
    await this.appendLines('feedback', `feedback/${records[0]!.date}`, records);
  }

  /** Appends records as JSON lines to a log's current append blob under `prefix` (audit and feedback alike). */
  private async appendLines(log: LogName, prefix: string, records: readonly object[]): Promise<void> {
    const lines = records.map((r) => `${JSON.stringify(r)}\n`).join('');
    for (let attempt = 0; ; attempt++) {
      const target = await this.appendTarget(log, prefix);
      try {
        const res = await target.client.appendBlock(lines, Buffer.byteLength(lines));
        target.blocks = res.blobCommittedBlockCount ?? target.blocks + 1;
        return;
      } catch (err) {
        // Full (409 BlockCountExceedsLimit) although our count said otherwise: start the next one.
        if (isStatus(err, 409) && attempt === 0) {
          target.blocks = this.opts.auditBlocksPerBlob;
          continue;
        }
        throw unavailable(err);
      }
    }
  }

  /** The blob a log appends to: the current one under this prefix, the next `n` once it is full. */
  private async appendTarget(log: LogName, prefix: string): Promise<AppendTarget> {
    const cur = this.logs.get(log);
    if (cur && cur.prefix === prefix && cur.blocks < this.opts.auditBlocksPerBlob) return cur;
    const n = cur && cur.prefix === prefix ? cur.n + 1 : 0;
    const client = this.container.getAppendBlobClient(`${prefix}/${this.instance}-${n}.jsonl`);
    try {
      await client.createIfNotExists();
    } catch (err) {
      throw unavailable(err);
    }
    const target = { prefix, n, blocks: 0, client };
    this.logs.set(log, target);
    return target;
  }

  /** Feedback by day (its blob names sort by day); a line that does not read as feedback is left out. */
  async *feedback(): AsyncIterable<FeedbackRecord> {
    for await (const blob of this.container.listBlobsFlat({ prefix: 'feedback/' })) {
      const text = (await this.container.getBlobClient(blob.name).downloadToBuffer()).toString('utf8');
      for (const line of text.split('\n')) {
        if (!line) continue;
        let json: unknown;
        try {
          json = JSON.parse(line);
        } catch {
          continue;
        }
        const row = FeedbackRecord.safeParse(json);
        if (row.success) yield row.data;
      }
    }
  }

  /** At most once per interval, in the background: a sweep never delays a turn. */
  private maybeSweep(now = Date.now()): void {
    if (now - this.sweptAt < this.opts.sweepEveryMs) return;
    this.sweptAt = now;
    void this.sweepDeliveries(now).catch(() => undefined);
  }

  /** Deletes delivery markers older than the TTL; returns how many. */
  async sweepDeliveries(now = Date.now()): Promise<number> {
    let deleted = 0;
    for await (const blob of this.container.listBlobsFlat({ prefix: 'deliveries/' })) {
      if (now - (blob.properties.lastModified?.getTime() ?? now) < this.opts.deliveryTtlMs) continue;
      await this.container.deleteBlob(blob.name).catch((err: unknown) => {
        if (!isStatus(err, 404)) throw err;
      });
      deleted++;
    }
    return deleted;
  }

  /** The audit blobs in name order (day, hour), each hour's events across instances sorted by time. */
  async *auditLog(): AsyncIterable<AuditEvent> {
    let hour = '';
    let events: AuditEvent[] = [];
    const byTime = (a: AuditEvent, b: AuditEvent) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0);
    for await (const blob of this.container.listBlobsFlat({ prefix: 'audit/' })) {
      const prefix = blob.name.split('/').slice(0, 3).join('/');
      if (prefix !== hour) {
        yield* events.sort(byTime);
        events = [];
        hour = prefix;
      }
      const text = (await this.container.getBlobClient(blob.name).downloadToBuffer()).toString('utf8');
      for (const line of text.split('\n')) if (line) events.push(JSON.parse(line) as AuditEvent);
    }
    yield* events.sort(byTime);
  }

  async ping() {
    try {
      // Bounded twice: the retry policy, and an overall deadline for /readyz.
      await this.container.getProperties({ abortSignal: AbortSignal.timeout(3000) });
    } catch (err) {
      throw unavailable(err);
    }
  }

  readonly cheapConflicts = false;
  readonly sound = true;
  async close() {}
}

async function streamToString(stream: NodeJS.ReadableStream | undefined): Promise<string> {
  if (!stream) return '';
  const chunks: Buffer[] = [];
  for await (const chunk of stream)
    chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string));
  return Buffer.concat(chunks).toString('utf8');
}

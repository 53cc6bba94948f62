import { BlobServiceClient, RestError, type ContainerClient } from '@azure/storage-blob';
import { createHash } from 'node:crypto';
import { ConflictError, type AuditEvent, type ConsultStore } from './store';

const hash = (s: string) => createHash('sha256').update(s).digest('hex');

/** Azure Blob Storage, for several instances behind one bot: every write is conditional on the etag. */
export class BlobStore implements ConsultStore {
  private constructor(private readonly container: ContainerClient) {}

  static async open(connectionString: string, containerName: string): Promise<BlobStore> {
    const container =
      BlobServiceClient.fromConnectionString(connectionString).getContainerClient(containerName);
    await container.createIfNotExists();
    return new BlobStore(container);
  }

  private consult(key: string) {
    return this.container.getBlockBlobClient(`consults/${hash(key)}.json`);
  }

  async load(key: string): Promise<{ value: unknown; etag: string } | undefined> {
    try {
      // One download gives the body and the etag of the same version.
      const res = await this.consult(key).download();
      return {
        value: JSON.parse(await streamToString(res.readableStreamBody)) as unknown,
        etag: res.etag as string,
      };
    } catch (err) {
      if (err instanceof RestError && err.statusCode === 404) return undefined;
      throw err;
    }
  }

  async save(key: string, value: unknown, etag: string | undefined) {
    const body = JSON.stringify(value);
    try {
      const res = await this.consult(key).upload(body, Buffer.byteLength(body), {
        conditions: etag === undefined ? { ifNoneMatch: '*' } : { ifMatch: etag },
        blobHTTPHeaders: { blobContentType: 'application/json' },
      });
      return res.etag as string;
    } catch (err) {
      if (err instanceof RestError && (err.statusCode === 409 || err.statusCode === 412))
        throw new ConflictError(`consult ${key} changed since it was read`);
      throw err;
    }
  }

  async firstDelivery(key: string, deliveryId: string) {
    const blob = this.container.getBlockBlobClient(`deliveries/${hash(key)}/${hash(deliveryId)}`);
    try {
      await blob.upload('', 0, { conditions: { ifNoneMatch: '*' } });
      return true;
    } catch (err) {
      if (err instanceof RestError && (err.statusCode === 409 || err.statusCode === 412)) return false;
      throw err;
    }
  }

  async audit(events: AuditEvent[]) {
    if (!events.length) return;
    const blob = this.container.getAppendBlobClient(`audit/${events[0]!.at.slice(0, 10)}.jsonl`);
    await blob.createIfNotExists();
    const lines = events.map((e) => `${JSON.stringify(e)}\n`).join('');
    await blob.appendBlock(lines, Buffer.byteLength(lines));
  }

  async ping() {
    await this.container.getProperties();
  }

  async close() {}
}

async function streamToString(stream: NodeJS.ReadableStream | undefined): Promise<string> {
  if (!stream) return '';
  const chunks: Buffer[] = [];
  for await (const chunk of stream)
    chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string));
  return Buffer.concat(chunks).toString('utf8');
}

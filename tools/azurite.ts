import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';

/** A free loopback port (closed again at once; the caller binds it next). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as { port: number };
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

export interface Azurite {
  port: number;
  connectionString: string;
  /**
   * Stops the emulator and resolves once it has exited. `graceful`: SIGINT first, so Azurite
   * writes its metadata to the data folder (SIGKILL can lose the last seconds of it), then SIGKILL
   * after 10 s; otherwise SIGKILL at once (Azurite may ignore SIGTERM).
   */
  stop: (opts?: { graceful?: boolean }) => Promise<void>;
}

const account = 'devstoreaccount1';
// Azurite's published development key: not a secret.
const key = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

/**
 * Azurite, Microsoft's Azure Storage emulator, from node_modules on loopback: the real Blob API
 * without an account. In memory unless `location` names a data folder, so a restart on the same
 * folder and port comes back with the same blobs (the store-outage test).
 */
export async function startAzurite(opts: { port?: number; location?: string } = {}): Promise<Azurite> {
  const port = opts.port ?? (await freePort());
  // Resolved as a package so it works from the sources (jest) and from dist/ alike.
  const bin = join(dirname(require.resolve('azurite/package.json')), 'dist/src/blob/main.js');
  const storage = opts.location ? ['--location', opts.location] : ['--inMemoryPersistence'];
  const child: ChildProcess = spawn(
    process.execPath,
    [
      bin,
      ...storage,
      '--blobHost',
      '127.0.0.1',
      '--blobPort',
      String(port),
      // @azure/storage-blob 12.32 sends an API version Azurite 3.35 does not know yet.
      '--skipApiVersionCheck',
      '--disableTelemetry',
      '--silent',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  await new Promise<void>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`Azurite did not start:\n${out}`)), 30000);
    const onData = (c: Buffer) => {
      out += c.toString();
      if (/successfully listens/i.test(out)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Azurite exited with ${code}:\n${out}`));
    });
  });
  return {
    port,
    connectionString: `DefaultEndpointsProtocol=http;AccountName=${account};AccountKey=${key};BlobEndpoint=http://127.0.0.1:${port}/${account};`,
    stop: async ({ graceful = false } = {}) => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      if (graceful) {
        child.kill('SIGINT');
        const timer = setTimeout(() => child.kill('SIGKILL'), 10000);
        await exited;
        clearTimeout(timer);
      } else child.kill('SIGKILL');
      await exited;
    },
  };
}

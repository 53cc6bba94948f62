import type { Config } from '../config';
import { MemoryStore } from './memory';
import { SqliteStore } from './sqlite';
import type { ConsultStore } from './store';

/** The store named by STORAGE. */
export async function openStore(config: Config): Promise<ConsultStore> {
  switch (config.STORAGE) {
    case 'memory':
      return new MemoryStore();
    case 'sqlite':
      return new SqliteStore(config.DATA_DIR, { retentionDays: config.CONSULT_RETENTION_DAYS });
    case 'blob': {
      const { BlobStore } = await import('./blob');
      return BlobStore.open(
        config.AZURE_STORAGE_CONNECTION_STRING as string,
        config.AZURE_STORAGE_CONTAINER,
        {
          retentionDays: config.CONSULT_RETENTION_DAYS,
        },
      );
    }
  }
}

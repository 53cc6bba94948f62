import Database from 'better-sqlite3';
import {
  accessSync,
  closeSync,
  constants,
  mkdirSync,
  openSync,
  readSync,
  statSync,
  type Stats,
} from 'node:fs';
import { join, resolve } from 'node:path';
import { ConfigError } from '../config';

/**
 * DATA_DIR, the SQLite store's folder: checked at start, its database opened, and held by one process. What
 * makes it unusable stops the bot with one line naming the setting, the path and what is wrong.
 */

const unusable = (path: string, what: string) => new ConfigError(`invalid setting DATA_DIR: ${path} ${what}`);

const codeOf = (err: unknown) => String((err as { code?: unknown }).code ?? 'unknown error');

function statOf(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch (err) {
    if (codeOf(err) === 'ENOENT') return undefined;
    if (codeOf(err) === 'ENOTDIR') throw unusable(path, 'cannot be a folder: part of the path is a file');
    throw unusable(path, `cannot be read (${codeOf(err)})`);
  }
}

/**
 * The folder as an absolute path, created when missing, writable, and its database (when there is one) an
 * SQLite file this process may write. Only read, so nothing is left behind in a folder that is refused.
 */
export function dataFolder(dataDir: string): string {
  const dir = resolve(dataDir);
  const stat = statOf(dir);
  if (stat && !stat.isDirectory()) throw unusable(dir, 'is a file, not a folder');
  if (!stat)
    try {
      mkdirSync(dir, { recursive: true });
    } catch (err) {
      throw unusable(dir, `cannot be created (${codeOf(err)})`);
    }
  try {
    accessSync(dir, constants.W_OK);
  } catch (err) {
    throw unusable(dir, `is not writable (${codeOf(err)})`);
  }
  const file = databaseOf(dir);
  const db = statOf(file);
  if (db?.isDirectory()) throw unusable(file, 'is a folder, not an SQLite database');
  if (db) {
    try {
      accessSync(file, constants.R_OK | constants.W_OK);
    } catch (err) {
      throw unusable(file, `is not writable (${codeOf(err)})`);
    }
    if (!looksLikeSqlite(file, db.size)) throw unusable(file, 'is not an SQLite database (left as it is)');
  }
  return dir;
}

const databaseOf = (dir: string) => join(dir, 'consults.sqlite');

const sqliteHeader = Buffer.from('SQLite format 3\u0000', 'latin1');

/** Whether the file starts as every SQLite database does (an empty file is an empty database to SQLite). */
function looksLikeSqlite(file: string, size: number): boolean {
  if (size === 0) return true;
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(sqliteHeader.length);
    return readSync(fd, head, 0, head.length, 0) === head.length && head.equals(sqliteHeader);
  } finally {
    closeSync(fd);
  }
}

/** The consults database of a folder `dataFolder` accepted, in WAL mode. */
export function openDatabase(dir: string): Database.Database {
  const file = databaseOf(dir);
  let db: Database.Database | undefined;
  try {
    db = new Database(file);
    if (db.pragma('journal_mode = WAL', { simple: true }) !== 'wal')
      throw unusable(file, 'cannot be put in WAL mode');
    return db;
  } catch (err) {
    db?.close();
    if (err instanceof ConfigError) throw err;
    throw unusable(file, `cannot be opened (${codeOf(err)})`);
  }
}

/**
 * One process per folder: group commit and each process's copies of consults assume one writer (several
 * instances share Azure Blob instead). The lock is SQLite's own on `consults.lock` (an fcntl lock), taken at
 * start and held for the process's life: the OS drops it when the process dies, so a killed bot starts again
 * at once. Returns what releases it.
 */
export function lockDataFolder(dir: string): () => void {
  const file = join(dir, 'consults.lock');
  // No busy wait: a second bot is refused at once, not after the lock's holder fails to let go.
  const lock = new Database(file, { timeout: 0 });
  try {
    lock.pragma('locking_mode = EXCLUSIVE');
    lock.exec('BEGIN EXCLUSIVE');
  } catch (err) {
    lock.close();
    if (codeOf(err) === 'SQLITE_BUSY')
      throw unusable(
        dir,
        'is in use by another running bot (one per folder: several instances need STORAGE=blob)',
      );
    throw unusable(file, `cannot be locked (${codeOf(err)})`);
  }
  return () => {
    if (lock.inTransaction) lock.exec('ROLLBACK');
    lock.close();
  };
}

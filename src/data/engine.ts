// The only module that starts DuckDB-wasm. One engine per tab, in a Web Worker, from files bundled with the
// app (no CDN): the single-threaded `eh` bundle, which needs no COOP/COEP headers (docs/architecture.md).
import * as duckdb from '@duckdb/duckdb-wasm';
import { Float64, Int32, makeData, Table, tableToIPC, Vector } from 'apache-arrow';
import { DUCKDB_WASM_URL, takeEngineWorker } from './engine-worker';
import { normaliseRow, type NumericColumn, type Row, type SqlRunner, type SqlValue } from './sql-runner';

export const DATABASE_FILE = 'lagesbild.duckdb';

export type StorageMode = 'opfs' | 'memory';
export type StorageProblem = 'other-tab' | 'no-opfs' | 'open-failed' | null;

export interface Engine {
  db: duckdb.AsyncDuckDB;
  connection: duckdb.AsyncDuckDBConnection;
  runner: SqlRunner;
  storage: StorageMode;
  storageProblem: StorageProblem;
  worker: Worker;
  /** Fires `fatal` (an ErrorEvent) when DuckDB invalidates the database after a FATAL error: every later query fails. */
  fatalErrors: EventTarget;
}

// Extensions that are not built in (parquet, json, icu) would be fetched from extensions.duckdb.org:
// offline that fails, and auto-loading inside a query has crashed the engine. Turn fetching off first.
const SAFE_SETTINGS = `SET autoload_known_extensions = false; SET autoinstall_known_extensions = false;`;

/** How long a starting tab waits for the database lock: a reload's old page lets go of it within a moment. */
const LOCK_WAIT_MS = 3000;

/**
 * The OPFS database file is single-writer. A Web Lock held for the tab's lifetime tells a second tab
 * before it tries to open the file (and fail half-way). Waits up to LOCK_WAIT_MS: on a reload the old page still
 * holds the lock for a moment, and with the wasm's compiled code cached the new page got there first and fell back
 * to an empty in-memory database (an analyst's saved assessment "gone" after F5).
 */
async function holdTabLock(): Promise<boolean> {
  if (!('locks' in navigator)) return true;
  return new Promise((resolve) => {
    navigator.locks.request('lagesbild-database', { signal: AbortSignal.timeout(LOCK_WAIT_MS) }, () => {
      resolve(true);
      // Keep the lock until the tab goes away.
      return new Promise<void>(() => {});
    }).catch(() => resolve(false));
  });
}

export async function startEngine(): Promise<Engine> {
  const start = performance.now();
  // DuckDB's bundled worker through public/duckdb-worker.js (engine-worker.ts): a full disk fails the query instead of
  // corrupting the stored file, and the wasm was being compiled since the page's first module ran.
  const worker = takeEngineWorker();
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  await db.instantiate(DUCKDB_WASM_URL);
  // Start-up's steps as performance measures (the bench and a profile read them).
  performance.measure('lagesbild:engine-instantiate', { start });
  const opening = performance.now();

  let storage: StorageMode = 'memory';
  let storageProblem: StorageProblem = null;
  if (!('storage' in navigator) || typeof navigator.storage.getDirectory !== 'function') {
    storageProblem = 'no-opfs';
  } else if (!(await holdTabLock())) {
    storageProblem = 'other-tab';
  } else {
    // The old page's worker may close the file a moment after its lock is gone: try again briefly before giving up.
    for (let attempt = 0; attempt < 4 && storage !== 'opfs'; attempt++) {
      try {
        if (attempt > 0) await new Promise((r) => setTimeout(r, 250 * attempt));
        await db.open({ path: `opfs://${DATABASE_FILE}`, accessMode: duckdb.DuckDBAccessMode.READ_WRITE });
        storage = 'opfs';
        storageProblem = null;
      } catch {
        storageProblem = 'open-failed';
      }
    }
  }
  if (storage === 'memory') await db.open({ path: ':memory:' });
  performance.measure('lagesbild:engine-open', { start: opening, detail: { storage } });

  const connection = await db.connect();
  const fatalErrors = new EventTarget();
  reportFatalErrors(connection, fatalErrors);
  await connection.query(SAFE_SETTINGS);
  return { db, connection, runner: wasmRunner(connection), storage, storageProblem, worker, fatalErrors };
}

/**
 * Tells `events` (an engine's `fatalErrors`) when `error` is DuckDB giving up on the whole database. For queries that
 * do not pass through the connection's `query` (Mosaic's connector runs its own through `useUnsafe`).
 */
export function reportIfFatal(error: unknown, events: EventTarget): void {
  const message = error instanceof Error ? error.message : String(error);
  if (FATAL_ERROR.test(message)) events.dispatchEvent(new ErrorEvent('fatal', { message }));
}

// DuckDB's words when it gives up on the whole database (a checkpoint that could not be written to a full disk, say):
// the instance stays up but refuses every later query until the engine is restarted.
const FATAL_ERROR = /FATAL Error|database has been invalidated/i;

/**
 * Watch the runner's queries and Arrow inserts on the one connection for a FATAL error and tell `events`, so the app
 * can say the engine must restart instead of showing a page of failed queries. Errors still reach the caller.
 * Mosaic's view queries bypass `query` (its connector uses `useUnsafe`): data/coordinator.ts reports those.
 */
function reportFatalErrors(connection: duckdb.AsyncDuckDBConnection, events: EventTarget): void {
  const report = (error: unknown) => reportIfFatal(error, events);
  const query = connection.query.bind(connection);
  connection.query = (async (text: string) => {
    try {
      return await query(text);
    } catch (error) {
      report(error);
      throw error;
    }
  }) as typeof connection.query;
  const insert = connection.insertArrowFromIPCStream.bind(connection);
  connection.insertArrowFromIPCStream = async (...args: Parameters<typeof insert>) => {
    try {
      return await insert(...args);
    } catch (error) {
      report(error);
      throw error;
    }
  };
}

/** Statements that take 20 ms or more become performance measures ("sql: CREATE TABLE …"): a profile shows where an
 * import spends its time. Quick ones are not recorded, so a long session doesn't collect thousands of entries. */
async function measured<T>(sql: string, work: () => Promise<T>): Promise<T> {
  const start = performance.now();
  try {
    return await work();
  } finally {
    const end = performance.now();
    if (end - start >= 20) performance.measure(`sql: ${sql.replace(/\s+/g, ' ').trim().slice(0, 80)}`, { start, end });
  }
}

function wasmRunner(connection: duckdb.AsyncDuckDBConnection): SqlRunner {
  const toRows = (table: { toArray(): { toJSON(): Row }[] }) => table.toArray().map((r) => normaliseRow(r.toJSON()));
  return {
    async exec(sql: string) {
      await measured(sql, () => connection.query(sql));
    },
    async rows<T>(sql: string, params: SqlValue[] = []) {
      return measured(sql, async () => {
        if (params.length === 0) return toRows(await connection.query(sql)) as T[];
        const statement = await connection.prepare(sql);
        try {
          return toRows(await statement.query(...params)) as T[];
        } finally {
          await statement.close();
        }
      });
    },
    async run(sql: string, params: SqlValue[] = []) {
      await measured(sql, async () => {
        if (params.length === 0) {
          await connection.query(sql);
          return;
        }
        const statement = await connection.prepare(sql);
        try {
          await statement.query(...params);
        } finally {
          await statement.close();
        }
      });
    },
    async numericColumns(sql: string) {
      return measured(sql, async () => {
        const table = await connection.query(sql);
        const out: Record<string, Float64Array> = {};
        for (const field of table.schema.fields) out[field.name] = Float64Array.from(table.getChild(field.name)!.toArray() as ArrayLike<number>);
        return out;
      });
    },
    async insertColumns(table: string, columns: NumericColumn[]) {
      const vectors: Record<string, Vector> = {};
      // Arrow's IPC writer loses a column whose buffer another column already uses (seen as an empty line
      // table in a Parquet import): give every column a buffer of its own.
      const seen = new Set<ArrayBufferLike>();
      for (const original of columns) {
        const c = seen.has(original.values.buffer) ? { ...original, values: original.values.slice() } : original;
        seen.add(c.values.buffer);
        if (c.type === 'int32') {
          vectors[c.name] = new Vector([makeData({ type: new Int32(), data: c.values as Int32Array })]);
        } else {
          const values = c.values as Float64Array;
          const validity = new Uint8Array(Math.ceil(values.length / 8));
          let nulls = 0;
          for (let i = 0; i < values.length; i++) {
            if (Number.isNaN(values[i])) nulls++;
            else validity[i >> 3] |= 1 << (i & 7);
          }
          vectors[c.name] = new Vector([makeData({ type: new Float64(), data: values, nullBitmap: validity, nullCount: nulls })]);
        }
      }
      await connection.insertArrowFromIPCStream(tableToIPC(new Table(vectors), 'stream'), { name: table, create: false });
    },
  };
}

/**
 * Remove the stored database files (the engine must be terminated first). A terminated worker's file handles are
 * released a moment later, not at once: until then Chromium refuses the removal (NoModificationAllowedError — a full
 * test run under load saw it once), so a refused removal is tried again for up to ~1.4 s before the error is passed on.
 */
export async function removeStoredDatabase(): Promise<void> {
  if (!('storage' in navigator) || typeof navigator.storage.getDirectory !== 'function') return;
  const root = await navigator.storage.getDirectory();
  for (const name of [DATABASE_FILE, `${DATABASE_FILE}.wal`]) {
    for (let attempt = 0; ; attempt++) {
      try {
        await root.removeEntry(name);
        break;
      } catch (error) {
        const reason = (error as DOMException).name;
        if (reason === 'NotFoundError') break;
        if (reason !== 'NoModificationAllowedError' || attempt >= 7) throw error;
        await new Promise((r) => setTimeout(r, 50 * (attempt + 1)));
      }
    }
  }
}

/**
 * Lets DuckDB read a file the user chose, as `name`, without copying it: its worker reads the File in pieces as a
 * query needs them (FileReaderSync). `registerFileBuffer` instead copies the bytes into DuckDB's heap, which never
 * shrinks. Drop it with `db.dropFile(name)`.
 */
export async function registerUserFile(db: duckdb.AsyncDuckDB, name: string, file: File): Promise<void> {
  await db.registerFileHandle(name, file, duckdb.DuckDBDataProtocol.BROWSER_FILEREADER, true);
}

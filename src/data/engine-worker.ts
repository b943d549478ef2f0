// DuckDB's worker, started as early as the page can start it. Compiling DuckDB's 34 MB wasm takes ~1.2 s on every
// visit (V8 does not take it from its code cache here; docs/benchmark.md, ninth and tenth sessions), and the engine
// used to ask for it only after the entry chunk had been evaluated and the database chunk fetched. main.tsx calls
// prestartEngineWorker() from its first import: the worker (public/duckdb-worker.js) begins compiling the wasm at once,
// and engine.ts takes that worker when it instantiates DuckDB.
import wasmUrl from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import workerUrl from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';

/** DuckDB's wasm, a file of this origin (no CDN); engine.ts instantiates it from this URL. */
export const DUCKDB_WASM_URL = wasmUrl;

let early: Worker | null = null;

/**
 * A new DuckDB worker through public/duckdb-worker.js: that wrapper guards OPFS writes against a full quota and
 * compiles the wasm (`wasm=`) as soon as it starts. Both URLs are this origin's own files.
 */
function startEngineWorker(): Worker {
  const base = document.baseURI;
  const params = new URLSearchParams({ worker: new URL(workerUrl, base).href, wasm: new URL(wasmUrl, base).href });
  return new Worker(`${new URL('duckdb-worker.js', base).href}?${params}`);
}

/** Starts the first engine's worker now (once per page), so the wasm compiles while the app's code loads. */
export function prestartEngineWorker(): void {
  if (early || typeof Worker === 'undefined') return;
  early = startEngineWorker();
  performance.mark('lagesbild:engine-worker-start');
}

/** The worker started early if it has not been taken, else a new one (a restart after a crash takes a fresh worker). */
export function takeEngineWorker(): Worker {
  const worker = early ?? startEngineWorker();
  early = null;
  return worker;
}

// DuckDB's worker, started through this classic-script wrapper so that a full disk fails the query instead of
// corrupting the stored database (src/data/engine.ts starts it as `duckdb-worker.js?worker=<bundled worker URL>`).
//
// Why: when the browser's storage quota runs out, Chromium's FileSystemSyncAccessHandle.write() does not throw —
// it returns a bogus count (seen: 4294967288 for a 1 MiB write, nothing written). duckdb-wasm 1.32 passes that
// count on unchecked, DuckDB believes the block is on disk, the import "succeeds", and the next start fails with
// "Corrupt database file: computed checksum … does not match". Measured on this machine with CDP's
// Storage.overrideQuotaForOrigin (tests/e2e/faults.test.ts).
//
// What: wrap the runtime's writeFile (the one entry DuckDB's WebFileSystem uses for OPFS writes) so that any short
// or failed write is reported through duckdb-wasm's own error channel (`duckdb_web_fail_with`, as its readFile
// does), which raises an IO Error inside the running query: the transaction rolls back and the caller gets
// "No space available …", which the importer shows in plain words.
'use strict';
(() => {
  const FAIL = 'No space available: the browser’s storage quota for this site is full';
  const guard = (runtime) => {
    if (!runtime || runtime.__storageGuard) return runtime;
    const writeFile = runtime.writeFile;
    runtime.writeFile = function guardedWriteFile(mod, fileId, buffer, bytes, location) {
      let written;
      try {
        written = writeFile.call(this, mod, fileId, buffer, bytes, location);
      } catch (error) {
        mod.ccall('duckdb_web_fail_with', null, ['string'], [`${FAIL} (${String(error)})`]);
        return 0;
      }
      if (written !== bytes) {
        mod.ccall('duckdb_web_fail_with', null, ['string'], [`${FAIL} (wrote ${written} of ${bytes} bytes)`]);
        return 0;
      }
      return written;
    };
    Object.defineProperty(runtime, '__storageGuard', { value: true });
    return runtime;
  };
  // duckdb-wasm assigns globalThis.DUCKDB_RUNTIME when it instantiates; wrap whatever it assigns.
  let current = guard(globalThis.DUCKDB_RUNTIME);
  Object.defineProperty(globalThis, 'DUCKDB_RUNTIME', {
    configurable: true,
    get: () => current,
    set: (runtime) => {
      current = guard(runtime);
    },
  });
  const worker = new URL(self.location.href).searchParams.get('worker');
  if (!worker || new URL(worker, self.location.href).origin !== self.location.origin) throw new Error('duckdb-worker.js: no same-origin worker URL given');
  importScripts(worker);
})();

// DuckDB's worker, started through this classic-script wrapper so that a full disk fails the query instead of
// corrupting the stored database, and so that the wasm compiles from the worker's first moment (src/data/engine-worker.ts
// starts it as `duckdb-worker.js?worker=<bundled worker URL>&wasm=<bundled wasm URL>`; the second part is at the end).
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
  const params = new URL(self.location.href).searchParams;
  const sameOrigin = (url) => Boolean(url) && new URL(url, self.location.href).origin === self.location.origin;
  const worker = params.get('worker');
  if (!sameOrigin(worker)) throw new Error('duckdb-worker.js: no same-origin worker URL given');
  // The wasm (`wasm=`, same origin) is compiled from the moment this worker starts (src/data/engine-worker.ts starts it
  // from the page's first module), not when DuckDB's INSTANTIATE message arrives ~1–2 s later: compiling the 34 MB
  // module takes ~1.2 s on every visit. DuckDB's Emscripten loader calls WebAssembly.instantiateStreaming(response,
  // imports) once; that call is answered from the compiled module and the loader's own response is cancelled. If the
  // early compile failed, the loader's own call runs as before.
  const wasm = params.get('wasm');
  if (sameOrigin(wasm) && typeof WebAssembly.compileStreaming === 'function') {
    const compiled = WebAssembly.compileStreaming(fetch(wasm, { credentials: 'same-origin' }));
    compiled.catch(() => {}); // an early failure falls back below; it must not be an unhandled rejection
    const instantiateStreaming = WebAssembly.instantiateStreaming;
    WebAssembly.instantiateStreaming = async function instantiateFromEarlyCompile(source, imports) {
      WebAssembly.instantiateStreaming = instantiateStreaming; // once: only DuckDB's own module is answered
      let module;
      try {
        module = await compiled;
      } catch {
        return instantiateStreaming.call(WebAssembly, source, imports);
      }
      Promise.resolve(source).then((response) => response.body?.cancel()).catch(() => {});
      return { module, instance: await WebAssembly.instantiate(module, imports) };
    };
  }
  importScripts(worker);
})();

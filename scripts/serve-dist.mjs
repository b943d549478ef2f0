#!/usr/bin/env node
// Serves dist/ on 127.0.0.1 the way an intranet web server should: correct MIME types (application/wasm
// lets the browser compile while downloading), gzip for text and wasm, the build's Content-Security-Policy as a
// header on every file (dist/content-security-policy.txt — the meta tag in index.html does not reach DuckDB's
// worker, which takes the policy of its own response), and nothing else.
// Usage: node scripts/serve-dist.mjs [port] — or import { serveDist } for tests and the benchmark.
import { createReadStream, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { createGzip, gzip as gzipCallback } from 'node:zlib';

const gzipAsync = promisify(gzipCallback);
/** A file version's validator: its size and modification time. */
const etagOf = (stat) => `"${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}"`;

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.geojson': 'application/geo+json', '.csv': 'text/csv; charset=utf-8',
  '.wasm': 'application/wasm', '.svg': 'image/svg+xml', '.png': 'image/png', '.pbf': 'application/x-protobuf', '.pmtiles': 'application/octet-stream',
};
const COMPRESS = new Set(['.html', '.js', '.mjs', '.css', '.json', '.geojson', '.csv', '.wasm', '.svg', '.duckdb']);

export function serveDist({ root = resolve(fileURLToPath(import.meta.url), '..', '..', 'dist'), port = 0, host = '127.0.0.1' } = {}) {
  const served = [];
  const policyFile = join(root, 'content-security-policy.txt');
  const policy = existsSync(policyFile) ? readFileSync(policyFile, 'utf8').trim() : null;
  if (!policy) throw new Error(`${policyFile} is missing: run npm run build first`);
  // Gzipped bytes per file version, compressed in the background at start and after a first request.
  const gzipped = new Map();
  const remember = (file, etag) => {
    const key = `${file}:${etag}`;
    if (gzipped.has(key)) return;
    gzipped.set(key, undefined);
    readFile(file).then((bytes) => gzipAsync(bytes, { level: 6 })).then((out) => gzipped.set(key, out), () => gzipped.delete(key));
  };
  for (const name of readdirSync(root, { recursive: true })) {
    const file = join(root, String(name));
    if (COMPRESS.has(extname(file)) && statSync(file).isFile()) {
      const stat = statSync(file);
      remember(file, etagOf(stat));
    }
  }
  const server = createServer((req, res) => {
    // Parse the path only: a request line such as `//x` would otherwise be read as a host ("Invalid URL" threw).
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(`http://localhost/${(req.url ?? '/').replace(/^\/+/, '')}`).pathname);
    } catch {
      res.writeHead(400, { 'content-type': 'text/plain', 'content-security-policy': policy });
      res.end('Bad request');
      return;
    }
    let path = normalize(pathname).replace(/^(\.\.[/\\])+/, '');
    if (path.endsWith('/')) path += 'index.html';
    const file = join(root, path);
    if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain', 'content-security-policy': policy });
      res.end('Not found');
      return;
    }
    const ext = extname(file);
    const stat = statSync(file);
    // Validators on everything, and a year for the build's hashed files (assets/name-HASH.ext never change): the
    // browser keeps DuckDB's 30 MB wasm and its compiled code (V8 caches the code of a cacheable wasm response)
    // instead of fetching and compiling it on every visit. index.html is revalidated each time (it names the hashes).
    const etag = etagOf(stat);
    const immutable = /^[/\\]?assets[/\\].+-[\w-]{8,}\.\w+$/.test(path);
    const headers = {
      'content-type': TYPES[ext] ?? 'application/octet-stream', 'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      etag, 'last-modified': stat.mtime.toUTCString(), 'x-content-type-options': 'nosniff', 'content-security-policy': policy,
    };
    if (req.headers['if-none-match'] === etag) {
      served.push({ path, gzip: false, bytes: 0, notModified: true });
      res.writeHead(304, headers);
      res.end();
      return;
    }
    const gzip = COMPRESS.has(ext) && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
    const entry = { path, gzip, bytes: 0 };
    served.push(entry);
    // Bytes on the wire (compressed when gzipped): the benchmark's "transferred on first visit".
    const write = res.write.bind(res);
    res.write = (chunk, ...rest) => { entry.bytes += chunk.length; return write(chunk, ...rest); };
    const compressed = gzip ? gzipped.get(`${file}:${etag}`) : undefined;
    if (compressed) {
      // Compressed once (at start or on the first request), as a server with precompressed files (nginx gzip_static)
      // would: compressing DuckDB's 34 MB wasm takes ~1 s of the server's CPU on every first visit otherwise.
      res.writeHead(200, { ...headers, 'content-encoding': 'gzip', vary: 'accept-encoding', 'content-length': compressed.length });
      entry.bytes += compressed.length;
      res.end(compressed);
      return;
    }
    // A browser that navigates away mid-download resets the connection: end quietly, never crash the server.
    const source = createReadStream(file).on('error', () => res.destroy());
    res.on('error', () => source.destroy());
    if (gzip) {
      res.writeHead(200, { ...headers, 'content-encoding': 'gzip', vary: 'accept-encoding' });
      source.pipe(createGzip({ level: 6 }).on('error', () => res.destroy())).pipe(res);
      remember(file, etag);
    } else {
      res.writeHead(200, { ...headers, 'content-length': statSync(file).size });
      source.pipe(res);
    }
  });
  server.on('clientError', (_error, socket) => socket.destroy());
  return new Promise((resolvePromise) => {
    server.listen(port, host, () => {
      const address = server.address();
      resolvePromise({ url: `http://${host}:${address.port}/`, served, close: () => new Promise((r) => server.close(() => r())) });
    });
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const port = Number(process.argv[2] ?? 4173);
  serveDist({ port }).then(({ url }) => console.log(`Lägesbild (dist/) på ${url}`));
}

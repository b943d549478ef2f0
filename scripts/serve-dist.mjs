#!/usr/bin/env node
// Serves dist/ on 127.0.0.1 the way an intranet web server should: correct MIME types (application/wasm
// lets the browser compile while downloading), the build's precompressed Brotli or gzip copies for text and wasm, the build's Content-Security-Policy as a
// header on every file (dist/content-security-policy.txt — the meta tag in index.html does not reach DuckDB's
// worker, which takes the policy of its own response), and nothing else.
// Usage: node scripts/serve-dist.mjs [port] — or import { serveDist } for tests and the benchmark.
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
/** A file version's validator: its size and modification time. */
const etagOf = (stat) => `"${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}"`;

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.geojson': 'application/geo+json', '.csv': 'text/csv; charset=utf-8',
  '.wasm': 'application/wasm', '.svg': 'image/svg+xml', '.png': 'image/png', '.pbf': 'application/x-protobuf', '.pmtiles': 'application/octet-stream',
};
/** Precompressed copies in the order they are preferred, and how a client's Accept-Encoding asks for each. */
const COMPRESSED = [{ name: 'br', suffix: '.br' }, { name: 'gzip', suffix: '.gz' }];
/** Whether an Accept-Encoding header takes `name` (listed, or `*`, and not with q=0). */
export function acceptsEncoding(header, name) {
  return (header ?? '').split(',').some((part) => {
    const [token, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return (token === name || token === '*') && !(q && Number(q.slice(2)) === 0);
  });
}

export function serveDist({ root = resolve(fileURLToPath(import.meta.url), '..', '..', 'dist'), port = 0, host = '127.0.0.1' } = {}) {
  const served = [];
  const policyFile = join(root, 'content-security-policy.txt');
  const policy = existsSync(policyFile) ? readFileSync(policyFile, 'utf8').trim() : null;
  if (!policy) throw new Error(`${policyFile} is missing: run npm run build first`);
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
    // The build's precompressed copy beside the file (vite.config.ts writes `.br` and `.gz`), as nginx's
    // `brotli_static`/`gzip_static` would send it: no compression work per request. Compressing on request cost ~1 s
    // of CPU for DuckDB's 34 MB wasm on every first visit, taken from the browser on a two-core machine.
    const encoding = COMPRESSED.find((c) => acceptsEncoding(req.headers['accept-encoding'], c.name) && existsSync(file + c.suffix));
    const sent = encoding ? file + encoding.suffix : file;
    const stat = statSync(sent);
    // Validators on everything, and a year for the build's hashed files (assets/name-HASH.ext never change): the
    // browser keeps DuckDB's 30 MB wasm and its compiled code (V8 caches the code of a cacheable wasm response)
    // instead of fetching and compiling it on every visit. index.html is revalidated each time (it names the hashes).
    const etag = etagOf(stat);
    const immutable = /^[/\\]?assets[/\\].+-[\w-]{8,}\.\w+$/.test(path);
    const headers = {
      'content-type': TYPES[ext] ?? 'application/octet-stream', 'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      etag, 'last-modified': stat.mtime.toUTCString(), 'x-content-type-options': 'nosniff', 'content-security-policy': policy,
      vary: 'accept-encoding', ...(encoding ? { 'content-encoding': encoding.name } : {}),
    };
    if (req.headers['if-none-match'] === etag) {
      served.push({ path, encoding: encoding?.name ?? 'identity', bytes: 0, notModified: true });
      res.writeHead(304, headers);
      res.end();
      return;
    }
    const entry = { path, encoding: encoding?.name ?? 'identity', bytes: 0 };
    served.push(entry);
    // Bytes on the wire (compressed where a copy exists): the benchmark's "transferred on first visit".
    const write = res.write.bind(res);
    res.write = (chunk, ...rest) => { entry.bytes += chunk.length; return write(chunk, ...rest); };
    if (stat.size === 0) {
      res.writeHead(200, { ...headers, 'content-length': 0 });
      res.end();
      return;
    }
    // Never more bytes than the content-length said: a file rewritten between the stat and the read (the harness test
    // rewrites index.html) sent its extra bytes as the start of the next response on the connection.
    // A browser that navigates away mid-download resets the connection: end quietly, never crash the server.
    const source = createReadStream(sent, { start: 0, end: stat.size - 1 }).on('error', () => res.destroy());
    res.on('error', () => source.destroy());
    res.writeHead(200, { ...headers, 'content-length': stat.size });
    source.pipe(res);
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

// The e2e harness must survive what browsers do: reset a CONNECT tunnel at once, or abort a download midway.
// (An unhandled ECONNRESET on a raw CONNECT socket once killed a CI run.)
import { get as httpGet } from 'node:http';
import { connect } from 'node:net';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acceptsEncoding, serveDist } from '../../scripts/serve-dist.mjs';
import { readRefused, startRefusingProxy } from '../e2e/support/refusing-proxy';

function resetAfter(port: number, request: string, afterBytes = 0): Promise<void> {
  return new Promise((resolve) => {
    let received = 0;
    const socket = connect(port, '127.0.0.1', () => socket.write(request));
    socket.on('data', (chunk) => {
      received += chunk.length;
      if (received >= afterBytes) { socket.resetAndDestroy(); resolve(); }
    });
    socket.on('error', () => resolve());
    socket.on('close', () => resolve());
    if (afterBytes === 0) setTimeout(() => { socket.resetAndDestroy(); resolve(); }, 5);
  });
}

describe('the e2e harness', () => {
  it('keeps the refusing proxy alive when a CONNECT tunnel is reset', async () => {
    const proxy = await startRefusingProxy();
    for (let i = 0; i < 20; i++) await resetAfter(proxy.port, 'CONNECT update.googleapis.com:443 HTTP/1.1\r\nHost: update.googleapis.com:443\r\n\r\n');
    await new Promise((r) => setTimeout(r, 50));
    expect((await readRefused(proxy.port)).length).toBeGreaterThan(0);
    await proxy.close();
  });

  it('keeps the static server alive when a download is aborted midway', async () => {
    const root = mkdtempSync(join(tmpdir(), 'lagesbild-dist-'));
    writeFileSync(join(root, 'big.wasm'), Buffer.alloc(8_000_000, 7));
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>x</title>');
    writeFileSync(join(root, 'content-security-policy.txt'), "default-src 'self'\n");
    const server = await serveDist({ root });
    const port = Number(new URL(server.url).port);
    for (const encoding of ['gzip', 'identity']) {
      await resetAfter(port, `GET /big.wasm HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept-Encoding: ${encoding}\r\n\r\n`, 10_000);
    }
    const response = await fetch(`${server.url}index.html`);
    expect(response.status).toBe(200);
    await server.close();
    expect(existsSync(root)).toBe(true);
  });

  it('sends the build’s Content-Security-Policy as a header with every file, and refuses to serve without one', async () => {
    const root = mkdtempSync(join(tmpdir(), 'lagesbild-dist-'));
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>x</title>');
    writeFileSync(join(root, 'worker.js'), 'self.onmessage = () => {};');
    expect(() => serveDist({ root })).toThrow(/content-security-policy/);
    const policy = "default-src 'self'; connect-src 'self'";
    writeFileSync(join(root, 'content-security-policy.txt'), policy + '\n');
    const server = await serveDist({ root });
    for (const path of ['index.html', 'worker.js', 'missing.js']) {
      const response = await fetch(`${server.url}${path}`);
      expect(response.headers.get('content-security-policy'), path).toBe(policy);
    }
    await server.close();
  });

  it('serves the build’s hashed files as immutable, everything with a validator, and answers a revalidation with 304', async () => {
    const root = mkdtempSync(join(tmpdir(), 'lagesbild-dist-'));
    mkdirSync(join(root, 'assets'));
    writeFileSync(join(root, 'assets', 'duckdb-eh-9ubY-jlA.wasm'), Buffer.alloc(1000, 1));
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>x</title>');
    writeFileSync(join(root, 'content-security-policy.txt'), "default-src 'self'\n");
    const server = await serveDist({ root });
    try {
      const wasm = await fetch(`${server.url}assets/duckdb-eh-9ubY-jlA.wasm`);
      expect(wasm.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(wasm.headers.get('content-type')).toBe('application/wasm');
      const page = await fetch(server.url);
      expect(page.headers.get('cache-control')).toBe('no-cache');
      // Read before the file is rewritten below (under load the server's read could otherwise see the new file).
      expect(await page.text()).toBe('<!doctype html><title>x</title>');
      const etag = page.headers.get('etag')!;
      expect(etag).toMatch(/^"[0-9a-f]+-[0-9a-f]+"$/);
      const again = await fetch(server.url, { headers: { 'if-none-match': etag } });
      expect(again.status).toBe(304);
      expect(again.headers.get('content-security-policy')).toBe("default-src 'self'");
      writeFileSync(join(root, 'index.html'), '<!doctype html><title>changed</title>');
      expect((await fetch(server.url, { headers: { 'if-none-match': etag } })).status).toBe(200);
    } finally {
      await server.close();
    }
  });

  it('sends the build’s precompressed copy the client accepts (Brotli before gzip), byte for byte, and the file itself otherwise', async () => {
    const root = mkdtempSync(join(tmpdir(), 'lagesbild-dist-'));
    mkdirSync(join(root, 'assets'));
    const wasm = Buffer.from(Array.from({ length: 50_000 }, (_, i) => (i * 7) % 13));
    writeFileSync(join(root, 'assets', 'duckdb-eh-9ubY-jlA.wasm'), wasm);
    writeFileSync(join(root, 'assets', 'duckdb-eh-9ubY-jlA.wasm.br'), brotliCompressSync(wasm));
    writeFileSync(join(root, 'assets', 'duckdb-eh-9ubY-jlA.wasm.gz'), gzipSync(wasm));
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>x</title>');
    writeFileSync(join(root, 'content-security-policy.txt'), "default-src 'self'\n");
    const server = await serveDist({ root });
    const port = Number(new URL(server.url).port);
    // Node's fetch decodes for us; a raw request shows what went over the wire.
    const raw = (path: string, acceptEncoding: string) =>
      new Promise<{ headers: Record<string, string | string[] | undefined>; body: Buffer }>((resolve, reject) => {
        httpGet({ host: '127.0.0.1', port, path, headers: { 'accept-encoding': acceptEncoding } }, (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (c: Buffer) => chunks.push(c)).on('end', () => resolve({ headers: response.headers, body: Buffer.concat(chunks) })).on('error', reject);
        }).on('error', reject);
      });
    try {
      const path = '/assets/duckdb-eh-9ubY-jlA.wasm';
      const br = await raw(path, 'gzip, deflate, br, zstd');
      expect(br.headers['content-encoding']).toBe('br');
      expect(br.headers['content-type']).toBe('application/wasm');
      expect(br.headers.vary).toBe('accept-encoding');
      expect(brotliDecompressSync(br.body).equals(wasm)).toBe(true);
      const gz = await raw(path, 'gzip, br;q=0');
      expect(gz.headers['content-encoding']).toBe('gzip');
      expect(gunzipSync(gz.body).equals(wasm)).toBe(true);
      const plain = await raw(path, 'identity');
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.body.equals(wasm)).toBe(true);
      // A file without a precompressed copy goes as it is, whatever the client takes.
      const page = await raw('/index.html', 'br, gzip');
      expect(page.headers['content-encoding']).toBeUndefined();
      expect(page.body.toString()).toBe('<!doctype html><title>x</title>');
    } finally {
      await server.close();
    }
  });

  it('reads Accept-Encoding as HTTP does: listed or *, and never with q=0', () => {
    expect(acceptsEncoding('gzip, deflate, br, zstd', 'br')).toBe(true);
    expect(acceptsEncoding('gzip;q=1.0, br; q=0', 'br')).toBe(false);
    expect(acceptsEncoding('gzip;q=1.0, br; q=0.5', 'br')).toBe(true);
    expect(acceptsEncoding('*', 'gzip')).toBe(true);
    expect(acceptsEncoding('brotli', 'br')).toBe(false);
    expect(acceptsEncoding(undefined, 'gzip')).toBe(false);
  });
});

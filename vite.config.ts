import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { compression, defineAlgorithm } from 'vite-plugin-compression2';
import { constants as zlib } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { exampleDatabase } from './scripts/example-database';

/**
 * The built app may talk to its own origin only. DuckDB-wasm needs 'wasm-unsafe-eval' to compile its wasm;
 * workers come from our own files (and blob: for MapLibre's). Inline styles are set by React and ECharts.
 * Only in the build: Vite's dev server injects inline scripts for hot reload.
 */
// An organisation's own tile server (Inställningar → Bakgrundskarta) must be named at build time, e.g.
// LAGESBILD_TILE_ORIGIN=https://karta.example.se npm run build. Without it, no other host is reachable.
const TILE_ORIGIN = /^https:\/\/[a-z0-9.-]+(:\d+)?$/i.test(process.env.LAGESBILD_TILE_ORIGIN ?? '') ? ` ${process.env.LAGESBILD_TILE_ORIGIN}` : '';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self' blob:",
  `connect-src 'self' blob: data:${TILE_ORIGIN}`,
  `img-src 'self' blob: data:${TILE_ORIGIN}`,
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/**
 * The policy goes into index.html as a meta tag and into dist/content-security-policy.txt, which
 * scripts/serve-dist.mjs sends as a header with every file. The header is what binds DuckDB's worker: a worker
 * loaded from its own URL takes the policy of its own response, not the page's meta tag.
 */
export const CSP_FILE = 'content-security-policy.txt';

function contentSecurityPolicy(): Plugin {
  return {
      name: 'lagesbild-csp',
      apply: 'build',
      generateBundle() {
        this.emitFile({ type: 'asset', fileName: CSP_FILE, source: CONTENT_SECURITY_POLICY + '\n' });
      },
      transformIndexHtml(html) {
        return html.replace('<meta charset="UTF-8" />', `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`);
      },
  };
}

/**
 * Every compressible file of the build also as `.br` and `.gz` beside it, for a server that sends precompressed files
 * (nginx `gzip_static`/`brotli_static`, IIS, scripts/serve-dist.mjs): compressing DuckDB's 34 MB wasm on request
 * costs a server ~1 s of CPU per first visit, and on a shared two-core machine that time is taken from the browser.
 * Brotli at quality 5: 34 → 6.2 MB in ~1.3 s of build time (quality 11 takes about a minute for 5.9 MB; gzip -9 gives
 * 7.7 MB); browsers decode either in ~0.1 s.
 */
const PRECOMPRESSED = /\.(html|js|mjs|css|json|geojson|csv|wasm|svg|duckdb|txt)$/;
const precompressed = () =>
  compression({
    include: PRECOMPRESSED,
    threshold: 1024,
    algorithms: [defineAlgorithm('gzip', { level: 6 }), defineAlgorithm('brotliCompress', { params: { [zlib.BROTLI_PARAM_QUALITY]: 5 } })],
    logLevel: 'silent',
  });

export default defineConfig(({ command, mode }) => {
  // A production build is a production build whatever NODE_ENV the caller has: the e2e setup builds from inside
  // Vitest (NODE_ENV=test), and that shipped React's development runtime (jsxDEV, owner stacks: a bigger bundle and
  // ~0.3 s more per Karta step at 1M rows) to the tests and to the benchmark that reuses the build.
  if (command === 'build' && mode === 'production') process.env.NODE_ENV = 'production';
  return {
  plugins: [react(), contentSecurityPolicy(), exampleDatabase(fileURLToPath(new URL('.', import.meta.url))), precompressed()],
  // Relative asset paths: dist/ can be served from any sub-path of an intranet server.
  base: './',
  // duckdb-wasm ships its own worker and wasm; pre-bundling it breaks the ?url imports.
  optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 4000,
    // Large assets stay files (the 34 MB wasm, the example CSVs), never inlined data: URLs.
    assetsInlineLimit: 0,
  },
  };
});

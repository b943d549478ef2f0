#!/usr/bin/env node
// `npm run bench` — speed and memory through the real app in headless Chromium, next to native DuckDB on the same
// files and the same aggregates, with the ratios. Not part of `npm test`: figures are reported, never asserted.
//   npm run bench                 1M and 5M incidents (CSV and Parquet generated into bench/data/, reused)
//   npm run bench -- --quick      100k incidents (CI runs this so the benchmark can't rot)
//   npm run bench -- --no-build   use the dist/ that is there
//   npm run bench -- --sizes=1000000   other row counts
// Each size up to 1M also imports the same incidents as a police-style SWEREF 99 TM CSV (positions converted).
// Output: a table on stdout and bench/results/latest.json, one object per figure:
//   { name, rows, value, unit, native?, ratio? }
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveDist } from '../serve-dist.mjs';
import { areaSet } from './area-sets.mjs';
import { areaRun, coldStart, csvRun, fileRun, largeParquetRun } from './browser.mjs';
import { incidentSet, swerefSet, tenMillionParquet } from './incident-sets.mjs';
import { judge } from './targets.mjs';
import { brushWindows, nativeCsvIngest, nativeFigures, percentile } from './native.mjs';

const root = join(fileURLToPath(import.meta.url), '..', '..', '..');
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const sizesArg = args.find((a) => a.startsWith('--sizes='));
const sizes = sizesArg ? sizesArg.slice(8).split(',').map(Number) : quick ? [100_000] : [1_000_000, 5_000_000];
const BRUSHES = 31; // the first builds Mosaic's pre-aggregates; the 30 after it are the steady state

const figures = [];
// `size`: the data set's row count when `rows` is something else (the area figure counts located points).
const add = (name, rows, value, unit, native, size) => {
  const f = { name, rows, value: round(value), unit };
  if (native !== undefined && native !== null) Object.assign(f, { native: round(native), ratio: round(value / native, 2) });
  const verdict = judge({ ...f, size });
  if (verdict) Object.assign(f, verdict);
  figures.push(f);
};
function round(v, digits = 1) {
  const m = 10 ** digits;
  return typeof v === 'number' ? Math.round(v * m) / m : v;
}
const MB = 1024 * 1024;

if (!args.includes('--no-build')) {
  const build = spawnSync('npm', ['run', 'build'], { stdio: 'inherit', cwd: root });
  if (build.status !== 0) throw new Error('npm run build failed');
}
const server = await serveDist({ root: join(root, 'dist') });
const failures = [];
try {
  console.log('Kallstart med exemplet …');
  const cold = await coldStart(server.url, server);
  add('cold start to first full Översikt (example)', 0, cold.ms, 'ms');
  add('second visit to first full Översikt (data stored)', 0, cold.warm, 'ms');
  add('first-visit transfer (compressed)', 0, cold.bytes / MB, 'MB');
  add('first-visit files', 0, cold.files, 'files');
  add('peak tab memory, example', 0, cold.memory / MB, 'MB');

  for (const rows of sizes) {
    console.log(`${rows.toLocaleString('sv-SE')} händelser: genererar filer …`);
    const set = await incidentSet(join(root, 'bench', 'data'), rows);
    add('CSV file size', rows, set.csvBytes / MB, 'MB');
    add('Parquet file size', rows, set.parquetBytes / MB, 'MB');
    console.log('  native DuckDB …');
    const native = await nativeFigures(set, BRUSHES);
    const windows = brushWindows(native.firstDay, native.lastDay, BRUSHES);
    console.log('  appen: CSV-import, översikt, markeringar, karta …');
    const run = await csvRun(server.url, set, windows, native);
    if (run.error) {
      failures.push(`${rows} rows, CSV: ${run.error}${run.crashed ? ' (the tab crashed)' : ''}`);
      add('CSV import failed', rows, run.crashed ? 1 : 0, run.crashed ? 'crashed' : 'error');
      add('peak tab memory (until failure)', rows, run.memory / MB, 'MB');
    } else {
      add('ingest CSV through the app', rows, run.ingest, 'ms', native.ingestCsv);
      add('first full Översikt after import', rows, run.firstDashboard, 'ms');
      const steady = run.brushes.slice(1);
      add('first brush (builds pre-aggregates)', rows, run.brushes[0], 'ms');
      add('cross-filter update, whole page, median', rows, percentile(steady, 50), 'ms', native.crossFilterMedian);
      add('cross-filter update, whole page, p95', rows, percentile(steady, 95), 'ms', native.crossFilterP95);
      add('map re-aggregation on cell size, median', rows, percentile(run.cellSize, 50), 'ms', native.gridMedian);
      add('map re-aggregation on period step, median', rows, percentile(run.periodSteps, 50), 'ms');
      add('peak tab memory (renderer + DuckDB worker)', rows, run.memory / MB, 'MB');
    }
    console.log('  appen: Parquet-import …');
    const pq = await fileRun(server.url, set.parquet, set.rows);
    if (pq.error) {
      failures.push(`${rows} rows, Parquet: ${pq.error}${pq.crashed ? ' (the tab crashed)' : ''}`);
      add('Parquet import failed', rows, pq.crashed ? 1 : 0, pq.crashed ? 'crashed' : 'error');
    } else {
      add('ingest Parquet through the app', rows, pq.ingest, 'ms', native.ingestParquet);
      add('peak tab memory, Parquet import', rows, pq.memory / MB, 'MB');
    }
    // A police-style export in SWEREF 99 TM (positions converted at import): up to 1M rows only, to bound the run.
    if (rows <= 1_000_000) {
      console.log('  appen: SWEREF 99 TM-CSV …');
      const sweref = await swerefSet(join(root, 'bench', 'data'), set);
      const nativeSweref = await nativeCsvIngest(sweref.csv);
      const sw = await fileRun(server.url, sweref.csv, rows);
      if (sw.error) failures.push(`${rows} rows, SWEREF 99 TM CSV: ${sw.error}${sw.crashed ? ' (the tab crashed)' : ''}`);
      else add('ingest SWEREF 99 TM CSV through the app', rows, sw.ingest, 'ms', nativeSweref);
    }
    console.log('  appen: punkter mot ~6 000 ytor …');
    const areas = await areaRun(server.url, await areaSet(join(root, 'bench', 'data'), set), rows);
    if (areas.error) {
      failures.push(`${rows} rows, area assignment: ${areas.error}`);
      add('area assignment failed', rows, areas.crashed ? 1 : 0, areas.crashed ? 'crashed' : 'error');
    } else {
      // Target ≤ 5 000 ms at 1M points (issue #17). No native figure: DuckDB's spatial extension is not offline here.
      add('area assignment, points × polygons', areas.points, areas.ms, 'ms', undefined, rows);
    }
  }
  // 10M rows as Parquet (issue #18): the app must load it without a crash or refuse it with a message before it tries.
  if (!quick && !sizesArg) {
    console.log('10 000 000 händelser som Parquet …');
    const path = await tenMillionParquet(join(root, 'bench', 'data'));
    const ten = await largeParquetRun(server.url, path, 10_000_000);
    add('10M-row Parquet: loads, or a clear message before it is tried', 10_000_000, ten.crashed ? 1 : 0, 'crashes');
    if (ten.refused) add('10M-row Parquet refused before reading, with a message', 10_000_000, 1, 'refused');
    else if (!ten.error) {
      add('ingest Parquet through the app', 10_000_000, ten.ingest, 'ms');
      add('peak tab memory, Parquet import', 10_000_000, ten.memory / MB, 'MB');
    }
    if (ten.error) failures.push(`10M rows, Parquet: ${ten.error}`);
  }
} finally {
  await server.close();
}

const resultsDir = join(root, 'bench', 'results');
mkdirSync(resultsDir, { recursive: true });
writeFileSync(join(resultsDir, 'latest.json'), JSON.stringify({ date: new Date().toISOString(), quick, figures, failures }, null, 2) + '\n');

const pad = (s, n) => String(s).padEnd(n);
console.log(`\n${pad('figure', 64)}${pad('rows', 11)}${pad('value', 14)}${pad('native', 10)}${pad('ratio', 8)}${pad('target', 18)}met?`);
for (const f of figures) {
  const met = f.target ? (f.met ? 'yes' : 'no') : '';
  console.log(`${pad(f.name, 64)}${pad(f.rows ? f.rows.toLocaleString('sv-SE') : '–', 11)}${pad(`${f.value} ${f.unit}`, 14)}${pad(f.native ?? '', 10)}${pad(f.ratio ?? '', 8)}${pad(f.target ?? '', 18)}${met}`);
}
for (const f of failures) console.log(`FAILED: ${f}`);
console.log(`\nbench/results/latest.json (${figures.length} figures)`);
process.exit(failures.length > 0 ? 1 : 0);

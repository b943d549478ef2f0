// The native baseline: the same files and the same aggregates on DuckDB in Node (@duckdb/node-api, default
// threads). The cross-filter step runs what the Översikt page asks for after a brush — the totals and the counts
// per category (the weekly chart owns the brush and is not re-queried) — on the base table with the period
// filter, as plain SQL (no pre-aggregation): what DuckDB itself costs.
import { DuckDBInstance } from '@duckdb/node-api';
import { createReadStream } from 'node:fs';
import { performance } from 'node:perf_hooks';

const q = (path) => `'${path.replaceAll("'", "''")}'`;
const EPOCH_DAY = `(occurred_at::DATE - DATE '1970-01-01')`;

async function timed(work) {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

export function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** Brush windows: `steps` periods of four weeks sliding over the data's span (the same windows the browser uses). */
export function brushWindows(firstDay, lastDay, steps) {
  const span = lastDay - firstDay - 28;
  return Array.from({ length: steps }, (_, i) => {
    const from = firstDay + Math.round((span * i) / Math.max(1, steps - 1));
    return { from, to: from + 27 };
  });
}

/**
 * Reads a file through once, so that the timing after it is DuckDB's and not the disk's: after the browser's runs the
 * OS had dropped the 1M CSV from its cache, and native read it at disk speed (6.4 s one run, 0.8 s the next).
 */
async function intoPageCache(path) {
  for await (const chunk of createReadStream(path, { highWaterMark: 8 << 20 })) void chunk;
}

/** Native DuckDB's bare read of a CSV into a table (as `ingestCsv` below), in ms. */
export async function nativeCsvIngest(path) {
  await intoPageCache(path);
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  const ms = await timed(() => c.run(`CREATE TABLE incidents AS SELECT * FROM read_csv(${q(path)}, header = true)`));
  c.closeSync();
  return ms;
}

export async function nativeFigures(set, steps) {
  await intoPageCache(set.csv);
  await intoPageCache(set.parquet);
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  const ingestCsv = await timed(() => c.run(`CREATE TABLE incidents AS SELECT * FROM read_csv(${q(set.csv)}, header = true)`));
  const ingestParquet = await timed(() => c.run(`CREATE TABLE incidents_parquet AS SELECT * FROM read_parquet(${q(set.parquet)})`));
  await c.run('ALTER TABLE incidents ADD COLUMN epoch_day INTEGER');
  await c.run(`UPDATE incidents SET epoch_day = ${EPOCH_DAY}`);
  const extent = (await (await c.runAndReadAll('SELECT min(epoch_day) AS a, max(epoch_day) AS b FROM incidents')).getRowObjects())[0];
  const windows = brushWindows(Number(extent.a), Number(extent.b), steps);
  const stepTimes = [];
  for (const w of windows) {
    const where = `epoch_day BETWEEN ${w.from} AND ${w.to}`;
    stepTimes.push(await timed(async () => {
      await c.runAndReadAll(`SELECT count(*) AS incidents, sum(CASE WHEN location_precision = 'none' THEN 1 ELSE 0 END) AS without_position FROM incidents WHERE ${where}`);
      await c.runAndReadAll(`SELECT category, count(*) AS incidents FROM incidents WHERE ${where} GROUP BY category ORDER BY category`);
    }));
  }
  // The map's cell count at 250 m over located rows (lat/lon → metres is done once at import in the app).
  await c.run('ALTER TABLE incidents ADD COLUMN e DOUBLE');
  await c.run('ALTER TABLE incidents ADD COLUMN n DOUBLE');
  await c.run('UPDATE incidents SET e = lon * 55800, n = lat * 111200 WHERE lat IS NOT NULL');
  const gridTimes = [];
  for (const size of [500, 250, 1000, 200, 250]) {
    gridTimes.push(await timed(() => c.runAndReadAll(`SELECT floor(e / ${size})::INTEGER AS ix, floor(n / ${size})::INTEGER AS iy, count(*) AS n FROM incidents WHERE e IS NOT NULL GROUP BY ALL`)));
  }
  c.closeSync();
  return {
    ingestCsv, ingestParquet,
    crossFilterMedian: percentile(stepTimes, 50), crossFilterP95: percentile(stepTimes, 95),
    gridMedian: percentile(gridTimes, 50),
    firstDay: Number(extent.a), lastDay: Number(extent.b),
  };
}

// Benchmark data: N incidents with the example's realism — its categories, places, hot spots, hours, weekdays
// and seasons — made by resampling Exempelkommun's rows: each copy moves by whole weeks (so weekday and hour
// stay), up to ±50 m in position, and gets its own id. Written as the canonical CSV and, by native DuckDB, Parquet.
import { createWriteStream, existsSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { generate, INCIDENT_COLUMNS } from '../generate-example.mjs';
import { createRandom } from '../example/random.mjs';
import { csvField } from '../example/writers.mjs';

const DAY_MS = 86_400_000;

function shiftWeeks(timestamp, weeks, first, last) {
  const t = Date.parse(`${timestamp.replace(' ', 'T')}Z`) + weeks * 7 * DAY_MS;
  const day = new Date(t).toISOString().slice(0, 10);
  if (day < first || day > last) return timestamp;
  return new Date(t).toISOString().slice(0, 19).replace('T', ' ');
}

async function writeCsv(path, rows, seed) {
  const { incidents } = generate();
  const random = createRandom(seed).next;
  const first = incidents[0].occurred_at.slice(0, 10);
  const last = incidents[incidents.length - 1].occurred_at.slice(0, 10);
  const out = createWriteStream(path);
  const write = (text) => new Promise((resolve) => (out.write(text) ? resolve() : out.once('drain', resolve)));
  await write(INCIDENT_COLUMNS.join(',') + '\n');
  const BATCH = 20_000;
  for (let start = 0; start < rows; start += BATCH) {
    const lines = [];
    for (let i = start; i < Math.min(rows, start + BATCH); i++) {
      const r = incidents[Math.floor(random() * incidents.length)];
      const weeks = Math.floor(random() * 9) - 4;
      const located = r.lat !== null && r.lat !== undefined && r.lat !== '';
      const jitter = () => (random() - 0.5) * 0.0009;
      const row = {
        ...r,
        id: `B${String(i).padStart(8, '0')}`,
        occurred_at: shiftWeeks(r.occurred_at, weeks, first, last),
        lat: located ? (Number(r.lat) + jitter()).toFixed(6) : '',
        lon: located ? (Number(r.lon) + jitter() * 2).toFixed(6) : '',
      };
      lines.push(INCIDENT_COLUMNS.map((c) => csvField(row[c], ',')).join(','));
    }
    await write(lines.join('\n') + '\n');
  }
  await new Promise((resolve) => out.end(resolve));
}

/** Writes (or reuses) incidents-<rows>.csv and .parquet in `dir`; returns their paths and sizes. */
export async function incidentSet(dir, rows, seed = 20261122) {
  mkdirSync(dir, { recursive: true });
  const csv = join(dir, `incidents-${rows}.csv`);
  const parquet = join(dir, `incidents-${rows}.parquet`);
  // Written under a temporary name and renamed when complete, so an interrupted run never leaves a short file.
  if (!existsSync(csv)) {
    await writeCsv(`${csv}.partial`, rows, seed + rows);
    renameSync(`${csv}.partial`, csv);
  }
  if (!existsSync(parquet)) {
    const db = await DuckDBInstance.create(':memory:');
    const c = await db.connect();
    await c.run(`COPY (SELECT * FROM read_csv('${csv.replaceAll("'", "''")}', header = true)) TO '${`${parquet}.partial`.replaceAll("'", "''")}' (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 122880)`);
    c.closeSync();
    renameSync(`${parquet}.partial`, parquet);
  }
  return { rows, csv, parquet, csvBytes: statSync(csv).size, parquetBytes: statSync(parquet).size };
}

/**
 * 10M incidents as Parquet: the 5M set twice, the second copy with its own ids (written by native DuckDB from the
 * 5M Parquet, so no 1.5 GB CSV is generated). Reused when present.
 */
export async function tenMillionParquet(dir) {
  const five = await incidentSet(dir, 5_000_000);
  const parquet = join(dir, 'incidents-10000000.parquet');
  if (!existsSync(parquet)) {
    const db = await DuckDBInstance.create(':memory:');
    const c = await db.connect();
    const source = `read_parquet('${five.parquet.replaceAll("'", "''")}')`;
    await c.run(`COPY (SELECT * FROM ${source} UNION ALL SELECT * REPLACE ('T' || id AS id) FROM ${source}) TO '${`${parquet}.partial`.replaceAll("'", "''")}' (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 122880)`);
    c.closeSync();
    renameSync(`${parquet}.partial`, parquet);
  }
  return parquet;
}

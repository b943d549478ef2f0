// Benchmark data: N incidents with the example's realism — its categories, places, hot spots, hours, weekdays
// and seasons — made by resampling Exempelkommun's rows: each copy moves by whole weeks (so weekday and hour
// stay), up to ±50 m in position, and gets its own id. Written as the canonical CSV and, by native DuckDB, Parquet.
import { createWriteStream, existsSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import proj4 from 'proj4';
import { SWEREF99TM } from '../example/geography.mjs';
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

/**
 * The set's incidents as a police-style SWEREF 99 TM export: `;`, positions as whole metres in N and E (from the
 * set's lat/lon with proj4), no lat/lon columns — the importer converts them back (in SQL since 2026-12-06). Written
 * from the set's CSV by native DuckDB and proj4; reused when present. Returns its path and size.
 */
export async function swerefSet(dir, set) {
  const path = join(dir, `sweref-${set.rows}.csv`);
  if (!existsSync(path)) {
    const db = await DuckDBInstance.create(':memory:');
    const c = await db.connect();
    const columns = ['id', 'occurred_at', 'category', 'subcategory', 'lat', 'lon', 'area', 'place', 'description'];
    const reader = await c.runAndReadAll(`SELECT ${columns.join(', ')} FROM read_csv('${set.csv.replaceAll("'", "''")}', header = true, all_varchar = true)`);
    const rows = reader.getRowObjects();
    c.closeSync();
    const out = createWriteStream(`${path}.partial`);
    const write = (text) => new Promise((resolve) => (out.write(text) ? resolve() : out.once('drain', resolve)));
    await write('id;occurred_at;category;subcategory;N;E;area;place;description\n');
    for (let start = 0; start < rows.length; start += 20_000) {
      const lines = rows.slice(start, start + 20_000).map((r) => {
        let n = '';
        let e = '';
        if (r.lat) [e, n] = proj4('WGS84', SWEREF99TM, [Number(r.lon), Number(r.lat)]).map((v) => String(Math.round(v)));
        return [r.id, r.occurred_at, r.category, r.subcategory, n, e, r.area, r.place, r.description].map((v) => csvField(v, ';')).join(';');
      });
      await write(lines.join('\n') + '\n');
    }
    await new Promise((resolve) => out.end(resolve));
    renameSync(`${path}.partial`, path);
  }
  return { rows: set.rows, csv: path, csvBytes: statSync(path).size };
}

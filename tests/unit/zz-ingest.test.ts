import { it } from 'vitest';
import { readFileSync, writeFileSync } from "node:fs";
import { createSchemaRunner } from '../../scripts/node-runner';
import { planBytes, importPlanned } from './support/import-file';

it('profile', async () => {
  const runner = await createSchemaRunner();
  await runner.exec('SET threads = 1');
  const stmts: [number, string][] = [];
  const origRows = runner.rows.bind(runner);
  for (const m of ['exec', 'rows', 'run'] as const) {
    const orig = (runner as any)[m].bind(runner);
    (runner as any)[m] = async (sql: string, ...a: unknown[]) => { if (process.env.EXPLAIN && sql.includes(process.env.EXPLAIN)) { const body = sql.replace(/^\s*CREATE TEMP TABLE \S+ AS/, '').replace(/^\s*INSERT INTO [^(]+\([^)]*\)/, ''); const r = await origRows('EXPLAIN ANALYZE ' + body); writeFileSync('/tmp/explain.txt', JSON.stringify(r, null, 1)); }
      const s = performance.now(); try { return await orig(sql, ...a); } finally { stmts.push([performance.now() - s, sql.replace(/\s+/g, " ").slice(0, 110)]); if (sql.includes("CREATE TEMP TABLE import_checked")) writeFileSync("/tmp/check.sql", sql); } };
  }
  const bytes = readFileSync(process.env.CSV ?? '/work/main/bench/data/incidents-1000000.csv');
  const plan = await planBytes(bytes);
  let last = performance.now(); let name = 'start'; const steps: string[] = [];
  const t0 = performance.now();
  const r = await importPlanned(runner, bytes, plan, { ...(process.env.NFC ? { unicodeNormalize: process.env.NFC === "1" } : {}), onStep: (s: string) => { const now = performance.now(); steps.push(`${name} ${Math.round(now - last)}`); last = now; name = s; } });
  steps.push(`${name} ${Math.round(performance.now() - last)}`);
  console.log('TOTAL', Math.round(performance.now() - t0), r.imported, steps.join(' | '));
  for (const [ms, sql] of stmts.filter(([ms]) => ms > 100)) console.log('STMT', Math.round(ms), sql);
  if (process.env.SQL) console.log(process.env.SQL);
}, 600_000);

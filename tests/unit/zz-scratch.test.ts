import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { it } from 'vitest';
import { scanRecords } from '../../src/data/import/csv-records';
import { importCsv } from '../../src/data/import/import-csv';
import { createSchemaRunner } from './support/node-runner';
it('scratch', async () => {
  const runner = await createSchemaRunner();
  const lines = ['Datum;Brottstyp;Plats'];
  for (let i = 0; i < 20; i++) lines.push(`2026-03-0${(i % 9) + 1};Stöld;Torget${i}`);
  const text = lines.join('\n') + '\n';
  const bytes = Uint8Array.from([...text].map((c) => c.charCodeAt(0)));
  const file = join(mkdtempSync(join(tmpdir(), 'x-')), 'u.csv');
  writeFileSync(file, bytes);
  const dialect = { delimiter: ';', quote: '"', header: true, skipLines: 0, columns: ['Datum', 'Brottstyp', 'Plats'] };
  const scan = scanRecords(bytes, dialect);
  try {
    const r = await importCsv(runner, { fileName: file, scan, dialect, target: 'incidents', columns: { date: 'Datum', category: 'Brottstyp', place: 'Plats' }, decimal: ',', coordinates: null, mode: 'append', replaceExample: false, source: 'x' });
    console.log(JSON.stringify(r));
  } catch (e) { console.log('ERR', String(e)); }
  for (const sql of ["SELECT nfc_normalize('Sto\u0308ld') = 'Stöld' AS a", "SELECT trim('\u00a0\u2003 x\u3000\u202f', ' \u00a0\u2003\u3000\u202f') AS t", "SELECT try_strptime('2025-03-05 18:50:00.0000000', '%Y-%m-%d %H:%M:%S.%f') AS t", "SELECT try_strptime('2025-03-05 18:50:00.123456', '%Y-%m-%d %H:%M:%S.%f') AS t", "SELECT try_strptime('2025-03-05 7:30', '%Y-%m-%d %H:%M') AS t", "SELECT try_strptime('0025-03-11', '%Y-%m-%d') AS t", "SELECT regexp_replace('a\u00a0 b', '[\\pZ]', '_', 'g') AS t"]) {
    try { console.log(sql, JSON.stringify(await runner.rows(sql), (_, v) => typeof v === 'bigint' ? String(v) : v)); } catch (e) { console.log('ERR', sql, String(e)); }
  }
  runner.close();
});

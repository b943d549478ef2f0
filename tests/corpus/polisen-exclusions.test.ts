// The real police public-events dumps under the default choice, in Node with native DuckDB: the non-incident
// types (summaries, information, updates) are left out and nothing else, and rows in the file = imported +
// rejected + left out, also in the import history.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listImports } from '../../src/data/import-history';
import { importCsv } from '../../src/data/import/import-csv';
import { defaultPoliceChoice, isNotIncidentType, policeEventCounts, policeEventsImport } from '../../src/data/import/police-events';
import { createSchemaRunner } from '../../scripts/node-runner';
import { requireSharedData } from './shared-data';

const dir = join(requireSharedData(), 'polisen-events');
const FILES = ['polisen_events_2024.json', 'polisen_events_2025-01-01_to_2026-08-22.json'];

describe('police public events: the default choice', () => {
  it.each(FILES)('%s: non-incident types left out, every event accounted for', async (name) => {
    const text = readFileSync(join(dir, name), 'utf8');
    const events = JSON.parse(text) as { type: string; location: { name: string } }[];
    const counts = policeEventCounts(text);
    const choice = defaultPoliceChoice(counts);
    // Every summary ("Sammanfattning natt", "… kväll och natt", "… helg" …), Information and Uppdatering — no other type.
    expect(choice.excludedTypes.every(isNotIncidentType)).toBe(true);
    expect(choice.excludedTypes.some((t) => t.startsWith('Sammanfattning natt'))).toBe(true);
    expect(choice.excludedTypes.filter((t) => !t.startsWith('Sammanfattning')).sort()).toEqual(counts.types.map((t) => t.name).filter((t) => t === 'Information' || t === 'Uppdatering').sort());
    const nonIncidents = events.filter((e) => isNotIncidentType(e.type ?? '')).length;
    expect(nonIncidents).toBeGreaterThan(1000);
    // One event in the two archives is dated long before its publication (an update published 2025-08-26 of
    // "18 september … Anträffad död, Karlstad": 2024-09-18); the card says so (counted by an independent scan).
    expect(counts.datedLongBefore).toBe(name.startsWith('polisen_events_2025') ? 1 : 0);

    const prepared = policeEventsImport(text, choice);
    expect(prepared.leftOut).toBe(nonIncidents);
    const runner = await createSchemaRunner();
    try {
      const file = join(mkdtempSync(join(tmpdir(), 'lagesbild-police-corpus-')), 'events.csv');
      writeFileSync(file, prepared.utf8);
      const result = await importCsv(runner, {
        fileName: file, scan: prepared.scan, dialect: prepared.plan.dialect, target: 'incidents', columns: prepared.plan.mapping, decimal: '.',
        coordinates: { crs: 'EPSG:4326', order: 'north-east' }, mode: 'append', replaceExample: false, source: 'Polisens händelser', locationPrecision: 'area',
        leftOut: prepared.leftOut, history: { fileName: name, mapping: JSON.stringify(choice) },
      });
      const renumbered = prepared.renumber(result);
      expect(result.rowsInFile).toBe(events.length);
      expect(result.imported + result.rejected.length + (result.leftOut ?? 0)).toBe(events.length);
      // Rejected events are numbered by their place in the file, and none of them is a left-out type.
      for (const r of renumbered.rejected) expect(isNotIncidentType(events[r.line - 1].type ?? '')).toBe(false);
      const [stored] = await runner.rows<{ n: number; summaries: number }>(`SELECT count(*)::INTEGER AS n, count(*) FILTER (WHERE category LIKE 'Sammanfattning%' OR category IN ('Information', 'Uppdatering'))::INTEGER AS summaries FROM incidents`);
      expect(stored).toEqual({ n: result.imported, summaries: 0 });
      const [history] = await listImports(runner);
      expect(history).toMatchObject({ rows_in: events.length, imported: result.imported, rejected: result.rejected.length, left_out: nonIncidents, stored: result.imported });
      console.log(`${name}: ${events.length} events = ${result.imported} imported + ${result.rejected.length} rejected + ${nonIncidents} left out`);
    } finally {
      runner.close();
    }
  });
});

// planImport's decisions that need no database: what a file is by name and content, and what is refused before
// anything is read (size limits), with the reason the card shows.
import { describe, expect, it } from 'vitest';
import type { Database } from '../../src/data/database';
import { MAX_JSON_BYTES, MAX_PARQUET_BYTES } from '../../src/data/import/browser-import';
import { fileKind, planImport } from '../../src/data/import/import-plan';

const noDatabase = {} as Database;
/** A file that claims `size` bytes without holding them (planImport must refuse it before reading). */
function sized(name: string, size: number): File {
  const file = new File(['x'], name);
  Object.defineProperty(file, 'size', { value: size });
  return file;
}

describe('planImport', () => {
  it('names the kind by the file name', () => {
    expect(['a.csv', 'b.TSV', 'c.txt', 'd.tab', 'e.parquet', 'f.parq', 'g.geojson', 'h.json', 'i.xlsx'].map(fileKind))
      .toEqual(['csv', 'csv', 'csv', 'csv', 'parquet', 'parquet', 'geojson', 'json', 'unknown']);
  });

  it('refuses a file over its kind’s limit before reading it, with the limit', async () => {
    expect(await planImport(noDatabase, sized('stor.parquet', MAX_PARQUET_BYTES + 1))).toMatchObject({ kind: 'refused', reason: 'too-large', limit: MAX_PARQUET_BYTES });
    expect(await planImport(noDatabase, sized('stor.json', MAX_JSON_BYTES + 1))).toMatchObject({ kind: 'refused', reason: 'too-large', limit: MAX_JSON_BYTES });
    expect(await planImport(noDatabase, sized('stor.geojson', MAX_JSON_BYTES + 1))).toMatchObject({ kind: 'refused', reason: 'too-large' });
  });

  it('refuses an unknown format, and sends a goals file to the Mål page (CSV or JSON)', async () => {
    expect(await planImport(noDatabase, new File(['PK'], 'rapport.xlsx'))).toMatchObject({ kind: 'refused', reason: 'unknown-format' });
    const csv = '\uFEFFid;promise;title;owner;dataset;filter;measure;direction;target\r\n1;A;B;polis;incidents;;count;at_least;4\r\n';
    expect(await planImport(noDatabase, new File([csv], 'medborgarloften.csv'))).toMatchObject({ kind: 'refused', reason: 'goals-file' });
    const json = JSON.stringify([{ id: '1', title: 'B', dataset: 'incidents', measure: 'count', direction: 'at_least', target: 4 }]);
    expect(await planImport(noDatabase, new File([json], 'medborgarloften.json'))).toMatchObject({ kind: 'refused', reason: 'goals-file' });
  });

  it('plans areas from GeoJSON and police events from their JSON, and says why other JSON is not imported', async () => {
    const areas = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { namn: 'Centrum', typ: 'stadsdel' }, geometry: { type: 'Polygon', coordinates: [[[16, 59], [16.1, 59], [16.1, 59.1], [16, 59]]] } }] };
    const planned = await planImport(noDatabase, new File([JSON.stringify(areas)], 'omraden.geojson'));
    expect(planned.kind).toBe('areas');
    const events = [{ id: 1, datetime: '2026-01-05 10:00:00 +01:00', name: '5 januari 10.00, Stöld, Uppsala', summary: 'x', url: '/x', type: 'Stöld', location: { name: 'Uppsala', gps: '59.858,17.638' } }];
    const police = await planImport(noDatabase, new File([JSON.stringify(events)], 'handelser.json'));
    expect(police).toMatchObject({ kind: 'police-events', source: 'Polisens händelser', mode: 'append' });
    expect(await planImport(noDatabase, new File(['{"a": 1}'], 'annat.json'))).toMatchObject({ kind: 'refused', reason: 'not-police-events', detail: 'not-a-list' });
  });
});

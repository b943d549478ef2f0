// Points belong to areas: every incident and intervention with a position is matched against the imported areas
// of every kind (point in polygon, lib/geo/area-lookup.ts). The finest kind's area (stadsdel before DeSO before
// kommun before län: the kind whose areas are smallest) fills `area` where the file gave none; every kind's area
// goes into `area_names` (area-assignment.query.ts says which column means what). A file's own area always wins
// in its kind. Run after every data change (fillDerivedColumns); when the areas themselves change, every earlier
// assignment is made again.
import { areaLookup, type AreaShape } from '../lib/geo/area-lookup';
import {
  AREAS_SIGNATURE, ASSIGNED_TABLES, CREATE_OWN_TOKENS, DROP_OWN_TOKENS, ROWS_TO_PLACE, CREATE_AREA_INDEX, CREATE_HITS, DROP_TEMP, READ_AREA_INDEX, SIGNATURE_KEY,
  clearAssignments, pointsToAssign, writeAreaNames, writeFinestArea,
} from './area-assignment.query';
import { READ_META, WRITE_META } from './schema.query';
import { inTransaction, type SqlRunner } from './sql-runner';

export interface AreaAssignment {
  /** The finest area kind (it fills `area`; null: areas without a kind), or undefined when there are no areas. */
  kind?: string | null;
  /** Points tested in this run that lie in an area of the finest kind / in none of its areas. */
  assigned: number;
  outside: number;
  /** Rows (with or without a position) given their area names in this run. */
  placed: number;
}

/**
 * Assigns areas to the rows that need it, in its own transaction (at start-up: finishes what an interrupted run
 * left). Cost: one lookup per untested point and loaded kind; nothing when every row is done. Throws what the
 * database throws (the transaction is undone).
 */
export async function assignAreas(runner: SqlRunner): Promise<AreaAssignment> {
  return inTransaction(runner, () => placeInAreas(runner));
}

/**
 * The same inside a transaction the caller holds: an import, an undo or the example's load place their rows in the
 * transaction that writes them, so the counts per area are never seen half-made.
 */
export async function placeInAreas(runner: SqlRunner): Promise<AreaAssignment> {
  const [{ signature }] = await runner.rows<{ signature: string }>(AREAS_SIGNATURE);
  const meta = await runner.rows<{ key: string; value: string }>(READ_META);
  if (meta.find((m) => m.key === SIGNATURE_KEY)?.value !== signature) {
    for (const table of ASSIGNED_TABLES) await runner.exec(clearAssignments(table));
    await runner.run(WRITE_META, [SIGNATURE_KEY, signature]);
  }
  const [{ n: placed }] = await runner.rows<{ n: number }>(ROWS_TO_PLACE);
  // Every row placed and the areas unchanged (most starts): nothing to do.
  if (placed === 0) return { assigned: 0, outside: 0, placed: 0 };
  await runner.exec(CREATE_AREA_INDEX);
  await runner.exec(CREATE_HITS);
  await runner.exec(CREATE_OWN_TOKENS);
  try {
    const index = await runner.rows<{ idx: number; kind: string | null; kind_rank: number; geometry: string }>(READ_AREA_INDEX);
    // One lookup per kind: areas of one kind tile the land, areas of different kinds overlap by design.
    const kinds: { first: number; lookup: ReturnType<typeof areaLookup> }[] = [];
    for (let i = 0; i < index.length;) {
      let j = i;
      while (j < index.length && index[j].kind_rank === index[i].kind_rank) j++;
      kinds.push({ first: i, lookup: areaLookup(index.slice(i, j).map((a) => JSON.parse(a.geometry) as AreaShape)) });
      i = j;
    }
    let assigned = 0;
    let outside = 0;
    const start = performance.now();
    let lookupMs = 0;
    for (const table of ASSIGNED_TABLES) {
      const empty = new Float64Array(0);
      const { rid_hi: ridHi, rid_lo: ridLo, lon, lat } = index.length ? await runner.numericColumns(pointsToAssign(table)) : { rid_hi: empty, rid_lo: empty, lon: empty, lat: empty };
      if (ridHi.length > 0) {
        const lookupStart = performance.now();
        const size = ridHi.length * (kinds.length + 1);
        const hitHi = new Float64Array(size);
        const hitLo = new Float64Array(size);
        const hitIdx = new Int32Array(size);
        let hits = 0;
        const hit = (i: number, idx: number) => { hitHi[hits] = ridHi[i]; hitLo[hits] = ridLo[i]; hitIdx[hits++] = idx; };
        for (let i = 0; i < ridHi.length; i++) {
          // The tested mark (−1), then the point's area in each kind it lies in.
          hit(i, -1);
          for (let k = 0; k < kinds.length; k++) {
            const found = kinds[k].lookup.find(lon[i], lat[i]);
            if (k === 0) { if (found >= 0) assigned++; else outside++; }
            if (found >= 0) hit(i, kinds[k].first + found);
          }
        }
        lookupMs += performance.now() - lookupStart;
        await runner.exec('DELETE FROM area_hits');
        await runner.insertColumns('area_hits', [
          { name: 'rid_hi', type: 'float64', values: hitHi.slice(0, hits) },
          { name: 'rid_lo', type: 'float64', values: hitLo.slice(0, hits) },
          { name: 'idx', type: 'int32', values: hitIdx.slice(0, hits) },
        ]);
        await runner.exec(writeFinestArea(table));
      } else {
        await runner.exec('DELETE FROM area_hits');
      }
      await runner.exec(writeAreaNames(table));
    }
    // Read by `npm run bench` (points against polygons, in the browser).
    performance.measure('lagesbild:area-assignment', { start, end: performance.now(), detail: { points: assigned + outside, polygons: index.length, kinds: kinds.length, lookupMs } });
    return index.length ? { kind: index[0].kind, assigned, outside, placed } : { assigned: 0, outside: 0, placed };
  } finally {
    await runner.exec(DROP_TEMP);
    await runner.exec(DROP_OWN_TOKENS);
  }
}

// Points belong to areas: every incident and intervention with a position but no area of its own gets the
// imported area that contains it (point in polygon, lib/geo/area-lookup.ts), of the finest area kind loaded
// (stadsdel before DeSO before kommun before län: the kind whose areas are smallest). A file's own area column
// always wins. Points in no area are marked 'outside'. Run after every data change (fillDerivedColumns); when
// the areas themselves change, every earlier assignment is made again.
import { areaLookup, type AreaShape } from '../lib/geo/area-lookup';
import {
  AREAS_OF_KIND, AREAS_SIGNATURE, AREA_KINDS, ASSIGNED_TABLES, CREATE_HITS, CREATE_NAMES, DROP_TEMP, SIGNATURE_KEY,
  clearAssignments, pointsToAssign, writeAssignments,
} from './area-assignment.query';
import { READ_META, WRITE_META } from './schema.query';
import { inTransaction, type SqlRunner } from './sql-runner';

export interface AreaAssignment {
  /** The area kind points were matched against (null: areas without a kind), or undefined when there are no areas. */
  kind?: string | null;
  /** Points given an area / found in none, per table, in this run. */
  assigned: number;
  outside: number;
}

/**
 * Assigns areas to the points that need one, in one transaction. Cost: one pass over the untested points;
 * nothing when every point has its area already. Throws what the database throws (the transaction is undone).
 */
export async function assignAreas(runner: SqlRunner): Promise<AreaAssignment> {
  return inTransaction(runner, async () => {
    const [{ signature }] = await runner.rows<{ signature: string }>(AREAS_SIGNATURE);
    const meta = await runner.rows<{ key: string; value: string }>(READ_META);
    if (meta.find((m) => m.key === SIGNATURE_KEY)?.value !== signature) {
      for (const table of ASSIGNED_TABLES) await runner.exec(clearAssignments(table));
      await runner.run(WRITE_META, [SIGNATURE_KEY, signature]);
    }
    const kinds = await runner.rows<{ kind: string | null; n: number }>(AREA_KINDS);
    if (kinds.length === 0) return { assigned: 0, outside: 0 };
    const kind = kinds[0].kind;
    const areas = await runner.rows<{ name: string; geometry: string }>(AREAS_OF_KIND, [kind]);
    const lookup = areaLookup(areas.map((a) => JSON.parse(a.geometry) as AreaShape));
    let assigned = 0;
    let outside = 0;
    const start = performance.now();
    let lookupMs = 0;
    await runner.exec(CREATE_HITS);
    await runner.run(CREATE_NAMES, [kind]);
    try {
      for (const table of ASSIGNED_TABLES) {
        const { rid, lon, lat } = await runner.numericColumns(pointsToAssign(table));
        if (rid.length === 0) continue;
        const idx = new Int32Array(rid.length);
        const lookupStart = performance.now();
        for (let i = 0; i < rid.length; i++) {
          idx[i] = lookup.find(lon[i], lat[i]);
          if (idx[i] >= 0) assigned++;
          else outside++;
        }
        lookupMs += performance.now() - lookupStart;
        await runner.exec('DELETE FROM area_hits');
        await runner.insertColumns('area_hits', [{ name: 'rid', type: 'float64', values: rid }, { name: 'idx', type: 'int32', values: idx }]);
        await runner.exec(writeAssignments(table));
      }
    } finally {
      await runner.exec(DROP_TEMP);
    }
    // Read by `npm run bench` (points against polygons, in the browser).
    performance.measure('lagesbild:area-assignment', { start, end: performance.now(), detail: { points: assigned + outside, polygons: areas.length, lookupMs } });
    return { kind, assigned, outside };
  });
}

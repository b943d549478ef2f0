// Points belong to areas: every incident and intervention with a position is matched against the imported areas
// of every kind (point in polygon, lib/geo/area-lookup.ts); an incident placed at its own area's centre (a police
// event's kommun) only against the kinds coarser than that area's (its län), and placed in the nearest within
// CENTRE_REACH_KM when it lies just outside them (a simplified coast). The finest kind's area (stadsdel before DeSO before
// kommun before län: the kind whose areas are smallest) fills `area` where the file gave none; every kind's area
// goes into `area_names` (area-assignment.query.ts says which column means what). A file's own area always wins
// in its kind. Run after every data change (fillDerivedColumns); when the areas themselves change, every earlier
// assignment is made again.
import { areaLookup, type AreaLookup, type AreaShape } from '../lib/geo/area-lookup';
import {
  AREA_CENTRES_TO_ASSIGN, AREAS_SIGNATURE, ASSIGNED_TABLES, CREATE_AREA_INDEX, CREATE_COMBOS, CREATE_HITS, CREATE_OWN_TOKENS, DROP_OWN_TOKENS, DROP_TEMP,
  CLEAR_HITS, READ_AREA_INDEX, ROWS_TO_PLACE, SIGNATURE_KEY, clearAssignments, pointsToAssign, resetWithoutAreas, writePlacedPoints, writeUnplacedRows,
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
  const [{ signature, areas }] = await runner.rows<{ signature: string; areas: number }>(AREAS_SIGNATURE);
  const meta = await runner.rows<{ key: string; value: string }>(READ_META);
  if (meta.find((m) => m.key === SIGNATURE_KEY)?.value !== signature) {
    for (const table of ASSIGNED_TABLES) await runner.exec(areas === 0 ? resetWithoutAreas(table) : clearAssignments(table));
    await runner.run(WRITE_META, [SIGNATURE_KEY, signature]);
  }
  const [{ n: placed }] = await runner.rows<{ n: number }>(ROWS_TO_PLACE);
  // Every row placed and the areas unchanged (most starts): nothing to do.
  if (placed === 0) return { assigned: 0, outside: 0, placed: 0 };
  const start = performance.now();
  await runner.exec(CREATE_AREA_INDEX);
  await runner.exec(CREATE_HITS);
  await runner.exec(CREATE_OWN_TOKENS);
  try {
    const index = await runner.rows<{ idx: number; kind: string | null; kind_rank: number; geometry: string }>(READ_AREA_INDEX);
    const kinds = lookupsPerKind(index);
    let assigned = 0;
    let outside = 0;
    // Where the time goes, for `npm run bench`: reading the points, the lookups, writing the answers.
    const ms = { index: performance.now() - start, read: 0, lookup: 0, write: 0 };
    for (const table of ASSIGNED_TABLES) {
      const empty = new Float64Array(0);
      const readStart = performance.now();
      const points = index.length ? await runner.numericColumns(pointsToAssign(table)) : { rid_hi: empty, rid_lo: empty, lon: empty, lat: empty };
      // Area centres (incidents only): looked up in the kinds coarser than their own area's (AREA_CENTRES_TO_ASSIGN).
      const centres = index.length && table === 'incidents' ? await runner.numericColumns(AREA_CENTRES_TO_ASSIGN) : { rid_hi: empty, rid_lo: empty, lon: empty, lat: empty, own_rank: empty };
      const ridHi = concat(points.rid_hi, centres.rid_hi);
      const ridLo = concat(points.rid_lo, centres.rid_lo);
      ms.read += performance.now() - readStart;
      if (ridHi.length > 0) {
        const lookupStart = performance.now();
        const { combo, combos, tested, inFinest } = combinationsOf(kinds, points, centres);
        assigned += inFinest;
        outside += tested - inFinest;
        const writeStart = performance.now();
        ms.lookup += writeStart - lookupStart;
        const members = combos.members(kinds.map((k) => k.first));
        await runner.insertColumns('area_hits', [
          { name: 'rid_hi', type: 'float64', values: ridHi },
          { name: 'rid_lo', type: 'float64', values: ridLo },
          { name: 'combo', type: 'int32', values: combo },
        ]);
        await runner.insertColumns('area_combo_members', [
          { name: 'combo', type: 'int32', values: members.combo },
          { name: 'idx', type: 'int32', values: members.idx },
        ]);
        await runner.exec(CREATE_COMBOS);
        await runner.exec(writePlacedPoints(table));
        await runner.exec(CLEAR_HITS);
        ms.write += performance.now() - writeStart;
      }
      const unplacedStart = performance.now();
      await runner.exec(writeUnplacedRows(table));
      ms.write += performance.now() - unplacedStart;
    }
    // Read by `npm run bench` (points against polygons, in the browser).
    performance.measure('lagesbild:area-assignment', { start, end: performance.now(), detail: { points: assigned + outside, polygons: index.length, kinds: kinds.length, ms } });
    return index.length ? { kind: index[0].kind, assigned, outside, placed } : { assigned: 0, outside: 0, placed };
  } finally {
    await runner.exec(DROP_TEMP);
    await runner.exec(DROP_OWN_TOKENS);
  }
}

type Columns = Record<string, Float64Array>;

/**
 * How far outside a coarser area's boundary an area's centre may lie and still be placed in it (km). The police's
 * kommun points left outside a 21-län file lie 0,06–3,96 km off its simplified coast (Karlskrona the farthest), each
 * nearest its own län; a point farther out is more likely a wrong position than a coastline's simplification.
 */
export const CENTRE_REACH_KM = 5;

/**
 * Each row's combination of areas (`combo[i]`, points first, then area centres): a point is looked up in every kind,
 * an area centre only in the kinds coarser than its own area's (`own_rank`). `tested`/`inFinest`: points looked up,
 * and those inside an area of the finest kind.
 */
function combinationsOf(kinds: KindLookup[], points: Columns, centres: Columns) {
  const nPoints = points.rid_hi.length;
  const combos = new AreaCombinations(kinds.map((k) => k.size));
  const combo = new Int32Array(nPoints + centres.rid_hi.length);
  const found = new Int32Array(kinds.length);
  let inFinest = 0;
  for (let i = 0; i < nPoints; i++) {
    for (let k = 0; k < kinds.length; k++) found[k] = kinds[k].lookup.find(points.lon[i], points.lat[i]);
    if (found[0] >= 0) inFinest++;
    combo[i] = combos.idOf(found);
  }
  // An area's centre stands for an area inside the coarser one: the nearest within CENTRE_REACH_KM when a simplified
  // coast leaves it just outside (area-lookup.ts `nearest`). Many rows share one centre: each looked up once.
  const nearest = new Map<string, number>();
  for (let j = 0; j < centres.rid_hi.length; j++) {
    for (let k = 0; k < kinds.length; k++) {
      if (kinds[k].rank <= centres.own_rank[j]) { found[k] = -1; continue; }
      const key = `${k} ${centres.lon[j]} ${centres.lat[j]}`;
      let area = nearest.get(key);
      if (area === undefined) nearest.set(key, (area = kinds[k].lookup.nearest(centres.lon[j], centres.lat[j], CENTRE_REACH_KM)));
      found[k] = area;
    }
    combo[nPoints + j] = combos.idOf(found);
  }
  return { combo, combos, tested: nPoints, inFinest };
}

interface KindLookup {
  /** Index (into area_index) of the kind's first area, and its number of areas. */
  first: number;
  size: number;
  /** The kind's rank (0: the finest; area_index's kind_rank). */
  rank: number;
  lookup: AreaLookup;
}

/** One lookup per kind: areas of one kind tile the land, areas of different kinds overlap by design. */
function lookupsPerKind(index: { kind_rank: number; geometry: string }[]): KindLookup[] {
  const kinds: KindLookup[] = [];
  for (let i = 0; i < index.length;) {
    let j = i;
    while (j < index.length && index[j].kind_rank === index[i].kind_rank) j++;
    kinds.push({ first: i, size: j - i, rank: index[i].kind_rank, lookup: areaLookup(index.slice(i, j).map((a) => JSON.parse(a.geometry) as AreaShape)) });
    i = j;
  }
  return kinds;
}

/**
 * Numbers each distinct combination of areas (one area, or none, per kind) in the order first seen. The key is the
 * combination as one mixed-radix number (digit k: the area's place in kind k plus one, 0 for none), exact while the
 * product of (areas + 1) over the kinds stays below 2^53 — ~6 000 DeSO × 290 kommuner × 21 län is 3.7e7.
 */
export class AreaCombinations {
  private readonly ids = new Map<number, number>();
  private readonly seen: Int32Array[] = [];
  constructor(private readonly sizes: number[]) {
    if (sizes.reduce((p, n) => p * (n + 1), 1) >= Number.MAX_SAFE_INTEGER) throw new Error('Too many area kinds to combine');
  }
  /** The id of the combination `found` (per kind: the area's place in its kind, −1 for none). */
  idOf(found: Int32Array): number {
    let key = 0;
    for (let k = 0; k < found.length; k++) key = key * (this.sizes[k] + 1) + found[k] + 1;
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.seen.length;
      this.ids.set(key, id);
      this.seen.push(found.slice());
    }
    return id;
  }
  /** Every combination's areas as (combo, idx) pairs; idx = first[k] + place, as area_index numbers them. */
  members(first: number[]): { combo: Int32Array; idx: Int32Array } {
    const combo: number[] = [];
    const idx: number[] = [];
    this.seen.forEach((found, id) => found.forEach((place, k) => {
      if (place >= 0) { combo.push(id); idx.push(first[k] + place); }
    }));
    return { combo: Int32Array.from(combo), idx: Int32Array.from(idx) };
  }
}

function concat(a: Float64Array, b: Float64Array): Float64Array {
  if (b.length === 0) return a;
  const out = new Float64Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

// One definition of "where an incident is" for every view (Översikt, Karta, the lägesbild):
//   'point' — a position of its own: drawn on the map, counted in cells and hot spots;
//   'area'  — only a kommun or län (police public events: the area's centre) — counted per area, never drawn;
//   'none'  — no position at all.
// "Not on the map" is everything that is not a point (area-only + none), so Översikt and Karta can never disagree
// about it; both publish the three parts through lib/disclosure/publish-positions.ts.
import { sql } from '@uwdata/mosaic-sql';

export const AREA_ONLY = sql`location_precision = 'area'`;
export const UNLOCATED = sql`location_precision = 'none'`;

/** Which of the three kinds occur anywhere in the incidents (no filter): one row per kind present. */
export const LOCATION_PRECISIONS = `SELECT DISTINCT location_precision AS precision FROM incidents`;

// How finely each incident is placed in areas, as one text per row, so two periods can be checked for being placed
// alike before a change per area is shown (lib/statistics/placement-shift.ts). From mid-January 2026 the police's
// public events name only the län: every kommun "fell 100 %", every län "rose 4 300 %".
import { AREA_TOKENS } from './area-membership.query';

/** Why an incident has no area (SQL VARCHAR, NULL when it has one): a position outside every loaded area, no position and no own area, or a position but no areas loaded. */
export const WITHOUT_AREA = `CASE WHEN area IS NOT NULL THEN NULL WHEN area_assignment = 'outside' THEN 'outside' WHEN lat IS NULL OR lon IS NULL OR location_precision <> 'point' THEN 'unlocated' ELSE 'none' END`;

/**
 * The placement level of an incident (SQL VARCHAR): the kinds of every area it lies in, sorted and joined
 * ('kommun,län', 'län', 'kommun,stadsdel'), or — for an own area name that is no loaded area's — 'län' when the name
 * ends in " län" (the police write "Skåne län"; their kommuner are bare names), else ''; an incident in no area is
 * '-' and its WITHOUT_AREA reason ('-outside', '-unlocated', '-none').
 */
export const PLACEMENT_LEVEL = `CASE WHEN area IS NULL THEN '-' || ${WITHOUT_AREA}
  ELSE coalesce(nullif(array_to_string(list_sort(list_distinct(list_filter(list_transform(${AREA_TOKENS}, t -> split_part(t, chr(30), 1)), k -> k <> ''))), ','), ''),
    CASE WHEN lower(area) LIKE '% län' THEN 'län' ELSE '' END) END`;

/**
 * Incidents per placement level in two windows (epoch days, inclusive) among the rows `where` keeps (SQL boolean).
 * SQL rows: level VARCHAR, current INTEGER, previous INTEGER.
 */
export function placementLevelsSql(where: string, current: { from: number; to: number }, previous: { from: number; to: number }): string {
  const between = (r: { from: number; to: number }) => `epoch_day BETWEEN ${Math.trunc(r.from)} AND ${Math.trunc(r.to)}`;
  return `SELECT ${PLACEMENT_LEVEL} AS level, count(*) FILTER (WHERE ${between(current)})::INTEGER AS current,
    count(*) FILTER (WHERE ${between(previous)})::INTEGER AS previous
    FROM incidents WHERE (${between(current)} OR ${between(previous)}) AND (${where}) GROUP BY ALL ORDER BY level`;
}

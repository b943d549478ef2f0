// Areas ranked for the tertial analysis (#19 item 4; EST chooses about three times a year where to put larger
// efforts). No hidden weights: the table is ranked by incidents per 1 000 inhabitants in the tertial, and shows
// beside it three plain measures:
//  • the rate against the rest of the areas of the kind together ("the kommun as a whole" when the areas cover it):
//    rate ratio and the exact conditional test for two Poisson rates (Przyborowski & Wilenski 1940; the same test as
//    every change in the app, lib/statistics/count-change.ts), at 95 %;
//  • the change against the previous tertial, per day with data (tertials are 120–123 days; data that begins inside
//    the previous tertial covers only part of it — counting all its days made a steady rate a "significant" rise),
//    with the same test;
//  • the share of the area's incidents in the tertial that lie in Gi* hot-spot cells (≥ 95 % with the false
//    discovery rate correction, the map's own analysis over the tertial's counts).
// In public view every count is the shown (perturbed) one and everything derived is computed from it; an area with
// a hidden count gets no rate, test or share.
import { publishCount, publishedNoise } from '../../lib/disclosure/publish';
import type { DisclosureRule } from '../../lib/disclosure/suppression';
import { compareCounts, type CountChange } from '../../lib/statistics/count-change';
import { placementShift, type PlacementShift } from '../../lib/statistics/placement-shift';

export interface AreaPriorityRow {
  name: string;
  population: number | null;
  current: number;
  current_key: number;
  previous: number;
  previous_key: number;
  hot: number;
  hot_key: number;
  /** Incidents of the tertial with a position (the share's denominator: only they can lie in a hot-spot cell). */
  located: number;
  located_key: number;
}

export interface AreaPriority {
  name: string;
  population: number | null;
  /** Incidents in the tertial as shown (null: hidden in public view). */
  current: number | null;
  /** Per 1 000 inhabitants (null: no population or a hidden count). */
  rate: number | null;
  /** The area's rate against the other areas' together. */
  vsRest: CountChange | null;
  /** The tertial against the one before, per day. */
  vsPrevious: CountChange | null;
  /**
   * Share of the tertial's incidents with a position that lie in hot-spot cells (0–1). Null ("–"): the hot-spot
   * analysis did not run (no positions, too few cells …), the area has no located incident, or a count is hidden.
   */
  hotShare: number | null;
}

/**
 * The areas worth ranking: not shown as "no data" on the Karta (`noData`), and with an incident in one of the two
 * tertials. An area with none says nothing about where to act, and ranked it read "▼ −100 %, significant" against
 * the rest — Helsingborg so, while Göteborg (outside the data's box) was "–". `keepEmpty` (public view): areas with
 * none stay, shown "<5" like 1–4 — left out, the missing names were the zeros (helper-63); they get no rate or test
 * there anyway (a hidden count has none).
 */
export function areasToRank(rows: AreaPriorityRow[], noData: Set<string>, keepEmpty = false): AreaPriorityRow[] {
  return rows.filter((r) => !noData.has(r.name) && (keepEmpty || r.current > 0 || r.previous > 0));
}

/** One row of area-priority.query.ts kindPlacementSql. */
export interface KindPlacementRow {
  current: number;
  current_in: number;
  previous: number;
  previous_in: number;
}

/**
 * Whether the two tertials' incidents lie in areas of the kind alike (lib/statistics/placement-shift.ts): the share
 * in some area of the kind moved a lot and beyond chance — the police's events naming only the län from 2026 took
 * every kommun "▼ −100 %". Null: alike, or nothing to compare.
 */
export function kindPlacementShift(row: KindPlacementRow): PlacementShift | null {
  return placementShift(
    { in: row.current_in, out: row.current - row.current_in },
    { in: row.previous_in, out: row.previous - row.previous_in },
  );
}

/**
 * `days`: the days of the current and previous tertial that the data covers (coveredDays: from the data's first day
 * on); with none in the previous tertial there is no change to show, nor when `comparable` is false (the tertials'
 * rows are placed differently: kindPlacementShift). Rows without population are listed last, unranked.
 */
export function rankAreas(rows: AreaPriorityRow[], days: { current: number; previous: number }, rule: DisclosureRule | null, comparable = true, hotSpotsRan = true): AreaPriority[] {
  const shown = rows.map((r) => ({
    r,
    current: publishCount(r.current, r.current_key, rule),
    previous: publishCount(r.previous, r.previous_key, rule),
    hot: publishCount(r.hot, r.hot_key, rule),
    located: publishCount(r.located, r.located_key, rule),
  }));
  const withPopulation = shown.filter((s) => s.r.population !== null && s.r.population > 0 && s.current !== null);
  const totalCount = withPopulation.reduce((sum, s) => sum + (s.current as number), 0);
  const totalPopulation = withPopulation.reduce((sum, s) => sum + (s.r.population as number), 0);
  const out = shown.map(({ r, current, previous, hot, located }): AreaPriority => {
    const population = r.population !== null && r.population > 0 ? r.population : null;
    const rate = population !== null && current !== null ? (current / population) * 1000 : null;
    const restCount = current !== null ? totalCount - current : 0;
    const restPopulation = population !== null ? totalPopulation - population : 0;
    // Public view: each shown count within ±noise of its exact one, the rest (a sum of the others) within the sum of theirs.
    const noise = publishedNoise(rule);
    const vsRest = rate !== null && restPopulation > 0 ? compareCounts(current as number, restCount, population! / restPopulation, { current: noise, previous: noise * (withPopulation.length - 1) }) : null;
    // `comparable` false: the tertials' rows are placed differently (kindPlacementShift), so no change is shown.
    const vsPrevious = comparable && current !== null && previous !== null && days.previous > 0 && days.current > 0 ? compareCounts(current, previous, days.current / days.previous, noise) : null;
    // A share of a hidden part is hidden too ("<5 of 40" would be a small count again). Of the located incidents: the
    // others can't lie in a cell, and where the analysis did not run (no positions) the share is not 0 but unknown —
    // "0 %" stood beside a Karta that said no hot-spot test could be run (helper-62).
    const hotShare = hotSpotsRan && typeof located === 'number' && located > 0 && typeof hot === 'number' ? hot / located : null;
    return { name: r.name, population, current, rate, vsRest, vsPrevious, hotShare: hotShare === null ? null : Math.min(1, hotShare) };
  });
  return out.sort((a, b) => (b.rate ?? -1) - (a.rate ?? -1) || a.name.localeCompare(b.name, 'sv'));
}

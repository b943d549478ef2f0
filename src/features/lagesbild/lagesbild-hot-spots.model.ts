// Pure: the lägesbild's emerging hot spots — the analysis's cells (load-report.ts) → the named hot spots a leader
// reads, grouped (new, persistent, faded, recurring), with public view's rule applied to every count they show.
import { hotSpotsOfCells, withJoinedEdges } from './hot-spot-names';
import type { DayRange } from '../../lib/day-range';
import { publishCount } from '../../lib/disclosure/publish';
import type { DisclosureRule } from '../../lib/disclosure/suppression';
import type { EmergingPattern } from '../../lib/statistics/emerging-hot-spots';
import { biweekRange, type BiweekPeriod } from '../../lib/iso-week';
import { epochDayOf } from '../../lib/epoch-day';

export type HotSpotGroup = 'new' | 'persistent' | 'other' | 'fading';

/** One cell of the emerging analysis that is (or was) a hot spot. */
export interface HotSpotCell {
  ix: number;
  iy: number;
  pattern: EmergingPattern;
  group: HotSpotGroup;
  place: string | null;
  area: string | null;
  /** Incidents in the cell in the analysis's latest two-week period (HotSpotSummary.lastStep), and their key sum. */
  current: number;
  currentKey: number;
}

/** What a leader reads: hot-spot cells gathered by place, else by touching cluster, and group ("Västerby, new, 4 cells, 9 incidents"; hot-spot-names.ts). */
export interface HotSpotRow {
  name: string;
  group: HotSpotGroup;
  patterns: EmergingPattern[];
  cells: number;
  /** Incidents in the row's cells in the analysis's latest two-week period (HotSpotSummary.lastStep; published). */
  current: number | null;
}

/** ArcGIS's guidance for an emerging analysis: at least ten time steps, all of them inside the data. */
export const MIN_HOT_SPOT_STEPS = 10;

export interface HotSpotSummary {
  /** 'after-data': the period begins after the data's last day (a link) — nothing to analyse, not too few. */
  status: 'ok' | 'too-few' | 'no-positions' | 'too-short' | 'after-data';
  size: number;
  steps: number;
  /**
   * The analysis's latest two-week period, whose counts the rows show: the latest ISO two-week period that has ended
   * by the report period's last day and by the data's — a month's or a tertial's last weeks, or a period the data
   * stops inside, are not a whole step. Null when no analysis was run.
   */
  lastStep: BiweekPeriod | null;
  /**
   * Days of the report period with data after `lastStep` ends (0 when it ends with the period or the data): the
   * analysis leaves them out, and the text says so — "inga nya hot spots" under October read as October's, where a hot
   * spot that began on the 20th was in the 12 days after v. 41–42 (a tester).
   */
  daysAfterLastStep: number;
  /** New first, then persistent, then faded; most incidents first within a group. Each has a letter on the map. */
  rows: HotSpotRow[];
  /** Sporadic and oscillating cells, summed in one row that names no place (as on the page and in the CSV export):
   * on the map, but not worth a row each; a recurring place may also be a named hot spot, and public view names no
   * place whose count it hides. */
  recurring: { cells: number; current: number | null };
  /**
   * Cells of new or persistent hot spots left out of `rows` because the hot spot had no incident of its own in
   * `lastStep` (analyst view only; see hotSpotSummary): on the map without a letter, said under the table.
   */
  surroundingsOnly?: number;
  /** How many hot spots those cells make (analyst view). */
  surroundingSpots?: number;
  /**
   * Public view: new or persistent hot spots left out of `rows` because their count is hidden (0 to k − 1 incidents
   * of their own in `lastStep`, told apart nowhere): how many hot spots and cells. On the map without a letter.
   */
  hiddenSpots?: { spots: number; cells: number };
  /**
   * The cells for the map, each with the index of its row (−1: no letter — recurring, or `unlisted`: a new or
   * persistent hot spot's cell left out of `rows`, drawn apart so the map never shows a "new" the text does not).
   */
  cells: (Pick<HotSpotCell, 'ix' | 'iy' | 'group'> & { row: number; unlisted?: true })[];
  /** Where the located incidents are (SWEREF 99 TM m, 2nd–98th percentile): the map opens on this, not on every loaded boundary. */
  extent: IncidentExtent | null;
}

export interface IncidentExtent { minE: number; maxE: number; minN: number; maxN: number }

/** The analysis as load-report.ts gives it: its cells with their pattern, group, names and latest count. */
export type RawHotSpots = Omit<HotSpotSummary, 'rows' | 'cells' | 'recurring' | 'extent' | 'lastStep' | 'surroundingsOnly' | 'surroundingSpots' | 'hiddenSpots' | 'daysAfterLastStep'> & { cells: HotSpotCell[]; extent?: IncidentExtent | null; lastStep?: BiweekPeriod | null };

export function hotSpotGroup(pattern: EmergingPattern): HotSpotGroup {
  if (pattern === 'new' || pattern === 'consecutive') return 'new';
  if (pattern === 'persistent' || pattern === 'intensifying' || pattern === 'diminishing') return 'persistent';
  if (pattern === 'historical') return 'fading';
  return 'other';
}

const GROUP_ORDER: HotSpotGroup[] = ['new', 'persistent', 'fading', 'other'];

/** Days of `period` with data (`data`: the data's first to last day; null: unknown, the period's end) after `step` ends. */
export function daysAfterStep(step: BiweekPeriod | null, period: DayRange, data: DayRange | null): number {
  if (step === null) return 0;
  const lastDay = epochDayOf(biweekRange(step).end) - 1; // `end` is the Monday after
  return Math.max(0, Math.min(period.to, data?.to ?? period.to) - lastDay);
}

/**
 * The hot spots of `raw` as the report shows them under `rule` (null: analyst view): rows named by place or cluster
 * (hot-spot-names.ts), in group order, most incidents (as shown) first; recurring cells summed in one row; the
 * cells for the map with their row. Gi* as in ESRI's Emerging Hot Spot Analysis (see below).
 */
export function hotSpotSummary(raw: RawHotSpots, rule: DisclosureRule | null): Omit<HotSpotSummary, 'daysAfterLastStep'> {
  const groups: { name: string; group: HotSpotGroup; patterns: Set<EmergingPattern>; cells: HotSpotCell[]; current: number; key: number }[] = [];
  const cells = withJoinedEdges(raw.cells, raw.size);
  for (const group of GROUP_ORDER.filter((g) => g !== 'other')) {
    for (const spot of hotSpotsOfCells(cells.filter((c) => c.group === group), raw.size)) {
      groups.push({
        // Cells joined from a weaker group (withJoinedEdges: a faded edge, a new cell of a persistent place) count
        // among its cells but do not name its pattern.
        name: spot.name, group, patterns: new Set(spot.cells.filter((c) => hotSpotGroup(c.pattern) === group).map((c) => c.pattern)), cells: spot.cells,
        current: spot.cells.reduce((s, c) => s + c.current, 0), key: spot.cells.reduce((s, c) => s + c.currentKey, 0),
      });
    }
  }
  // Gi* tests a cell's local sum, its own count and its neighbours' (Getis & Ord 1992; ESRI's emerging hot-spot
  // analysis the same), so a cell with no incident of its own beside busy cells is a significant hot spot — usually the
  // edge of another. As a named hot spot it read "new hot spot: Hamnstaden (0)" in the example's week 33. As on the
  // Karta's table (hotSpotTableRows), a new or persistent hot spot with no incident of its own in the latest step is
  // not a row; its cells stay on the map without a letter, drawn apart, and are counted under the table.
  // Public view cannot leave out just the zeros (a hidden "<k" would then mean 1–4), and keeping them named a
  // "new hot spot" the analyst's text did not (a tester): so it leaves out every new or persistent hot spot whose
  // count is hidden, 0 and 1–4 alike, and says how many (hiddenSpots) — as the Karta names no cell whose count is hidden.
  const live = (g: { group: HotSpotGroup }) => g.group === 'new' || g.group === 'persistent';
  const surrounding = rule === null ? groups.filter((g) => live(g) && g.current === 0) : [];
  const hidden = rule !== null ? groups.filter((g) => live(g) && publishCount(g.current, g.key, rule) === null) : [];
  const unlisted = [...surrounding, ...hidden];
  groups.splice(0, groups.length, ...groups.filter((g) => !unlisted.includes(g)));
  const recurring = cells.filter((c) => c.group === 'other');
  // Within a group, by the count as shown (public view: perturbed, hidden ones by name), never by the exact one.
  const shownOf = (g: { current: number; key: number }) => { const v = publishCount(g.current, g.key, rule); return v === null ? -1 : v; };
  const ordered = groups.sort((a, b) => GROUP_ORDER.indexOf(a.group) - GROUP_ORDER.indexOf(b.group) || shownOf(b) - shownOf(a) || a.name.localeCompare(b.name, 'sv'));
  // One name, one hot spot: a name that comes again in another group (a new and a persistent hot spot apart in one
  // kommun) is numbered, so the text never says a place both persists and is new.
  const used = new Set<string>();
  for (const g of ordered) {
    let name = g.name;
    for (let k = 2; used.has(name); k++) name = `${g.name} (${k})`;
    used.add(name);
    g.name = name;
  }
  return {
    status: raw.status,
    size: raw.size,
    steps: raw.steps,
    lastStep: raw.lastStep ?? null,
    extent: raw.extent ?? null,
    // Hot spots are a selection of places, not a table with a published total: each sum stands alone.
    rows: ordered.map((g) => ({ name: g.name, group: g.group, patterns: [...g.patterns], cells: g.cells.length, current: publishCount(g.current, g.key, rule) })),
    recurring: {
      cells: recurring.length,
      current: publishCount(recurring.reduce((s, c) => s + c.current, 0), recurring.reduce((s, c) => s + c.currentKey, 0), rule),
    },
    cells: [
      ...ordered.flatMap((g, row) => g.cells.map((c) => ({ ix: c.ix, iy: c.iy, group: c.group, row }))),
      ...recurring.map((c) => ({ ix: c.ix, iy: c.iy, group: c.group, row: -1 })),
      ...unlisted.flatMap((g) => g.cells.map((c) => ({ ix: c.ix, iy: c.iy, group: c.group, row: -1, unlisted: true as const }))),
    ],
    surroundingsOnly: surrounding.reduce((s, g) => s + g.cells.length, 0),
    surroundingSpots: surrounding.length,
    ...(rule !== null ? { hiddenSpots: { spots: hidden.length, cells: hidden.reduce((s, g) => s + g.cells.length, 0) } } : {}),
  };
}

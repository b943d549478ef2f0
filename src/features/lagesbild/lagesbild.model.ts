// Pure: the lägesbild's query results → the report every view of it shows (page, slides, HTML, CSV), with the
// disclosure rule applied once here, so a count hidden on screen is hidden in every export too.
import type { DayRange } from '../../lib/day-range';
import { publishCount, publishTable } from '../../lib/disclosure/publish';
import type { DisclosureRule } from '../../lib/disclosure/suppression';
import { compareCounts, type CountChange } from '../../lib/statistics/compstat';
import type { EmergingPattern } from '../../lib/statistics/emerging-hot-spots';
import type { GoalEvaluation } from '../goals/evaluate-goals';
import type { Verdict } from '../goals/goal-verdict';
import type { LagesbildPeriods } from './lagesbild-period';

/** One row of a three-window count query (lagesbild.query.ts). */
export interface CountRow {
  name: string | null;
  current: number;
  previous: number;
  last_year: number;
}

/** A published figure: null counts are hidden; a change is shown only when both its counts are. */
export interface Figure {
  name: string | null;
  current: number | null;
  previous: number | null;
  lastYear: number | null;
  vsPrevious: CountChange | null;
  vsLastYear: CountChange | null;
}

export type HotSpotGroup = 'new' | 'persistent' | 'other' | 'fading';

export interface HotSpotEntry {
  ix: number;
  iy: number;
  pattern: EmergingPattern;
  group: HotSpotGroup;
  place: string | null;
  area: string | null;
  /** Incidents in the cell in the period (published). */
  current: number | null;
}

export interface HotSpotSummary {
  status: 'ok' | 'too-few' | 'no-positions';
  size: number;
  steps: number;
  /** Hot spots in the period, strongest pattern first, then fading ones (hot before, not now). */
  cells: HotSpotEntry[];
}

export interface GoalStatus {
  id: string;
  title: string;
  verdict: Verdict | null;
  actual: number | null;
  target: number | null;
  rule: GoalEvaluation['rule'];
}

export interface LagesbildReport {
  periods: LagesbildPeriods;
  rule: DisclosureRule | null;
  total: Figure;
  categories: Figure[];
  areas: Figure[];
  places: Figure[];
  interventionTotal: Figure;
  interventions: Figure[];
  hotSpots: HotSpotSummary;
  goals: GoalStatus[];
}

export interface RawReport {
  periods: LagesbildPeriods;
  categories: CountRow[];
  areas: CountRow[];
  places: CountRow[];
  interventions: CountRow[];
  hotSpots: Omit<HotSpotSummary, 'cells'> & { cells: (Omit<HotSpotEntry, 'current'> & { current: number })[] };
  goals: GoalEvaluation[];
}

const length = (r: DayRange) => r.to - r.from + 1;

function change(current: number | null, previous: number | null, exposure: number): CountChange | null {
  return current === null || previous === null ? null : compareCounts(current, previous, exposure);
}

function figure(name: string | null, c: number | null, p: number | null, y: number | null, periods: LagesbildPeriods): Figure {
  return {
    name, current: c, previous: p, lastYear: y,
    vsPrevious: change(c, p, length(periods.current) / length(periods.previous)),
    vsLastYear: change(c, y, length(periods.current) / length(periods.lastYear)),
  };
}

/** Rows × the three windows as one table whose column totals (the period totals) are published too. */
function publishRows(rows: CountRow[], rule: DisclosureRule | null, periods: LagesbildPeriods): { rows: Figure[]; total: Figure } {
  const table = publishTable(rows.map((r) => [r.current, r.previous, r.last_year]), rule);
  const [c, p, y] = rows.length ? table.columnTotals : [publishCount(0, rule), publishCount(0, rule), publishCount(0, rule)];
  return {
    rows: rows.map((r, i) => figure(r.name, table.cells[i][0], table.cells[i][1], table.cells[i][2], periods)),
    total: figure(null, c, p, y, periods),
  };
}

export function hotSpotGroup(pattern: EmergingPattern): HotSpotGroup {
  if (pattern === 'new' || pattern === 'consecutive') return 'new';
  if (pattern === 'persistent' || pattern === 'intensifying' || pattern === 'diminishing') return 'persistent';
  if (pattern === 'historical') return 'fading';
  return 'other';
}

const GROUP_ORDER: HotSpotGroup[] = ['new', 'persistent', 'other', 'fading'];

export function buildReport(raw: RawReport, rule: DisclosureRule | null): LagesbildReport {
  const categories = publishRows(raw.categories, rule, raw.periods);
  const areas = publishRows(raw.areas, rule, raw.periods);
  const interventions = publishRows(raw.interventions, rule, raw.periods);
  // Top places are a subset: no published total adds up to them, so the table rule (with its margins) is stricter than needed.
  const places = publishRows(raw.places, rule, raw.periods).rows;
  const hotCells = [...raw.hotSpots.cells]
    .sort((a, b) => GROUP_ORDER.indexOf(a.group) - GROUP_ORDER.indexOf(b.group) || b.current - a.current)
    .map((c) => ({ ...c, current: publishCount(c.current, rule) }));
  const goals: GoalStatus[] = raw.goals.map((e) => {
    const comparative = e.rule === 'increase' || e.rule === 'decrease';
    const target = e.numbers ? (comparative ? publishCount(e.numbers.target, rule) : e.numbers.target) : null;
    return { id: e.goal.id, title: e.goal.title, verdict: e.verdict ?? null, actual: e.numbers ? publishCount(e.numbers.actual, rule) : null, target, rule: e.rule };
  });
  return {
    periods: raw.periods,
    rule,
    total: categories.total,
    categories: categories.rows,
    areas: areas.rows,
    places,
    interventionTotal: interventions.total,
    interventions: interventions.rows,
    hotSpots: { ...raw.hotSpots, cells: hotCells },
    goals,
  };
}

/** Changes worth a sentence: significant by the CompStat test, strongest first. */
export function notableChanges(figures: Figure[], against: 'vsPrevious' | 'vsLastYear', limit = 3): Figure[] {
  return figures
    .filter((f) => f[against]?.significant)
    .sort((a, b) => Math.abs(b[against]!.z) - Math.abs(a[against]!.z))
    .slice(0, limit);
}

export function verdictCounts(goals: GoalStatus[]): Record<Verdict, number> {
  const counts: Record<Verdict, number> = { met: 0, on_track: 0, at_risk: 0, behind: 0 };
  for (const g of goals) if (g.verdict) counts[g.verdict]++;
  return counts;
}

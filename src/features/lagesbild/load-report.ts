// Everything a lägesbild needs, read from the database for one period: counts in three windows, the emerging
// hot-spot analysis up to the period's end, and the goals as they stood that day.
import type { RowReader } from '../../data/row-reader';
import { evaluateGoals } from '../../analysis/goals/evaluate-goals';
import { emergingWindow } from '../../analysis/hot-spots/emerging-window';
import { MIN_CELLS_FOR_TEST, MIN_INCIDENTS_FOR_TEST, defaultBand, defaultCellSize, emergingHotSpots, type CellKey, type GridExtent, type StepCount } from '../../analysis/hot-spots/hot-spots.model';
import { GRID_EXTENT, cellUniverseSql } from '../../analysis/hot-spots/hot-spots.query';
import { TOP_PLACES, type CountRow, type RawReport } from './lagesbild.model';
import { MIN_HOT_SPOT_STEPS, hotSpotGroup, type HotSpotCell } from './lagesbild-hot-spots.model';
import { asReportPeriod, lagesbildPeriods } from '../../analysis/periods/compared-periods';
import { sameLastYear, shiftPeriod, type ReportPeriod } from '../../analysis/periods/report-periods';
import { areaCountsSql, areasAlsoElsewhereSql, categoryCountsSql, placementLevelsSql, cellPlacesSql, cellStepsSql, dailyCountsSql, dayExtentSql, interventionCountsSql, sourceReportsSql, sourceScope, topPlacesSql } from './lagesbild.query';
import { baselineWindow, type SourceReportRow } from './source-reports.model';
import type { BiweekPeriod } from '../../lib/iso-week';
import type { CategorySpan } from '../../lib/statistics/silent-stretch';
import { categorySpansSql } from '../../data/category-spans.query';

/** Two-week steps in the emerging analysis: half a year, ArcGIS's guidance of at least ten. */
export const HOT_SPOT_STEPS = 13;

async function hotSpots(reader: RowReader, period: { from: number; to: number }, data: { from: number; to: number } | null, scope: string): Promise<RawReport['hotSpots']> {
  const [extent] = await reader.rows<GridExtent>(GRID_EXTENT);
  const size = defaultCellSize(extent && extent.min_e != null ? extent : null);
  const incidentExtent = extent && extent.min_e != null ? { minE: extent.min_e, maxE: extent.max_e, minN: extent.min_n, maxN: extent.max_n } : null;
  const base: Omit<RawReport['hotSpots'], 'status'> = { size, steps: HOT_SPOT_STEPS, cells: [], extent: incidentExtent, lastStep: null };
  const universe = await reader.rows(cellUniverseSql(size));
  if (universe.length === 0) return { ...base, status: 'no-positions' };
  if (data !== null && period.from > data.to) return { ...base, status: 'after-data' };
  // Periods before the data's first day hold no data, not "no hot spot": counting them as quiet once called a
  // place hot since the data began a "new" hot spot. Use the periods the data covers, at least ten.
  // The steps end with the latest two-week period that has ended by the period's last day and by the data's: a period
  // the data stops inside (the current month) would otherwise end on a step with fewer days of data — a fall, or "too
  // few incidents", that is only the export's end. (A period wholly after the data has returned above.)
  const periodEnd = period.to;
  const lastDay = data?.to ?? periodEnd;
  const full = emergingWindow(lastDay, periodEnd, HOT_SPOT_STEPS);
  const coveredSteps = data === null ? HOT_SPOT_STEPS : full.starts.slice(0, -1).filter((start) => start >= data.from).length;
  if (coveredSteps < MIN_HOT_SPOT_STEPS) return { ...base, status: 'too-short' };
  const stepCount = Math.min(HOT_SPOT_STEPS, coveredSteps);
  const window = stepCount === HOT_SPOT_STEPS ? full : emergingWindow(lastDay, periodEnd, stepCount);
  base.lastStep = window.periods[window.periods.length - 1];
  const steps = await reader.rows<StepCount>(cellStepsSql(size, window.starts, scope));
  const last = steps.filter((s) => s.step === stepCount - 1);
  const lastTotal = last.reduce((sum, s) => sum + s.n, 0);
  // With the false-discovery-rate correction: a leader should not be sent to a "new hot spot" that is one of the
  // hundreds of cells chance alone makes significant at 90 %. Study area: the cells active in the 13 periods.
  const patterns = emergingHotSpots(steps, stepCount, size, defaultBand(size), true);
  if (lastTotal < MIN_INCIDENTS_FOR_TEST || patterns.size < MIN_CELLS_FOR_TEST) return { ...base, status: 'too-few' };
  const hot = [...patterns].filter(([, p]) => p.pattern && p.side === 'hot').map(([key, p]) => {
    const [ix, iy] = key.split(':').map(Number);
    return { key, p, ix, iy };
  });
  const ends = window.starts.length - 1;
  const latest = { from: window.starts[ends - 1], to: window.starts[ends] - 1 };
  const namesSql = cellPlacesSql(size, { from: window.starts[0], to: window.starts[ends] - 1 }, latest, scope, hot);
  const names = namesSql ? await reader.rows<CellKey & { place: string | null; area: string | null }>(namesSql) : [];
  const nameOf = new Map(names.map((r) => [`${r.ix}:${r.iy}`, r]));
  const currentOf = new Map(last.map((r) => [`${r.ix}:${r.iy}`, r]));
  const cells: HotSpotCell[] = [];
  for (const { key, p, ix, iy } of hot) {
    if (!p.pattern) continue;
    const name = nameOf.get(key);
    cells.push({ ix, iy, pattern: p.pattern, group: hotSpotGroup(p.pattern), place: name?.place ?? null, area: name?.area ?? null, current: currentOf.get(key)?.n ?? 0, currentKey: Number(currentOf.get(key)?.key ?? 0) });
  }
  return { ...base, steps: stepCount, status: 'ok', cells };
}

/** Two-week periods in the development chart: half a year. */
export const DEVELOPMENT_PERIODS = 13;

async function development(reader: RowReader, period: ReportPeriod, scope: string): Promise<RawReport['development']> {
  const periods = Array.from({ length: DEVELOPMENT_PERIODS }, (_, i) => shiftPeriod(period, i - (DEVELOPMENT_PERIODS - 1)));
  const ranges = periods.map((p) => ({ period: p, current: { from: p.from, to: p.to }, lastYear: (({ from, to }) => ({ from, to }))(sameLastYear(p)) }));
  const span = { from: ranges[0].lastYear.from, to: ranges[ranges.length - 1].current.to };
  const days = await reader.rows<{ epoch_day: number; n: number; key: number }>(dailyCountsSql(span, scope));
  const sum = (r: { from: number; to: number }, f: (d: { n: number; key: number }) => number) => days.reduce((s, d) => (d.epoch_day >= r.from && d.epoch_day <= r.to ? s + f(d) : s), 0);
  return ranges.map((r) => ({
    period: r.period, current: sum(r.current, (d) => d.n), lastYear: sum(r.lastYear, (d) => d.n),
    keys: { current: sum(r.current, (d) => d.key), lastYear: sum(r.lastYear, (d) => d.key) },
  }));
}

/**
 * Everything one lägesbild needs, read through `reader` (the coordinator in the app, a runner in unit tests), for
 * every row or — `source` — the rows of one source (the shared source filter; the other filters do not apply).
 */
export async function loadReport(reader: RowReader, chosen: ReportPeriod | BiweekPeriod, source?: string): Promise<RawReport> {
  const scope = sourceScope(source);
  const period = asReportPeriod(chosen);
  const periods = lagesbildPeriods(period);
  const windows = { current: periods.current, previous: periods.previous, lastYear: periods.lastYear };
  const categories = await reader.rows<CountRow>(categoryCountsSql(windows, scope));
  const categorySpans = await reader.rows<CategorySpan>(categorySpansSql(scope));
  const areas = await reader.rows<CountRow>(areaCountsSql(windows, scope));
  const [elsewhere] = await reader.rows<{ also_elsewhere: boolean }>(areasAlsoElsewhereSql(windows, scope));
  const placementLevels = await reader.rows<{ level: string; current: number; previous: number }>(placementLevelsSql(windows, scope));
  const placementLevelsLastYear = await reader.rows<{ level: string; current: number; previous: number }>(placementLevelsSql(windows, scope, 'lastYear'));
  const places = await reader.rows<RawReport['places'][number]>(topPlacesSql(windows, TOP_PLACES, scope));
  const interventions = await reader.rows<CountRow>(interventionCountsSql(windows, scope));
  const [extent] = await reader.rows<{ first_day: number | null; last_day: number | null }>(dayExtentSql(scope));
  const [all] = source === undefined ? [extent] : await reader.rows<{ first_day: number | null; last_day: number | null }>(dayExtentSql());
  const allDataExtent = all && all.first_day !== null && all.last_day !== null ? { from: all.first_day, to: all.last_day } : null;
  // A chosen source's data begins with its first row but runs to the whole data's last day (the exports' date): its
  // own last row is only when it last reported. Cut there, a period read 12 against 12 as "17 % fler per dag" and a
  // source that stopped as "perioden börjar efter datans sista dag" (a tester); its silence is the sources panel's.
  const dataExtent = extent && extent.first_day !== null && extent.last_day !== null
    ? { from: extent.first_day, to: Math.max(extent.last_day, allDataExtent?.to ?? extent.last_day) }
    : null;
  const spots = await hotSpots(reader, periods.current, dataExtent, scope);
  const extra = source === undefined ? {} : { incidents: [scope], interventions: [scope] };
  const goals = await evaluateGoals(reader, extra, periods.current.to);
  // Public view shows the goals as they stand on the data's last day, whichever period is open (see buildReport).
  const goalsLatest = await evaluateGoals(reader, extra);
  const sources = await reader.rows<SourceReportRow>(sourceReportsSql(periods.current, baselineWindow(periods.current)));
  return { periods, development: await development(reader, period, scope), categories, categorySpans, areas, areasAlsoElsewhere: elsewhere?.also_elsewhere === true, placementLevels, placementLevelsLastYear, places, interventions, hotSpots: spots, goals, goalsLatest, dataExtent, allDataExtent, source, sources };
}

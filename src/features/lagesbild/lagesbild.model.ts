// Pure: the lägesbild's query results → the report every view of it shows (page, slides, HTML, CSV), with the
// disclosure rule applied once here, so a count hidden on screen is hidden in every export too.
import { formatPeriod, sameLastYear, type ReportPeriod } from '../../analysis/periods/report-periods';
import { sourceReports, type SourceReport, type SourceReportRow } from './source-reports.model';
import { daysAfterStep, hotSpotSummary, type HotSpotSummary, type RawHotSpots } from './lagesbild-hot-spots.model';
import { coveredDays, type DayRange } from '../../lib/day-range';
import { publishList, type PublishedCount } from '../../lib/disclosure/publish';
import type { DisclosureRule } from '../../lib/disclosure/suppression';
import { placementShift, type PlacementShift } from '../../lib/statistics/placement-shift';
import { categoryBoundaries, type CategorySpan } from '../../lib/statistics/silent-stretch';
import { isoDateOfEpochDay } from '../../lib/epoch-day';
import type { GoalEvaluation } from '../../analysis/goals/evaluate-goals';
import type { Verdict } from '../../analysis/goals/goal-verdict';
import { publishGoal } from '../../analysis/goals/publish-goal';
import type { LagesbildPeriods } from '../../analysis/periods/compared-periods';
import { formatBiweek, formatCount, formatLevel, type Language } from '../../lib/format';
import type { TFunction } from 'i18next';
import { cutAtTie } from '../../lib/top-list';

export type { AreaGap, CountRow, Figure } from './published-rows.model';
import { publishRows, shownRows, type CountRow, type Figure } from './published-rows.model';

export interface GoalStatus {
  id: string;
  title: string;
  /** null with `withheld`: public view hides it (it would give a hidden count away); null alone: a problem. */
  verdict: Verdict | null;
  withheld: boolean;
  /** The goal has numbers (no problem). */
  evaluated: boolean;
  /** Why it has none (evaluate-goals.ts GoalProblem's key, and a not-started goal's first day), else null. */
  problem: { key: string; start?: string; first?: string } | null;
  actual: PublishedCount;
  target: number | null;
  rule: GoalEvaluation['rule'];
  /** The goal's window was over by the day it was judged as of ("behind" then reads "not met"). */
  ended?: boolean;
}

/** The development chart: incidents per two-week period up to this one, and in the same periods a year earlier. */
export interface DevelopmentPoint {
  period: ReportPeriod;
  /** undefined: the period lies wholly outside the data — no data, shown "–" (it showed 0, "<5" in public view). */
  current: PublishedCount | undefined;
  lastYear: PublishedCount | undefined;
  /** The data covers only `covered` of the period's `days` days (its count is of those days): marked in chart and table. */
  partial?: { covered: number; days: number };
}

export interface LagesbildReport {
  periods: LagesbildPeriods;
  development: DevelopmentPoint[];
  rule: DisclosureRule | null;
  total: Figure;
  categories: Figure[];
  areas: Figure[];
  /** Some incident of the period also lies in an area other than the one the area table counts it in (see areasAlsoElsewhereSql). */
  areasAlsoElsewhere: boolean;
  /**
   * The period's incidents are placed in areas otherwise than the period before's (lib/statistics/placement-shift.ts:
   * the police's events naming only the län from 2026): the area rows then carry no change against it. The shares
   * are exact ones, left out (undefined) in public view; null: no shift.
   */
  areaPlacementShift: { level: string; current?: number; compared?: number } | null;
  /** The same against the period last year: the area rows carry no change against it either (the CSV shows that column). */
  areaPlacementShiftLastYear: { level: string; current?: number; compared?: number } | null;
  /**
   * Categories that begin or end in the data inside the compared periods, beyond chance (lib/statistics/silent-
   * stretch.ts: a renamed category in the export, "Fylleri/LOB" → "Fylleri"): their change against the windows it
   * cuts is not shown. `previous`: it cuts the span from the period before (else only the one from last year).
   * `begins`/`ends`: epoch days, null when it does not, and — public view — always null (a day is a count of ≥ 1).
   */
  categoryBoundaries: { name: string; begins: number | null; ends: number | null; previous: boolean }[];
  places: Figure[];
  /**
   * Places left out of `places` because they share the count at its cut (lib/top-list.ts): how many, and their count
   * as shown — a number (the analyst's view) or 'hidden' (public view: each place's count would carry its own noise,
   * so one shared number is not shown). Null: the list was not cut through a tie, or (public view) the tie is below k.
   */
  placesTied: { rows: number; count: number | 'hidden' } | null;
  interventionTotal: Figure;
  interventions: Figure[];
  /**
   * Public view: each table's rows with every count below k, summed into one row that is always there (zero too) —
   * listed or left out one by one, they would say which rows have an incident (publishRows). Null without a rule.
   */
  pooled: { categories: Figure; areas: Figure; interventions: Figure } | null;
  hotSpots: HotSpotSummary;
  goals: GoalStatus[];
  /** The day the goals are judged as of (epoch day): the period's last day, or in public view the data's last day. */
  /** The one source counted (the shared source filter), or undefined: every row. */
  source?: string;
  goalsAsOf: number;
  /** Public view shows the goals as of the data's last day instead of the period's (running totals would difference). */
  goalsLatestInPublic: boolean;
  /** Who reported: per source, the period against its usual level (source-reports.model.ts). */
  sources: SourceReport[];
  /** The data covers only part of the period (it ends or begins inside it): how many days, and which; else null. */
  coverage?: { covered: number; days: number; first: number; last: number } | null;
}

export interface RawReport {
  periods: LagesbildPeriods;
  development: { period: ReportPeriod; current: number; lastYear: number; keys: { current: number; lastYear: number } }[];
  categories: CountRow[];
  /** lagesbild.query.ts categorySpansSql (absent: no check). */
  categorySpans?: CategorySpan[];
  areas: CountRow[];
  /** lagesbild.query.ts areasAlsoElsewhereSql (absent: false). */
  areasAlsoElsewhere?: boolean;
  /** lagesbild.query.ts placementLevelsSql (absent: no check). */
  placementLevels?: { level: string; current: number; previous: number }[];
  /** The same against the period last year (`previous` counts that window): the CSV's last-year columns. */
  placementLevelsLastYear?: { level: string; current: number; previous: number }[];
  /** `same_current`: places of the whole list with the row's count in the period (absent: the list was not cut). */
  places: (CountRow & { same_current?: number })[];
  interventions: CountRow[];
  hotSpots: RawHotSpots;
  /** The goals as they stood on the period's last day (the analyst's view). */
  goals: GoalEvaluation[];
  /** The goals as they stand on the data's last day: what public view shows for every period (see buildReport). */
  goalsLatest?: GoalEvaluation[];
  /** The one source the report counts (the shared source filter), or undefined for every row. */
  source?: string;
  /** The days the incidents span: a window before the first day (or after the last) holds no data, not zero incidents. */
  dataExtent?: DayRange | null;
  /** Reports per source in the period and its baseline (source-reports.model.ts); absent in hand-made reports. */
  sources?: SourceReportRow[];
  /**
   * The days every source's incidents span, whatever the source filter: the sources panel is about every source, so
   * it is judged on the whole data's days — on the chosen source's, a source picked in "Källa" that stopped before
   * the period's end cut every other source's usual level (540 read 38,6, and "tydligt mer än vanligt"; a tester).
   */
  allDataExtent?: DayRange | null;
}

const length = (r: DayRange) => r.to - r.from + 1;

/** The part of `period` the data covers, when it is a part (not none, not all): days and first and last day. */
function periodCoverage(period: DayRange, data: DayRange | null): LagesbildReport['coverage'] {
  if (!data) return null;
  const covered = coveredDays(period, data);
  if (covered === 0 || covered === length(period)) return null;
  return { covered, days: length(period), first: Math.max(period.from, data.from), last: Math.min(period.to, data.to) };
}

/**
 * The line under the top places for those left out at a tie (`report.placesTied`), e.g. "Dessutom 6 platser med 2
 * händelser vardera: …"; `row`: the short form for the CSV's name column. Null when the list was not cut on a tie.
 */
export function placesTiedText(report: Pick<LagesbildReport, 'placesTied' | 'rule'>, t: TFunction, language: Language, row = false): string | null {
  const tied = report.placesTied;
  if (tied === null) return null;
  const formatted = formatCount(tied.rows, language);
  // Public view at k or more: no shared number (each place would carry its own noise), so the line says "as many".
  if (tied.count === 'hidden') return t(row ? 'lagesbild.placesTiedSameRow' : 'lagesbild.placesTiedSame', { count: tied.rows, formatted });
  const each = formatCount(tied.count, language);
  return t(row ? 'lagesbild.placesTiedRow' : 'lagesbild.placesTied', { count: tied.rows, formatted, each });
}

/** The top places listed: at most five, fewer when the cut would go through a tie (lib/top-list.ts). */
export const TOP_PLACES = 5;

/**
 * The categories given a key-figure card: the first `n` in the table's order (largest first). Public view takes only
 * those with a shown count: hidden ones stand after them in alphabetical order, so a card "Inbrott <5" second would
 * claim a rank the numbers don't show (a tester read Stöld, Bedrägeri, Inbrott, Klotter as the four largest).
 */
export function figureCategories(report: Pick<LagesbildReport, 'categories' | 'rule'>, n: number): Figure[] {
  const cards = report.rule ? report.categories.filter((c) => typeof c.current === 'number') : report.categories;
  return cards.slice(0, n);
}

export function buildReport(raw: RawReport, rule: DisclosureRule | null): LagesbildReport {
  const categories = publishRows(raw.categories, rule, raw.periods, raw.dataExtent ?? null);
  const boundaries = categoryBoundariesOf(raw, rule, categories.rows);
  const areas = publishRows(raw.areas, rule, raw.periods, raw.dataExtent ?? null);
  const shift = areaPlacementShift(raw.placementLevels ?? []);
  const shiftLastYear = areaPlacementShift(raw.placementLevelsLastYear ?? []);
  const shown = (s: PlacementShift | null) => (s === null ? null : rule ? { level: s.level } : { level: s.level, current: s.current, compared: s.compared });
  const interventions = publishRows(raw.interventions, rule, raw.periods, raw.dataExtent ?? null);
  // Top places are a subset: no published total adds up to them, so each count stands alone. Cut at TOP_PLACES, never
  // through a tie (the exact counts decide: public view's noise does not make equal places unequal).
  const cut = cutAtTie(raw.places, TOP_PLACES, (r) => r.current, (r) => r.same_current ?? 0);
  // Public view: a top place is listed for its count in the period, so one whose count is small would say "at least
  // one" (shownRows), and so would a tie of places below k ("6 places with <5 each"): neither is listed.
  const places = shownRows(publishRows(cut.rows, rule, raw.periods, raw.dataExtent ?? null, false).rows, rule, (f) => [f.current]);
  const placesTied = cut.tied === null || (rule !== null && cut.tied.count < rule.k) ? null : { rows: cut.tied.rows, count: rule === null ? cut.tied.count : 'hidden' as const };
  const hotSpots = { ...hotSpotSummary(raw.hotSpots, rule), daysAfterLastStep: daysAfterStep(raw.hotSpots.lastStep ?? null, raw.periods.current, raw.dataExtent ?? null) };
  // The same published goal as on Mål (publish-goal.ts): a verdict resting on a hidden count is withheld.
  // Public view: a goal's actual is a running total, so the totals of two periods' lägesbilder (◀ ▶) would give the
  // count between them (7 − 5 = 2) though each is shown. So public view shows every period the goals as they stand
  // on the data's last day — one published value per goal window, as on Mål — and says so in the table's caption.
  const latest = rule && raw.goalsLatest ? raw.goalsLatest : null;
  // The goals are judged as of the period's last day or the data's, whichever comes first (evaluateGoals): a month the
  // data ends inside read "Medborgarlöftena per 2026-11-30", 15 days after the data (a tester).
  const judgedTo = raw.dataExtent ? Math.min(raw.periods.current.to, raw.dataExtent.to) : raw.periods.current.to;
  // A goal not begun by then (problem `not-started`) has its start as `asOf`: not a day the goals were judged on.
  const goalsAsOf = latest ? Math.max(judgedTo, ...latest.filter((e) => !e.problem).map((e) => e.asOf)) : judgedTo;
  const goals: GoalStatus[] = (latest ?? raw.goals).map((e) => {
    const g = publishGoal(e, rule);
    return { id: e.goal.id, title: e.goal.title, verdict: g.verdict, withheld: g.verdictWithheld, evaluated: g.numbers !== null, problem: e.problem ? { key: e.problem.key, ...(e.problem.key === 'not-started' ? { start: e.problem.start } : {}), ...(e.problem.key === 'data-begins-late' ? { first: e.problem.first } : {}) } : null, actual: g.numbers?.actual ?? null, target: g.numbers?.target ?? null, rule: e.rule, ended: e.numbers?.ended === true };
  });
  // Each series stands alone (no total of it is published), so only the primary rule applies.
  const current = publishList(raw.development.map((d) => d.current), raw.development.map((d) => d.keys.current), rule, false).values;
  // A development period wholly outside the data is no data ("–"), not 0.
  const noData = (r: DayRange) => raw.dataExtent != null && coveredDays(r, raw.dataExtent) === 0;
  const lastYear = publishList(raw.development.map((d) => d.lastYear), raw.development.map((d) => d.keys.lastYear), rule, false).values;
  return {
    periods: raw.periods,
    development: raw.development.map((d, i) => {
      // A period the data ends (or begins) inside: its bar beside last year's whole period read as a halving (a tester).
      const covered = raw.dataExtent ? coveredDays(d.period, raw.dataExtent) : length(d.period);
      const partial = covered > 0 && covered < length(d.period) ? { partial: { covered, days: length(d.period) } } : {};
      return { period: d.period, current: noData(d.period) ? undefined : current[i], lastYear: noData(sameLastYear(d.period)) ? undefined : lastYear[i], ...partial };
    }),
    rule,
    total: categories.total,
    // A category the export renamed inside the compared span changes by its name, not by crime: no change shown.
    categories: categories.rows.map((f) => {
      const b = boundaries.find((c) => c.name === f.name);
      return b ? { ...f, vsPrevious: b.previous ? null : f.vsPrevious, vsLastYear: null } : f;
    }),
    categoryBoundaries: boundaries,
    // A change per area between differently placed periods is the export's change, not crime's: none is shown.
    areas: areas.rows.map((f) => ({ ...f, vsPrevious: shift ? null : f.vsPrevious, vsLastYear: shiftLastYear ? null : f.vsLastYear })),
    areasAlsoElsewhere: raw.areasAlsoElsewhere === true,
    areaPlacementShift: shown(shift),
    areaPlacementShiftLastYear: shown(shiftLastYear),
    places,
    placesTied,
    interventionTotal: interventions.total,
    interventions: interventions.rows,
    pooled: categories.pooled && areas.pooled && interventions.pooled ? { categories: categories.pooled, areas: areas.pooled, interventions: interventions.pooled } : null,
    hotSpots,
    goals,
    source: raw.source,
    goalsAsOf,
    goalsLatestInPublic: latest !== null && goalsAsOf !== judgedTo,
    coverage: periodCoverage(raw.periods.current, raw.dataExtent ?? null),
    sources: sourceReports(raw.sources ?? [], raw.periods.current, rule, (raw.allDataExtent !== undefined ? raw.allDataExtent : raw.dataExtent) ?? null),
  };
}

/**
 * The report's categories that begin or end in the data inside the span from last year's window (or the previous
 * one's, if earlier) to the period's end, beyond chance (silent-stretch.ts). Days left out in public view.
 */
function categoryBoundariesOf(raw: RawReport, rule: DisclosureRule | null, listed: Figure[]): LagesbildReport['categoryBoundaries'] {
  if (!raw.categorySpans || !raw.dataExtent) return [];
  const { previous, lastYear, current } = raw.periods;
  // Public view: only the categories the table lists (shownRows). A note that a small, unlisted category begins in the
  // period said it had at least one incident there (helper-63: "Smällar" named in v. 43 only, its one event that week).
  // And of those only the ones with no "<5" window: "Kontroll 7 <5 <5 begins in the data" told that a "<5" was 0
  // (helper-65). Such a category's change is still not shown (buildReport), it is just not named.
  const named = rule ? listed.filter((f) => [f.current, f.previous, f.lastYear].every((v) => v !== null)) : raw.categories;
  const names = new Set(named.map((c) => c.name));
  const spans = raw.categorySpans.filter((s) => names.has(s.name));
  const nearer = new Set(categoryBoundaries(spans, { from: previous.from, to: current.to }, raw.dataExtent).map((b) => b.name));
  return categoryBoundaries(spans, { from: Math.min(previous.from, lastYear.from), to: current.to }, raw.dataExtent)
    .map((b) => ({ name: b.name, begins: rule ? null : b.begins, ends: rule ? null : b.ends, previous: nearer.has(b.name) }));
}

/**
 * The note over the category table when some category begins or ends inside the compared periods
 * (`report.categoryBoundaries`), else null. `against` 'previous': only those cutting the span from the period before.
 */
export function categoryBoundaryText(report: Pick<LagesbildReport, 'categoryBoundaries'>, t: TFunction, against: 'any' | 'previous' = 'any'): string | null {
  const list = report.categoryBoundaries.filter((b) => against === 'any' || b.previous);
  if (!list.length) return null;
  const item = (b: LagesbildReport['categoryBoundaries'][number]) => {
    if (b.begins !== null && b.ends !== null) return t('lagesbild.categoryBetween', { name: b.name, from: isoDateOfEpochDay(b.begins), to: isoDateOfEpochDay(b.ends) });
    if (b.begins !== null) return t('lagesbild.categoryFrom', { name: b.name, date: isoDateOfEpochDay(b.begins) });
    if (b.ends !== null) return t('lagesbild.categoryUntil', { name: b.name, date: isoDateOfEpochDay(b.ends) });
    return b.name;
  };
  return t('lagesbild.categoryBoundaries', { list: list.map(item).join(', ') });
}

/**
 * A goal's verdict cell as text where there is no verdict badge: not begun ("Inte påbörjat (börjar 2027-01-01)"),
 * 0 against 0 (public view: only that the verdict is withheld — both counts are below k), or any other problem.
 */
export function goalVerdictText(g: GoalStatus, t: TFunction, rule: DisclosureRule | null): string {
  if (g.verdict) return t(`goals.verdict_${g.ended && g.verdict === 'behind' ? 'not_met' : g.verdict}`);
  if (g.withheld) return t('disclosure.verdictWithheld');
  if (g.problem?.key === 'not-started') return t('lagesbild.goalNotStarted', { start: g.problem.start });
  if (g.problem?.key === 'nothing-to-decrease') return rule ? t('disclosure.verdictWithheld') : t('lagesbild.goalNothingToDecrease');
  if (g.problem?.key === 'data-begins-late') return t('lagesbild.goalDataBeginsLate', { first: g.problem.first });
  if (g.problem?.key === 'rows-boundary') return t('lagesbild.goalRowsBoundary');
  return g.evaluated ? '–' : t('lagesbild.goalProblem');
}

/** The placement shift between the period and the one before (null: none, or no levels counted). */
function areaPlacementShift(levels: NonNullable<RawReport['placementLevels']>): PlacementShift | null {
  return placementShift(Object.fromEntries(levels.map((l) => [l.level, l.current])), Object.fromEntries(levels.map((l) => [l.level, l.previous])));
}

/** The note under the area table when its periods are placed differently (`report.areaPlacementShift`), else null. */
export function placementShiftText(report: Pick<LagesbildReport, 'areaPlacementShift' | 'areaPlacementShiftLastYear'>, t: TFunction, language: Language, against: 'previous' | 'lastYear' = 'previous'): string | null {
  const shift = against === 'previous' ? report.areaPlacementShift : report.areaPlacementShiftLastYear;
  if (!shift) return null;
  const { level } = shift;
  const levelText = level.startsWith('-') ? t(`lagesbild.placementLevel.${level.slice(1)}`)
    : level === '' ? t('lagesbild.placementLevel.own')
    : t('lagesbild.placementLevel.kinds', { kinds: new Intl.ListFormat(language, { type: 'conjunction' }).format(level.split(',')) });
  return shift.current === undefined || shift.compared === undefined
    ? t(`lagesbild.placementShift${against === 'lastYear' ? 'LastYear' : ''}Public`, { level: levelText })
    : t(`lagesbild.placementShift${against === 'lastYear' ? 'LastYear' : ''}`, { level: levelText, now: formatLevel(shift.current, language), before: formatLevel(shift.compared, language) });
}

/** Changes worth a sentence: significant by the change test (count-change.ts), strongest first. */
export function notableChanges(figures: Figure[], against: 'vsPrevious' | 'vsLastYear', limit = 3): Figure[] {
  return figures
    .filter((f) => f[against]?.significant)
    .sort((a, b) => Math.abs(b[against]!.z) - Math.abs(a[against]!.z))
    .slice(0, limit);
}

export function verdictCounts(goals: GoalStatus[]): Record<Verdict | 'withheld', number> {
  const counts: Record<Verdict | 'withheld', number> = { met: 0, on_track: 0, at_risk: 0, behind: 0, withheld: 0 };
  for (const g of goals) if (g.verdict) counts[g.verdict]++; else if (g.withheld) counts.withheld++;
  return counts;
}

/**
 * The weeks the hot-spot counts are of, as a reader sees them ("v. 15–16 2026"): the analysis's latest two-week
 * period (HotSpotSummary.lastStep), else — no analysis — the report period.
 */
export function hotSpotWeeks(report: Pick<LagesbildReport, 'hotSpots' | 'periods'>, language: Language): string {
  return report.hotSpots.lastStep ? formatBiweek(report.hotSpots.lastStep, language) : formatPeriod(report.periods.period, language);
}

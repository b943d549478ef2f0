// Which sources reported (#19 item 3): in EST work the kommun's services, housing companies, security firms and the
// police each report; a source that went quiet must not be read as a drop in incidents. Per source: its reports in
// the period against its usual level — the reports of the BASELINE_PERIODS periods before, per period of the days it
// was already reporting — and the last day it reported. A source is "silent" with no report in the period, "low"
// when the exact test for two Poisson counts (lib/statistics/count-change.ts) says the period is below its usual
// level by more than chance (95 %) and by at least a quarter (CLEAR_CHANGE), and "high" when it is above by more than
// chance and at least a quarter (a source that began reporting another kind of case, or a file imported twice under
// another source name, must not be read as a rise in incidents either). Testers found "som vanligt" beside 1 882
// against a usual 85,5, 75 against 40 (p ≈ 8·10⁻⁶) and 22 against 40 (p ≈ 0,005): the earlier bounds, half and
// double, called clear changes usual. A quarter keeps a large source's small, significant drift (1 000 against 950)
// out of the flags. In public view everything is judged from the counts as
// shown (perturbed, lib/disclosure/cell-key.ts), and a hidden count ("<k") is low only when the usual level is at
// least 2k (fewer than k against a usual 2k or more is less than half, whatever it is); otherwise, or with the usual
// level itself hidden, the status is "withheld" — a tester saw a source with no report at all, hidden as "<5" against
// a usual 3, read "som vanligt", and the summary's warning that it reported nothing was gone.
import { coveredDays, type DayRange } from '../../lib/day-range';
import { publishCount, publishedNoise } from '../../lib/disclosure/publish';
import type { DisclosureRule } from '../../lib/disclosure/suppression';
import { compareCounts } from '../../lib/statistics/count-change';

/** How many periods before the current one make a source's usual level. */
export const BASELINE_PERIODS = 6;

/** The least relative change, either way, that a source's reports must show (beyond chance) to be flagged. */
export const CLEAR_CHANGE = 0.25;

export interface SourceReportRow {
  source: string;
  current: number;
  current_key: number;
  baseline: number;
  baseline_key: number;
  first_day: number;
  last_day: number | null;
}

/** `withheld`: public view hides a count the judgement needs, so it is not made (never "as usual"). */
export type SourceStatus = 'ok' | 'silent' | 'low' | 'high' | 'new' | 'withheld';

export interface SourceReport {
  source: string;
  /**
   * Reports in the period (null: none to show). In public view always null: the sources' counts beside the period's
   * total gave a hidden one away (11 in all − 7 shown = 4), and one period's usual level beside the next's (each a
   * mean over a moving baseline) gave its count (3,2 × 35/14 − 3,3 × 21/14 = 3) — testers. The status says what matters.
   */
  current: number | null;
  /** Usual reports per period (from the baseline), or null when the source has no baseline yet; null in public view. */
  usual: number | null;
  lastDay: number | null;
  status: SourceStatus;
}

/** The baseline window: the BASELINE_PERIODS periods of the same length just before `current`. */
export function baselineWindow(current: DayRange): DayRange {
  const length = current.to - current.from + 1;
  return { from: current.from - BASELINE_PERIODS * length, to: current.from - 1 };
}

/**
 * `data`: the days the data covers — a period it covers only in part (a month link before the month ended) is
 * judged on those days (a tester: 526 reports in 15 days against a whole month's 1 275 was "tydligt mindre").
 */
export function sourceReports(rows: SourceReportRow[], current: DayRange, rule: DisclosureRule | null, data: DayRange | null = null): SourceReport[] {
  const length = data ? Math.max(1, coveredDays(current, data)) : current.to - current.from + 1;
  const baseline = baselineWindow(current);
  return rows.map((r) => {
    // Days of the baseline on which the source already existed (a new source has a shorter baseline, or none).
    const baselineDays = Math.max(0, baseline.to - Math.max(baseline.from, r.first_day) + 1);
    const shownCurrent = publishCount(r.current, r.current_key, rule);
    const shownBaseline = publishCount(r.baseline, r.baseline_key, rule);
    const usual = baselineDays > 0 && shownBaseline !== null ? (shownBaseline * length) / baselineDays : null;
    let status: SourceStatus = 'ok';
    // A source whose first report falls in the period has reported at least once in it: "new" beside a hidden count
    // told 1–4 from 0–4 (public view hides both alike), so it is withheld there. One that began in the baseline is new
    // whatever the period holds.
    if (baselineDays < length) status = shownCurrent === null && rule && r.first_day >= current.from ? 'withheld' : 'new';
    else if (shownCurrent === null) status = usual !== null && rule && usual >= 2 * rule.k ? 'low' : 'withheld';
    else if (shownBaseline === null) status = 'withheld';
    else if (usual !== null && usual > 0) {
      if (shownCurrent === 0) status = 'silent';
      else {
        const test = compareCounts(shownCurrent, shownBaseline!, length / baselineDays, publishedNoise(rule));
        if (test.significant && test.change !== null && test.change <= -CLEAR_CHANGE) status = 'low';
        else if (test.significant && test.change !== null && test.change >= CLEAR_CHANGE) status = 'high';
      }
    }
    // Public view: with the period's count hidden, a last day inside the period said "at least 1" and one before it
    // said 0 (a tester); only a last day after the period (it says nothing of the period) is shown.
    const lastDay = shownCurrent === null && r.last_day !== null && r.last_day <= current.to ? null : r.last_day;
    // Public view: the status, judged from the published counts, and no count (see SourceReport.current).
    return { source: r.source, current: rule ? null : shownCurrent, usual: rule ? null : usual, lastDay, status };
  });
}

// The lägesbild's periods in every rhythm (#19 item 2): week, two weeks, month, tertial, quarter — boundaries (ISO
// weeks, week 53, tertials), the period before, last year's, keys that round-trip, and the default period.
import { describe, expect, it } from 'vitest';
import {
  REPORT_UNITS, canStepPeriod, defaultReportPeriod, formatPeriod, parseReportPeriodKey, periodOf, reportPeriodKey, sameLastYear, shiftPeriod,
} from '../../src/analysis/periods/report-periods';
import { epochDayOfIsoDate as d, isoDateOfEpochDay as iso } from '../../src/lib/epoch-day';
import { bucketOf } from '../../src/analysis/periods/period-buckets';

const span = (p: { from: number; to: number }) => `${iso(p.from)}..${iso(p.to)}`;

describe('report periods', () => {
  it('each unit’s boundaries', () => {
    const day = d('2026-11-18');
    expect(span(periodOf(day, 'week'))).toBe('2026-11-16..2026-11-22');
    expect(span(periodOf(day, 'biweek'))).toBe('2026-11-16..2026-11-29');
    expect(span(periodOf(day, 'month'))).toBe('2026-11-01..2026-11-30');
    expect(span(periodOf(day, 'tertial'))).toBe('2026-09-01..2026-12-31');
    expect(span(periodOf(day, 'quarter'))).toBe('2026-10-01..2026-12-31');
  });

  it('week 53 and the turn of the year', () => {
    const w53 = periodOf(d('2026-12-30'), 'week');
    expect(formatPeriod(w53)).toBe('v. 53 2026');
    expect(span(shiftPeriod(w53, 1))).toBe('2027-01-04..2027-01-10');
    // Last year's week 53 is week 52 (2025 has 52 weeks).
    expect(formatPeriod(sameLastYear(w53))).toBe('v. 52 2025');
    expect(formatPeriod(periodOf(d('2027-01-02'), 'biweek'))).toBe('v. 51–53 2026');
    expect(formatPeriod(sameLastYear(periodOf(d('2027-01-02'), 'biweek')))).toBe('v. 51–52 2025');
  });

  it('the period before and last year’s, per unit', () => {
    const t1 = periodOf(d('2026-02-10'), 'tertial');
    expect(span(shiftPeriod(t1, -1))).toBe('2025-09-01..2025-12-31');
    expect(span(sameLastYear(t1))).toBe('2025-01-01..2025-04-30');
    const march = periodOf(d('2026-03-15'), 'month');
    expect(span(shiftPeriod(march, -1))).toBe('2026-02-01..2026-02-28');
    expect(span(sameLastYear(periodOf(d('2024-02-10'), 'month')))).toBe('2023-02-01..2023-02-28');
    expect(span(sameLastYear(periodOf(d('2026-11-18'), 'quarter')))).toBe('2025-10-01..2025-12-31');
    expect(span(sameLastYear(periodOf(d('2026-11-18'), 'week')))).toBe('2025-11-17..2025-11-23');
  });

  it('keys round-trip, and only real periods parse', () => {
    for (const unit of REPORT_UNITS) {
      for (const day of ['2024-02-29', '2026-12-31', '2027-01-01', '2026-05-01']) {
        const p = periodOf(d(day), unit);
        expect(parseReportPeriodKey(reportPeriodKey(p)), `${unit} ${day}`).toEqual(p);
      }
    }
    expect(reportPeriodKey(periodOf(d('2026-11-18'), 'biweek'))).toBe('2026-v47-48');
    expect(reportPeriodKey(periodOf(d('2026-11-18'), 'tertial'))).toBe('2026-T3');
    expect(reportPeriodKey(periodOf(d('2026-11-18'), 'quarter'))).toBe('2026-K4');
    expect(parseReportPeriodKey('2026-v46-47')).toBeNull();
    expect(parseReportPeriodKey('2026-13')).toBeNull();
    expect(parseReportPeriodKey('2025-v53')).toBeNull();
    expect(parseReportPeriodKey('2026-T4')).toBeNull();
    expect(parseReportPeriodKey('<script>')).toBeNull();
  });

  it('opens on the latest complete period, and steps within the data', () => {
    const data = { from: d('2024-01-01'), to: d('2026-11-22') };
    expect(formatPeriod(defaultReportPeriod('week', data.to, data.from))).toBe('v. 47 2026');
    expect(formatPeriod(defaultReportPeriod('month', data.to, data.from))).toBe('oktober 2026');
    expect(formatPeriod(defaultReportPeriod('tertial', data.to, data.from))).toBe('T2 2026 (maj–aug)');
    expect(formatPeriod(defaultReportPeriod('quarter', data.to, data.from))).toBe('kv. 3 2026');
    // One way to write a quarter across the app (Trender's buckets wrote "kv.3", English "Q 3").
    expect(formatPeriod(defaultReportPeriod('quarter', data.to, data.from), 'en')).toBe('Q3 2026');
    expect(bucketOf(d('2026-08-01'), 'quarter').label).toBe('kv. 3 2026');
    expect(bucketOf(d('2026-08-01'), 'quarter', 'en').label).toBe('Q3 2026');
    const t2 = defaultReportPeriod('tertial', data.to, data.from);
    // ▶ reaches the tertial the data ends in (T3, to 2026-11-22 of its 122 days), not the one after it.
    expect(canStepPeriod(t2, 1, data)).toBe(true);
    expect(canStepPeriod(t2, 2, data)).toBe(false);
    expect(canStepPeriod(t2, -1, data)).toBe(true);
    const october = defaultReportPeriod('month', data.to, data.from);
    expect(canStepPeriod(october, 1, data)).toBe(true);
    expect(canStepPeriod(october, 2, data)).toBe(false);
    // A week: the data's last week (v. 47, ending Sunday the 22nd) is complete; the next has no day of data.
    expect(canStepPeriod(defaultReportPeriod('week', data.to, data.from), 1, data)).toBe(false);
  });
});

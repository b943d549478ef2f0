import { describe, expect, it } from 'vitest';
import { elapsedShare, goalWindows } from '../../src/analysis/goals/goal-period';
import { projection, verdictFor, worst } from '../../src/analysis/goals/goal-verdict';
import { dateOfEpochDay, epochDayOf } from '../../src/lib/epoch-day';
import { formatDate } from '../../src/lib/format';

const d = (iso: string) => { const [y, m, day] = iso.split('-').map(Number); return epochDayOf(new Date(y, m - 1, day)); };
const show = (w: { from: number; to: number }) => `${formatDate(dateOfEpochDay(w.from))}..${formatDate(dateOfEpochDay(w.to))}`;

describe('goal windows', () => {
  const year = { period: 'year' as const, start: '2026-01-01', end: '2026-12-31' };
  it('judges a yearly goal on the year holding the as-of day, and compares with the year before', () => {
    const w = goalWindows(year, d('2026-11-15'));
    expect([show(w.current), show(w.previous)]).toEqual(['2026-01-01..2026-12-31', '2025-01-01..2025-12-31']);
    expect(elapsedShare(w.current, w.asOf)).toBeCloseTo(319 / 365, 10);
  });
  it('clips to the promise period and caps the as-of day at its end', () => {
    const w = goalWindows(year, d('2027-03-01'));
    expect(w.asOf).toBe(d('2026-12-31'));
    expect(elapsedShare(w.current, w.asOf)).toBe(1);
    const early = goalWindows(year, d('2025-06-01'));
    expect(early.asOf).toBe(d('2026-01-01'));
  });
  it('uses ISO two-week periods, including the three-week period that holds week 53', () => {
    const g = { period: '2weeks' as const, start: '2026-01-01', end: '2027-12-31' };
    expect(show(goalWindows(g, d('2026-11-12')).current)).toBe('2026-11-02..2026-11-15');
    expect(show(goalWindows(g, d('2026-12-31')).current)).toBe('2026-12-14..2027-01-03');
    expect(show(goalWindows(g, d('2027-01-05')).previous)).toBe('2026-12-14..2027-01-03');
  });
  it('uses halves, quarters and months, and custom windows of the same length before', () => {
    expect(show(goalWindows({ period: 'quarter', start: '2026-01-01', end: '2026-12-31' }, d('2026-05-20')).current)).toBe('2026-04-01..2026-06-30');
    expect(show(goalWindows({ period: 'half', start: '2026-01-01', end: '2026-12-31' }, d('2026-07-01')).previous)).toBe('2026-01-01..2026-06-30');
    expect(show(goalWindows({ period: 'month', start: '2026-01-01', end: '2026-12-31' }, d('2026-02-10')).current)).toBe('2026-02-01..2026-02-28');
    expect(show(goalWindows({ period: 'custom', start: '2026-03-01', end: '2026-03-10' }, d('2026-03-05')).previous)).toBe('2026-02-19..2026-02-28');
  });
});

describe('verdicts', () => {
  const at = (actual: number, target: number, share: number, ended = false) => ({ actual, target, expected: target * share, projected: actual / share, ended });
  it('at least N', () => {
    expect(verdictFor('at_least', at(4, 4, 0.5))).toBe('met');
    expect(verdictFor('at_least', at(3, 4, 0.7))).toBe('on_track'); // 3 / 0.7 = 4.3
    expect(verdictFor('at_least', at(3, 4, 0.874))).toBe('at_risk'); // 3.43 ≥ 3.2
    expect(verdictFor('at_least', at(2, 4, 0.874))).toBe('behind');
    expect(verdictFor('at_least', at(3, 4, 1, true))).toBe('behind');
  });
  it('at most N', () => {
    expect(verdictFor('at_most', at(5, 10, 0.5))).toBe('on_track');
    expect(verdictFor('at_most', at(6, 10, 0.5))).toBe('at_risk');
    expect(verdictFor('at_most', at(11, 10, 0.9))).toBe('behind');
    expect(verdictFor('at_most', at(10, 10, 1, true))).toBe('met');
  });
  it('more, or fewer, than the previous period', () => {
    expect(verdictFor('increase', at(130, 120, 0.9))).toBe('met');
    expect(verdictFor('increase', at(100, 120, 0.8))).toBe('on_track'); // 125 > 120
    expect(verdictFor('decrease', at(50, 100, 0.8))).toBe('on_track'); // 62.5 < 100
    expect(verdictFor('decrease', at(90, 100, 0.8))).toBe('at_risk'); // 112.5 ≤ 120
    expect(verdictFor('decrease', at(99, 100, 1, true))).toBe('met');
  });
  it('cadence: windows missed', () => {
    const c = (actual: number, expected: number, ended = false) => ({ actual, expected, target: 27, projected: 0, ended });
    expect(verdictFor('cadence', c(22, 22))).toBe('on_track');
    expect(verdictFor('cadence', c(21, 22))).toBe('at_risk');
    expect(verdictFor('cadence', c(24, 26, true))).toBe('behind');
    expect(worst(['met', 'at_risk', 'on_track'])).toBe('at_risk');
  });
});

describe('projection', () => {
  it('compared with the previous period, follows its pace: 6 % above the same date is not "i fas" for fewer', () => {
    // Last year: 400 by mid-year, 1 000 in all (a busy autumn). This year: 424 by mid-year, 6 % above.
    const p = projection(424, 0.5, { whole: 1000, toDate: 400 });
    expect(p).toBeCloseTo(1060, 9);
    expect(verdictFor('decrease', { actual: 424, target: 1000, expected: 400, projected: p, ended: false })).toBe('at_risk');
    // A straight line (424 ÷ 0,5 = 848) would have read it as on track.
    expect(verdictFor('decrease', { actual: 424, target: 1000, expected: 400, projected: projection(424, 0.5), ended: false })).toBe('on_track');
    // None by that day last period: the straight line.
    expect(projection(3, 0.25, { whole: 8, toDate: 0 })).toBe(12);
    expect(projection(3, 0)).toBe(3);
  });
});

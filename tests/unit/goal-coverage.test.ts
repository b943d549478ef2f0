// goal-coverage.ts: whether the data holds what a goal reads — its rows not beginning or ending inside the days it
// reads (a renamed category), and the data not beginning after them — on lives computed here by hand.
import { describe, expect, it } from 'vitest';
import { goalCoverage, type GoalRowsLife } from '../../src/analysis/goals/goal-coverage';
import { epochDayOf, calendarDate } from '../../src/lib/epoch-day';

const day = (iso: string) => { const [y, m, d] = iso.split('-').map(Number); return epochDayOf(calendarDate(y, m - 1, d)); };
// Data 2025-01-01 .. 2026-08-22 with 150 000 rows; the goal's category 400 rows until the police's rename.
const data = { data_rows: 150_000, data_first: day('2025-01-01'), data_last: day('2026-08-22') };
const renamedAway: GoalRowsLife = { ...data, rows: 400, first_day: day('2025-01-01'), last_day: day('2026-03-01') };
const renamedTo: GoalRowsLife = { ...data, rows: 180, first_day: day('2026-03-02'), last_day: day('2026-08-20') };
const year2026 = { from: day('2026-01-01'), to: day('2026-08-22') };
const since2025 = { from: day('2025-01-01'), to: day('2026-08-22') };

describe('goalCoverage', () => {
  it('a comparison or a ceiling over the rename is not judged: the old name ends, the new one begins', () => {
    expect(goalCoverage(renamedAway, since2025, 'decrease', true)).toEqual({ key: 'rows-boundary', begins: null, ends: '2026-03-01', dataFirst: '2025-01-01', dataLast: '2026-08-22' });
    expect(goalCoverage(renamedTo, since2025, 'increase', true)).toEqual({ key: 'rows-boundary', begins: '2026-03-02', ends: null, dataFirst: '2025-01-01', dataLast: '2026-08-22' });
    expect(goalCoverage(renamedAway, year2026, 'at_most', true)?.key).toBe('rows-boundary');
    expect(goalCoverage(renamedTo, year2026, 'at_most', true)?.key).toBe('rows-boundary');
  });

  it('a floor or a cadence: an end counts, a beginning does not (a promise starts an activity)', () => {
    expect(goalCoverage(renamedAway, year2026, 'at_least', true)?.key).toBe('rows-boundary');
    expect(goalCoverage(renamedTo, year2026, 'at_least', true)).toBeNull();
    expect(goalCoverage(renamedTo, year2026, 'cadence', true)).toBeNull();
  });

  it('a boundary outside the days read, a quiet stretch within chance, a goal without conditions: nothing', () => {
    // The rename lies before the days read: the whole comparison is under one name.
    expect(goalCoverage(renamedTo, { from: day('2026-04-01'), to: day('2026-08-22') }, 'decrease', true)).toBeNull();
    // 30 rows over 600 days (one in 20 days): 80 silent days at the end expect 4 — chance, not an end.
    const rare: GoalRowsLife = { ...data, rows: 30, first_day: day('2025-01-01'), last_day: day('2026-06-03') };
    expect(goalCoverage(rare, since2025, 'decrease', true)).toBeNull();
    // … while 250 silent days at that rate expect 12.5: an end.
    expect(goalCoverage({ ...rare, last_day: day('2025-12-15') }, since2025, 'decrease', true)?.key).toBe('rows-boundary');
    // Fewer than 20 rows are never judged; without conditions the rows are the data.
    expect(goalCoverage({ ...renamedAway, rows: 19 }, since2025, 'decrease', true)).toBeNull();
    expect(goalCoverage(renamedAway, since2025, 'decrease', false)).toBeNull();
  });

  it('data that begins after the first day read is not judged, by the data’s own rate', () => {
    // A quarter's export (rows from 2026-07-01) judged against the quarter before.
    const quarter: GoalRowsLife = { rows: 900, first_day: day('2026-07-01'), last_day: day('2026-09-30'), data_rows: 5_000, data_first: day('2026-07-01'), data_last: day('2026-09-30') };
    expect(goalCoverage(quarter, { from: day('2026-04-01'), to: day('2026-09-30') }, 'decrease', true)).toEqual({ key: 'data-begins-late', first: '2026-07-01', from: '2026-04-01' });
    expect(goalCoverage(quarter, { from: day('2026-07-01'), to: day('2026-09-30') }, 'at_least', false)).toBeNull();
    // Small data whose first row came two days into the period: within chance (25 rows over 90 days, 0.5 expected).
    const small: GoalRowsLife = { ...quarter, rows: 25, data_rows: 25, first_day: day('2026-07-03'), data_first: day('2026-07-03') };
    expect(goalCoverage(small, { from: day('2026-07-01'), to: day('2026-09-30') }, 'at_most', false)).toBeNull();
  });
});

describe('a goal’s problem as a sentence', () => {
  it('a period filter cutting the goal’s days says "part of them"; one wholly outside says "none of them"', async () => {
    const { goalProblemText } = await import('../../src/analysis/goals/goal-problem-text');
    const { default: i18next } = await import('i18next');
    const { sv } = await import('../../src/lib/i18n/sv');
    const i18n = i18next.createInstance();
    await i18n.init({ lng: 'sv', resources: { sv: { translation: sv } }, interpolation: { escapeValue: false } });
    const read = { readFrom: '2026-01-01', readTo: '2026-11-15' };
    const text = (from: string, to: string) => goalProblemText({ key: 'period-cut', from, to, ...read }, i18n.t, false);
    expect(text('2026-01-05', '2026-03-08')).toBe('Periodfiltret (2026-01-05 – 2026-03-08) tar bara en del av de dagar målet läser (2026-01-01 – 2026-11-15): ett utfall för en del av dagarna mot ett mål för alla vore ingen bedömning. Rensa periodfiltret för att se målet bedömt.');
    for (const [from, to] of [['2024-03-01', '2024-06-01'], ['2026-11-16', '2026-12-31'], ['2025-01-01', '2025-12-31']]) {
      expect(text(from, to)).toContain(`Periodfiltret (${from} – ${to}) täcker inga av de dagar målet läser`);
    }
    // Touching one day is part of them.
    expect(text('2026-11-15', '2026-12-31')).toContain('tar bara en del');
  });
});

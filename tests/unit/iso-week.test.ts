import { describe, expect, it } from 'vitest';
import { addIsoWeeks, biweekPeriodOf, biweekRange, isoWeekOf, isoWeekStart, latestCompleteBiweek, shiftBiweek, weeksInIsoYear } from '../../src/lib/iso-week';
import { formatBiweek, formatDate } from '../../src/lib/format';

const d = (iso: string) => { const [y, m, day] = iso.split('-').map(Number); return new Date(y, m - 1, day); };

describe('ISO weeks', () => {
  it('puts year-boundary days in the right ISO year', () => {
    expect(isoWeekOf(d('2024-12-30'))).toEqual({ year: 2025, week: 1 });
    expect(isoWeekOf(d('2021-01-03'))).toEqual({ year: 2020, week: 53 });
    expect(isoWeekOf(d('2026-12-31'))).toEqual({ year: 2026, week: 53 });
    expect(isoWeekOf(d('2027-01-03'))).toEqual({ year: 2026, week: 53 });
    expect(isoWeekOf(d('2027-01-04'))).toEqual({ year: 2027, week: 1 });
  });

  it('knows which years have 53 weeks', () => {
    expect([2015, 2020, 2026, 2032].map(weeksInIsoYear)).toEqual([53, 53, 53, 53]);
    expect([2024, 2025, 2027].map(weeksInIsoYear)).toEqual([52, 52, 52]);
  });

  it('starts weeks on Monday, also across DST changes', () => {
    expect(formatDate(isoWeekStart({ year: 2026, week: 1 }))).toBe('2025-12-29');
    // Week 13 of 2026 holds the spring DST switch (29 March).
    expect(formatDate(isoWeekStart({ year: 2026, week: 14 }))).toBe('2026-03-30');
    expect(addIsoWeeks({ year: 2026, week: 52 }, 2)).toEqual({ year: 2027, week: 1 });
  });
});

describe('biweekly periods', () => {
  it('pairs weeks 1–2, 3–4 … and gives week 53 to the last period', () => {
    expect(biweekPeriodOf(d('2026-11-12'))).toEqual({ year: 2026, firstWeek: 45, lastWeek: 46 });
    expect(biweekPeriodOf(d('2026-12-31'))).toEqual({ year: 2026, firstWeek: 51, lastWeek: 53 });
    expect(biweekPeriodOf(d('2025-12-24'))).toEqual({ year: 2025, firstWeek: 51, lastWeek: 52 });
    const { start, end } = biweekRange({ year: 2026, firstWeek: 51, lastWeek: 53 });
    expect([formatDate(start), formatDate(end)]).toEqual(['2026-12-14', '2027-01-04']);
  });

  it('steps across year boundaries', () => {
    expect(shiftBiweek({ year: 2027, firstWeek: 1, lastWeek: 2 }, -1)).toEqual({ year: 2026, firstWeek: 51, lastWeek: 53 });
    expect(shiftBiweek({ year: 2026, firstWeek: 51, lastWeek: 53 }, 1)).toEqual({ year: 2027, firstWeek: 1, lastWeek: 2 });
    expect(shiftBiweek({ year: 2026, firstWeek: 45, lastWeek: 46 }, -3)).toEqual({ year: 2026, firstWeek: 39, lastWeek: 40 });
  });

  it('finds the latest complete period', () => {
    // Sunday of week 47: weeks 47–48 are not over, so 45–46 is the latest complete one.
    expect(formatBiweek(latestCompleteBiweek(d('2026-11-22')))).toBe('v. 45–46 2026');
    // The Sunday that ends week 46 completes 45–46.
    expect(formatBiweek(latestCompleteBiweek(d('2026-11-15')))).toBe('v. 45–46 2026');
    expect(formatBiweek(latestCompleteBiweek(d('2026-11-14')))).toBe('v. 43–44 2026');
  });
});

describe('years before 100 (issue 15)', () => {
  it('are those years, not 1900 + year', async () => {
    const { calendarDate, dateOfEpochDay, epochDayOf, epochDayOfIsoDate, isoDateOfEpochDay } = await import('../../src/lib/epoch-day');
    expect(calendarDate(25, 2, 11).getFullYear()).toBe(25);
    const day = epochDayOfIsoDate('0025-03-11');
    expect(isoDateOfEpochDay(day)).toBe('0025-03-11');
    expect(dateOfEpochDay(day).getFullYear()).toBe(25);
    expect(epochDayOf(dateOfEpochDay(day))).toBe(day);
    expect(isoWeekStart({ year: 25, week: 11 }).getFullYear()).toBe(25);
  });
});

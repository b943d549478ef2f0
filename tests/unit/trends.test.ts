// Trend period arithmetic, comparisons, the change test and the before/after estimate on known answers —
// and the per-day query through native DuckDB against plain SQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bucketOf, bucketsBetween, sameIsoDayLastYear, sameTimeLastYear } from '../../src/analysis/periods/period-buckets';
import { sameLastYear } from '../../src/analysis/periods/report-periods';
import { compare, comparisonPeriods, topSeries, trendSeries } from '../../src/features/trends/trends.model';
import { weekHourMatrix } from '../../src/features/trends/week-hour.model';
import { beforeAfterSql } from '../../src/features/trends/trends.query';
import { swedishCalendarDays } from '../../src/features/trends/calendar-days';
import { epochDayOfIsoDate as d, isoDateOfEpochDay as iso } from '../../src/lib/epoch-day';
import { beforeAfterEstimate } from '../../src/lib/statistics/before-after';
import type { SqlRunner } from '../../src/data/sql-runner';
import { createExampleDatabase } from './support/example-database';

const range = (b: { from: number; to: number }) => `${iso(b.from)}..${iso(b.to)}`;

describe('trend buckets', () => {
  it('ISO weeks across a year boundary (2025-12-29 is week 1 of 2026)', () => {
    expect(range(bucketOf(d('2025-12-31'), 'week'))).toBe('2025-12-29..2026-01-04');
    expect(bucketOf(d('2025-12-31'), 'week').label).toBe('v. 1 2026');
  });

  it('two-week periods, with week 53 of 2026 joining 51–53', () => {
    expect(range(bucketOf(d('2026-12-30'), 'biweek'))).toBe('2026-12-14..2027-01-03');
    expect(range(bucketOf(d('2027-01-05'), 'biweek'))).toBe('2027-01-04..2027-01-17');
  });

  it('months and quarters, including February in a leap year', () => {
    expect(range(bucketOf(d('2024-02-10'), 'month'))).toBe('2024-02-01..2024-02-29');
    expect(range(bucketOf(d('2026-11-22'), 'quarter'))).toBe('2026-10-01..2026-12-31');
  });

  it('a day that has 23 hours (DST starts 2026-03-29 in Sweden) is still one whole day', () => {
    const b = bucketOf(d('2026-03-29'), 'day');
    expect(b.from).toBe(b.to);
    expect(range(bucketOf(d('2026-03-29'), 'week'))).toBe('2026-03-23..2026-03-29');
    expect(bucketsBetween(d('2026-03-28'), d('2026-03-30'), 'day')).toHaveLength(3);
  });

  it('buckets cover a range without gaps or overlaps', () => {
    const list = bucketsBetween(d('2024-01-01'), d('2026-11-15'), 'biweek');
    for (let i = 1; i < list.length; i++) expect(list[i].from).toBe(list[i - 1].to + 1);
  });

  it('last year is the same ISO weeks or the same months', () => {
    expect(range(sameTimeLastYear({ from: d('2026-11-09'), to: d('2026-11-15') }, 'week'))).toBe('2025-11-10..2025-11-16');
    expect(range(sameTimeLastYear({ from: d('2024-02-01'), to: d('2024-02-29') }, 'month'))).toBe('2023-02-01..2023-02-28');
  });

  it('last year after a 53-week year is the same ISO week, not 52 weeks back (a tester\'s 2020–2021 export)', () => {
    // v. 1 2021 against v. 1 2020 (52 weeks back was v. 2 2020), v. 2 against v. 2, v. 53 2020 against v. 52 2019
    // (52 weeks back was v. 1 2020, the same year), and the lägesbild's two-week periods: 51–53 ↔ 51–52, 1–2 ↔ 1–2.
    expect(range(sameTimeLastYear({ from: d('2021-01-04'), to: d('2021-01-10') }, 'week'))).toBe('2019-12-30..2020-01-05');
    expect(range(sameTimeLastYear({ from: d('2021-01-11'), to: d('2021-01-17') }, 'week'))).toBe('2020-01-06..2020-01-12');
    expect(range(sameTimeLastYear({ from: d('2020-12-28'), to: d('2021-01-03') }, 'week'))).toBe('2019-12-23..2019-12-29');
    expect(range(sameTimeLastYear({ from: d('2020-12-14'), to: d('2021-01-03') }, 'biweek'))).toBe('2019-12-16..2019-12-29');
    expect(range(sameTimeLastYear({ from: d('2021-01-04'), to: d('2021-01-17') }, 'biweek'))).toBe('2019-12-30..2020-01-12');
    // The year after a 52-week year into a 53-week one: v. 53 2026 has no v. 53 2025, v. 1 2027 is v. 1 2026.
    expect(range(sameTimeLastYear({ from: d('2026-12-28'), to: d('2027-01-03') }, 'week'))).toBe('2025-12-22..2025-12-28');
    expect(range(sameTimeLastYear({ from: d('2027-01-04'), to: d('2027-01-10') }, 'week'))).toBe('2025-12-29..2026-01-04');
    expect(range(sameTimeLastYear({ from: d('2021-01-06'), to: d('2021-01-06') }, 'day'))).toBe('2020-01-01..2020-01-01');
  });

  it('compares each week and two-week period with the same period as the lägesbild does, across 53-week years', () => {
    for (const unit of ['week', 'biweek'] as const) {
      for (const b of bucketsBetween(d('2019-01-01'), d('2033-01-31'), unit)) {
        const lagesbild = sameLastYear({ unit, from: b.from, to: b.to });
        expect(range(sameTimeLastYear(b, unit)), `${unit} ${b.label}`).toBe(range(lagesbild));
      }
    }
  });

  it('maps every day of 2000–2040 to the same ISO weekday and week of the ISO year before (an ISO week computed here by hand)', () => {
    // ISO 8601 by its definition: the week's Thursday decides the year; week 1 holds the year's first Thursday.
    const isoWeek = (day: number) => {
      const weekday = ((((day + 3) % 7) + 7) % 7) + 1; // 1970-01-01 (day 0) was a Thursday: 4
      const thursday = day - weekday + 4;
      const year = new Date(thursday * 86_400_000).getUTCFullYear();
      const jan1 = Date.UTC(year, 0, 1) / 86_400_000;
      return { year, week: Math.floor((thursday - jan1) / 7) + 1, weekday };
    };
    const weeksIn = (year: number) => isoWeek(Date.UTC(year, 11, 28) / 86_400_000).week; // 28 December is always in the last week
    let fiftyThree = 0;
    for (let day = Date.UTC(2000, 0, 3) / 86_400_000; day <= Date.UTC(2040, 11, 31) / 86_400_000; day++) {
      const now = isoWeek(day);
      const then = isoWeek(sameIsoDayLastYear(day));
      const expected = { year: now.year - 1, week: Math.min(now.week, weeksIn(now.year - 1)), weekday: now.weekday };
      if (then.year !== expected.year || then.week !== expected.week || then.weekday !== expected.weekday) throw new Error(`${iso(day)}: ${JSON.stringify(then)} ≠ ${JSON.stringify(expected)}`);
      if (now.week === 53) fiftyThree++;
    }
    expect(fiftyThree).toBe(7 * 7); // 2004, 2009, 2015, 2020, 2026, 2032, 2037 have a week 53
  });
});

describe('comparisons', () => {
  const extent = { from: d('2024-01-01'), to: d('2026-11-18') };
  it('without a brush: the latest complete bucket against the one before and last year', () => {
    const p = comparisonPeriods(undefined, extent, 'week');
    expect(range(p.current)).toBe('2026-11-09..2026-11-15');
    expect(range(p.previous)).toBe('2026-11-02..2026-11-08');
    const m = comparisonPeriods(undefined, extent, 'month');
    expect(range(m.current)).toBe('2026-10-01..2026-10-31');
    expect(range(m.previous)).toBe('2026-09-01..2026-09-30');
  });
  it('data shorter than one bucket: the bucket that holds it, never one before the data', () => {
    const short = { from: d('2025-03-05'), to: d('2025-03-06') };
    expect(range(comparisonPeriods(undefined, short, 'week').current)).toBe('2025-03-03..2025-03-09');
    expect(range(comparisonPeriods(undefined, short, 'month').current)).toBe('2025-03-01..2025-03-31');
  });
  it('a period of whole calendar months is compared with the month before and the same months last year, in any unit (helper-68)', () => {
    for (const unit of ['week', 'day', 'month'] as const) {
      const p = comparisonPeriods({ from: d('2026-02-01'), to: d('2026-02-28') }, extent, unit);
      expect([range(p.previous), range(p.lastYear)], unit).toEqual(['2026-01-01..2026-01-31', '2025-02-01..2025-02-28']);
    }
    const spring = comparisonPeriods({ from: d('2026-03-01'), to: d('2026-05-31') }, extent, 'week');
    expect(range(spring.lastYear)).toBe('2025-03-01..2025-05-31');
    // Whole months against as many months before (helper-69: Q1 was set against the 90 days before it).
    expect(range(spring.previous)).toBe('2025-12-01..2026-02-28');
    expect(range(comparisonPeriods({ from: d('2026-01-01'), to: d('2026-03-31') }, extent, 'week').previous)).toBe('2025-10-01..2025-12-31');
    // Not whole months: weeks as before (the same ISO weekdays a year earlier).
    const part = comparisonPeriods({ from: d('2026-01-02'), to: d('2026-01-31') }, extent, 'week');
    expect(range(part.lastYear)).toBe('2025-01-03..2025-02-01');
  });
  it('a brushed period against an equally long one before it', () => {
    const p = comparisonPeriods({ from: d('2026-06-03'), to: d('2026-06-12') }, extent, 'week');
    expect(range(p.previous)).toBe('2026-05-24..2026-06-02');
  });
  it('compares a month with the month before per day (March 31 days against February 28)', () => {
    const p = comparisonPeriods({ from: d('2026-03-01'), to: d('2026-03-31') }, extent, 'month');
    expect(range(p.previous)).toBe('2026-02-01..2026-02-28');
    const c = compare({ current: 36 * 31, previous: 36 * 28, lastYear: 36 * 31 }, p, { from: d('2024-01-01'), to: d('2026-11-15') });
    expect(c.vsPrevious!.exposure).toBeCloseTo(31 / 28, 12);
    expect(c.vsPrevious!.change).toBeCloseTo(0, 12);
    expect(c.vsPrevious!.significant).toBe(false);
    expect(c.vsLastYear?.change).toBeCloseTo(0, 12);
  });

  it('compares only the days the data covers: no change from before the data, a month past the last day per covered day', () => {
    const data = { from: d('2024-01-01'), to: d('2026-11-15') };
    // January 2024 against December 2023 (no data): no comparison, not "0 → 872, significant".
    const first = comparisonPeriods({ from: d('2024-01-01'), to: d('2024-01-31') }, data, 'month');
    expect(compare({ current: 872, previous: 0, lastYear: 0 }, first, data)).toMatchObject({ vsPrevious: null, vsLastYear: null });
    // November 2026 (15 of 30 days in the data) against October: 36 a day in both is no change.
    const november = comparisonPeriods({ from: d('2026-11-01'), to: d('2026-11-30') }, data, 'month');
    const c = compare({ current: 36 * 15, previous: 36 * 31, lastYear: 36 * 30 }, november, data);
    expect(c.covered).toEqual({ current: 15, previous: 31, lastYear: 30 });
    expect(c.vsPrevious!.change).toBeCloseTo(0, 12);
    expect(c.vsPrevious!.significant).toBe(false);
    expect(c.vsLastYear!.change).toBeCloseTo(0, 12);
    // A range whose earlier period is partly before the data: per covered day.
    const early = comparisonPeriods({ from: d('2024-01-10'), to: d('2024-02-09') }, data, 'week');
    const e = compare({ current: 31 * 30, previous: 9 * 30, lastYear: 0 }, early, data);
    expect(e.covered.previous).toBe(9);
    expect(e.vsPrevious!.change).toBeCloseTo(0, 12);
    expect(e.vsLastYear).toBeNull();
  });
});

describe('before/after estimate', () => {
  it('halving where the comparison is flat gives a ratio of 0.5 with a Woolf interval', () => {
    const e = beforeAfterEstimate({ targetBefore: 100, targetAfter: 50, comparisonBefore: 1000, comparisonAfter: 1000 });
    expect(e.ratio).toBeCloseTo(0.5, 10);
    const se = Math.sqrt(1 / 100 + 1 / 50 + 1 / 1000 + 1 / 1000);
    expect(e.low).toBeCloseTo(0.5 * Math.exp(-1.96 * se), 10);
    expect(e.high).toBeCloseTo(0.5 * Math.exp(1.96 * se), 10);
    expect(e.significant).toBe(true);
  });
  it('a change the comparison area shares is no effect', () => {
    expect(beforeAfterEstimate({ targetBefore: 40, targetAfter: 20, comparisonBefore: 400, comparisonAfter: 200 }).ratio).toBeCloseTo(1, 10);
  });
  it('says too few rather than estimating from zeros', () => {
    expect(beforeAfterEstimate({ targetBefore: 3, targetAfter: 0, comparisonBefore: 100, comparisonAfter: 90 }).tooFew).toBe(true);
  });
});

describe('series and calendar', () => {
  it('splits into the biggest series plus "Övrigt", and counts last year by the same weeks', () => {
    const rows = Array.from({ length: 10 }, (_, i) => ({ epoch_day: d('2026-01-05'), series: `c${i}`, n: 10 - i, key: i }));
    const top = topSeries(rows, 'Övrigt');
    expect(new Set(top.map((r) => r.series)).size).toBe(8);
    expect(top.filter((r) => r.series === 'Övrigt').reduce((s, r) => s + r.n, 0)).toBe(2 + 1 + 3);
    // "Övrigt" is the last series even when a small series' rows come first (the rows are in day order).
    const early = [{ epoch_day: d('2026-01-05'), series: 'c9', n: 1, key: 0 }, ...rows.map((r) => ({ ...r, epoch_day: d('2026-01-12') }))];
    const order = [...trendSeries(topSeries(early, 'Övrigt'), [], { from: d('2026-01-05'), to: d('2026-01-18') }, 'week', 2, 'sv').series.keys()];
    expect(order).toEqual(['c0', 'c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'Övrigt']);
    // Public view (minTotal k = 5): a series with fewer than 5 in all is never listed by name, however few series
    // there are — listed, its "<5" said "at least one" — and goes into the rest.
    const few = rows.slice(3, 8); // totals 7, 6, 5, 4, 3
    expect(new Set(topSeries(few, 'Övrigt').map((r) => r.series))).toEqual(new Set(['c3', 'c4', 'c5', 'c6', 'c7']));
    const shown = topSeries(few, 'Övrigt', 5);
    expect([...new Set(shown.map((r) => r.series))]).toEqual(['c3', 'c4', 'c5', 'Övrigt']);
    expect(shown.filter((r) => r.series === 'Övrigt').reduce((s, r) => s + r.n, 0)).toBe(4 + 3);
    expect(new Set(topSeries(rows, 'Övrigt', 5).map((r) => r.series))).toEqual(new Set(['c0', 'c1', 'c2', 'c3', 'c4', 'c5', 'Övrigt']));
    // Public view draws the rest whether or not a small series exists (zero then): drawn only with one, it told that
    // one did. Without a rule, no empty rest.
    const large = rows.slice(0, 3); // totals 10, 9, 8
    expect([...new Set(topSeries(large, 'Övrigt', 5).map((r) => r.series))]).toEqual(['c0', 'c1', 'c2', 'Övrigt']);
    expect(topSeries(large, 'Övrigt', 5).filter((r) => r.series === 'Övrigt').reduce((s, r) => s + r.n, 0)).toBe(0);
    expect([...new Set(topSeries([...large, { epoch_day: d('2026-01-05'), series: 'c9', n: 2, key: 0 }], 'Övrigt', 5).map((r) => r.series))]).toEqual(['c0', 'c1', 'c2', 'Övrigt']);
    expect(topSeries(large, 'Övrigt')).toEqual(large);
    const zeroRest = trendSeries(topSeries(large, 'Övrigt', 5), [], { from: d('2026-01-05'), to: d('2026-01-11') }, 'week', 2, 'sv');
    expect(zeroRest.series.get('Övrigt')).toEqual([0]);
    // No row at all (a chosen category of 0) has the same rest as one of 1–4 (helper-65: a column only with 1–4).
    const restOf = (rows: typeof large) => [...trendSeries(topSeries(rows, 'Övrigt', 5, d('2026-01-05')), [], { from: d('2026-01-05'), to: d('2026-01-11') }, 'week', 2, 'sv').series.keys()];
    expect(restOf([])).toEqual(['Övrigt']);
    expect(restOf([{ epoch_day: d('2026-01-07'), series: 'Utlänningslagen', n: 4, key: 0 }])).toEqual(['Övrigt']);
    expect(topSeries([], 'Övrigt', 0, d('2026-01-05'))).toEqual([]); // the analyst's view: nothing to draw
    const extent = { from: d('2025-01-06'), to: d('2026-01-11') };
    const t = trendSeries([{ epoch_day: d('2025-01-07'), series: 'all', n: 4, key: 300 }, { epoch_day: d('2026-01-06'), series: 'all', n: 9, key: 17 }], [], extent, 'week', 2, 'sv');
    const last = t.buckets.length - 1;
    expect(t.total[last]).toBe(9);
    expect(t.lastYear[last]).toBe(4);
    expect(t.lastYear[0]).toBeNull();
    // Their key sums follow the same days: last year's is the key of the row 52 weeks back.
    expect(t.keys.series.get('all')![last]).toBe(17);
    expect(t.keys.lastYear[last]).toBe(300);
  });
  it('marks the months the data begins and ends inside: their days with data, no moving mean over them, a pale bar and a tooltip line (a tester read a half month as a fall)', async () => {
    const { isPartialBucket, trendChartOption } = await import('../../src/features/trends/trends.model');
    const { publishTrend } = await import('../../src/features/trends/publish-trend');
    // Data from 10 January to 14 April 2026: January counts 22 of 31 days, April 14 of 30.
    const extent = { from: d('2026-01-10'), to: d('2026-04-14') };
    const rows = [d('2026-01-12'), d('2026-02-02'), d('2026-03-03'), d('2026-04-14')].map((day) => ({ epoch_day: day, series: 'all', n: 30, key: 1 }));
    const t = trendSeries(rows, [], extent, 'month', 2, 'sv');
    expect(t.buckets.map((b) => b.label)).toEqual(['jan. 2026', 'feb. 2026', 'mars 2026', 'apr. 2026']);
    expect(t.covered).toEqual([22, 28, 31, 14]);
    expect(t.buckets.map((_, i) => isPartialBucket(t, i))).toEqual([true, false, false, true]);
    // A two-month mean only where both months are whole: February + March.
    expect(t.rolling).toEqual([null, null, 30, null]);
    const option = trendChartOption(publishTrend(t, null, 2), { stacked: false, showLastYear: false, showRolling: false, showInterventions: false, calendar: [],
      labels: { total: 'Händelser', lastYear: 'Förra året', rolling: 'Medel', interventions: 'Insatser', partial: (c, n) => `data för ${c} av ${n} dagar` } }, 'sv') as
      { series: { data: (number | { value: number; itemStyle: { opacity: number } })[] }[]; tooltip: { formatter: (p: unknown) => string } };
    const bars = option.series[0].data;
    expect(bars.map((b) => (typeof b === 'number' ? b : b.value))).toEqual([30, 30, 30, 30]);
    expect(bars.map((b) => typeof b === 'object')).toEqual([true, false, false, true]);
    expect(option.tooltip.formatter([{ seriesName: 'Händelser', dataIndex: 3, axisValueLabel: 'apr. 2026' }]).split('<br/>')).toEqual(['apr. 2026', 'data för 14 av 30 dagar', 'Händelser: 30']);
    expect(option.tooltip.formatter([{ seriesName: 'Händelser', dataIndex: 1, axisValueLabel: 'feb. 2026' }]).split('<br/>')).toEqual(['feb. 2026', 'Händelser: 30']);
    // Three and a half months of data have no last year: no "Förra året" line, so none in the legend (a tester).
    const labels = { total: 'Händelser', lastYear: 'Förra året', rolling: 'Medel', interventions: 'Insatser' };
    const names = (o: unknown) => (o as { series: { name?: string }[] }).series.map((x) => x.name);
    expect(names(trendChartOption(publishTrend(t, null, 2), { stacked: false, showLastYear: true, showRolling: false, showInterventions: false, calendar: [], labels }, 'sv'))).not.toContain('Förra året');
    // A year more of data: the line is there.
    const longer = trendSeries([...rows, { epoch_day: d('2025-02-03'), series: 'all', n: 9, key: 1 }], [], { from: d('2025-01-01'), to: extent.to }, 'month', 2, 'sv');
    expect(names(trendChartOption(publishTrend(longer, null, 2), { stacked: false, showLastYear: true, showRolling: false, showInterventions: false, calendar: [], labels }, 'sv'))).toContain('Förra året');
  });
  it('weekday × hour puts ISO weekday 7 (Sunday) last', () => {
    const m = weekHourMatrix([{ dow: 7, hour: 23, n: 5, key: 40 }, { dow: 1, hour: 0, n: 2, key: 7 }]);
    expect(m.counts[6][23]).toBe(5);
    expect(m.counts[0][0]).toBe(2);
    expect(m.keys[6][23]).toBe(40);
    expect(m.untimed).toBe(false);
    expect(m.counts[0]).toHaveLength(24);
  });
  it('weekday × hour puts incidents without a time of day in a column of their own, not at midnight', async () => {
    const { publishTable } = await import('../../src/lib/disclosure/publish');
    const rows = [{ dow: 2, hour: 0, n: 3, key: 1 }, { dow: 2, hour: null, n: 7, key: 9 }, { dow: 5, hour: 14, n: 20, key: 2 }];
    const m = weekHourMatrix(rows);
    expect(m.untimed).toBe(true);
    expect(m.counts[1]).toHaveLength(25);
    expect(m.counts[1][0]).toBe(3); // the true midnight incidents only
    expect(m.counts[1][24]).toBe(7);
    expect(m.counts.flat().reduce((a, b) => a + b, 0)).toBe(30); // still the incident total
    // Public view suppresses the 25 columns as one table with its margins.
    const published = publishTable(m.counts, m.keys, { k: 5 }).cells;
    expect(published[1]).toHaveLength(25);
    expect(published[1][0]).toBeNull();
  });
  it('Swedish calendar days come from the holiday library: midsommarafton 2026 is 19 June', () => {
    const days = swedishCalendarDays(2026, 2026);
    expect(days.find((x) => x.name === 'midsommarafton')?.day).toBe(d('2026-06-19'));
    expect(days.find((x) => x.name === 'valborgsmässoafton')?.day).toBe(d('2026-04-30'));
  });
});

describe('before/after SQL on the example', () => {
  let runner: SqlRunner & { close(): void };
  beforeAll(async () => { ({ runner } = await createExampleDatabase()); });
  afterAll(() => runner.close());

  it('target and comparison split the municipality: together they are every incident in the windows', async () => {
    const params = [d('2026-03-01'), d('2026-04-30'), d('2026-05-01'), d('2026-06-30')];
    const q = beforeAfterSql([], { area: 'Hamnstaden', e: null, n: null }, 500, { beforeFrom: params[0], beforeTo: params[1], afterFrom: params[2], afterTo: params[3] });
    const [[a], [c]] = await Promise.all([runner.rows<{ before: number; after: number }>(q.target), runner.rows<{ before: number; after: number }>(q.comparison)]);
    const [{ n: before }] = await runner.rows<{ n: number }>('SELECT count(*)::INTEGER AS n FROM incidents WHERE epoch_day BETWEEN ? AND ?', params.slice(0, 2));
    const [{ n: hamn }] = await runner.rows<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM incidents WHERE area = 'Hamnstaden' AND epoch_day BETWEEN ? AND ?`, params.slice(0, 2));
    expect(a.before).toBe(hamn);
    expect(a.before + c.before).toBe(before);
  });
});

describe('the area split names an area once', () => {
  it('merges a file’s spellings of one area into one series, named as the boundary is, else by its most common spelling (helper-63)', async () => {
    const { areaSeriesSpelled } = await import('../../src/features/trends/trends.model');
    const day = d('2026-01-05');
    const rows = [
      { epoch_day: day, series: 'Upplands väsby', n: 3, key: 1 },
      { epoch_day: day, series: 'UPPLANDS  VÄSBY', n: 1, key: 2 },
      { epoch_day: day + 1, series: 'Upplands\u00a0Väsby', n: 2, key: 3 },
      { epoch_day: day, series: 'kista', n: 2, key: 4 },
      { epoch_day: day, series: 'Kista', n: 1, key: 5 },
      { epoch_day: day, series: '–', n: 7, key: 6 },
    ];
    const spelled = areaSeriesSpelled(rows, ['Upplands Väsby', 'Stockholm']);
    expect(spelled.map((r) => r.series)).toEqual(['Upplands Väsby', 'Upplands Väsby', 'Upplands Väsby', 'kista', 'kista', '–']);
    // Counts and keys are kept; the chart's series sum them.
    const t = trendSeries(spelled, [], { from: day, to: day + 6 }, 'week', 2, 'sv');
    expect(t.series.get('Upplands Väsby')).toEqual([6]);
    expect(t.keys.series.get('Upplands Väsby')).toEqual([6]);
    expect(t.series.get('kista')).toEqual([3]);
    expect([...t.series.keys()]).toHaveLength(3);
  });
});

describe('lines with gaps', () => {
  it('a lone value between gaps gets a dot of its own; the others stay plain numbers', async () => {
    const { withLonePoints } = await import('../../src/features/trends/trends.model');
    expect(withLonePoints([null, 5, null, 7, 8, null, 3])).toEqual([null, { value: 5, symbol: 'circle', symbolSize: 5 }, null, 7, 8, null, { value: 3, symbol: 'circle', symbolSize: 5 }]);
    expect(withLonePoints([4])).toEqual([{ value: 4, symbol: 'circle', symbolSize: 5 }]);
  });
});

describe('week × hour heat map in public view', () => {
  it('draws a hidden cell grey with its "<5" or "dold", and its tooltip says which', async () => {
    const { weekHourOption } = await import('../../src/features/trends/week-hour.model');
    const { PROTECTED } = await import('../../src/lib/disclosure/publish');
    const row = (first: number | null | typeof PROTECTED) => [first, ...Array.from({ length: 23 }, () => 9)];
    const option = weekHourOption([row(null), row(PROTECTED), row(12)], ['Mån', 'Tis', 'Ons'], 'sv', '<5', 'dold') as unknown as {
      series: { data: unknown[]; label?: { show: boolean } }[]; tooltip: { formatter: (p: { value: [number, number, number | null]; seriesIndex: number }) => string };
    };
    expect(option.series).toHaveLength(2);
    expect(option.series[1].data).toEqual([{ value: [0, 0, 0], label: { formatter: '<5' } }, { value: [0, 1, 0], label: { formatter: 'dold' } }]);
    expect(option.tooltip.formatter({ value: [0, 1, 0], seriesIndex: 1 })).toBe('Tis 00–01: dold');
    expect(option.tooltip.formatter({ value: [0, 2, 12], seriesIndex: 0 })).toBe('Ons 00–01: 12');
    // The colour scale's ends in numbers: the largest shown count and 0.
    expect((option as unknown as { visualMap: { text: string[] } }).visualMap.text).toEqual(['12', '0']);
    // Nothing hidden: one series, as before.
    expect((weekHourOption([row(12)], ['Mån'], 'sv') as unknown as { series: unknown[] }).series).toHaveLength(1);
  });
});

describe('week × hour published', () => {
  it('is one list with the incident total: a small cell is protected by one more cell, not by a cell in every row and column', async () => {
    const { publishWeekHour } = await import('../../src/features/trends/week-hour.model');
    const { determinedEntries } = await import('../../src/lib/disclosure/suppression');
    const counts = Array.from({ length: 7 }, (_, d) => Array.from({ length: 24 }, (_, h) => (d === 2 && h === 3 ? 2 : 6 + ((d * 24 + h) % 7))));
    const keys = counts.map((r) => r.map(() => 0));
    const shown = publishWeekHour({ counts, keys }, { k: 5 });
    const hidden = shown.flat().map((v) => typeof v !== 'number');
    expect(hidden.filter(Boolean)).toHaveLength(2);
    expect(shown[2][3]).toBeNull();
    // The attack with the total: nothing is determined.
    const n = hidden.length;
    expect(determinedEntries([{ cells: hidden.map((_, i) => i), total: n }], [...hidden, false], n + 1)).toEqual([]);
  });
});

// The Karta's emerging hot-spot steps are summed in JS from counts per cell and ISO week (step-counts.ts): they must
// equal the per-step counts DuckDB gives directly (cellStepCountsQuery), for any window, cell size and shape; and a
// three-week step (the last two-week period of a 53-week year) takes all three weeks.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emergingWindow } from '../../src/analysis/hot-spots/emerging-window';
import { cellStepCountsQuery, cellWeekCountsQuery } from '../../src/analysis/hot-spots/hot-spots.query';
import { periodCountsFromWeeks, stepCountsFromWeeks, sumWeeksBy, wholeWeeksOf, type WeekCount } from '../../src/analysis/hot-spots/step-counts';
import { cellCountsQuery, precisionCountsQuery, precisionWeekCountsQuery } from '../../src/features/map/map.query';
import type { CellCount, StepCount } from '../../src/analysis/hot-spots/hot-spots.model';
import type { CellShape } from '../../src/lib/geo/cell-grid';
import { epochDayOfIsoDate } from '../../src/lib/epoch-day';
import { createExampleDatabase } from './support/example-database';

const sorted = (rows: StepCount[]) =>
  rows.map((r) => ({ ix: Number(r.ix), iy: Number(r.iy), step: Number(r.step), n: Number(r.n), key: Number(r.key) }))
    .sort((a, b) => a.step - b.step || a.ix - b.ix || a.iy - b.iy);

describe('emerging hot-spot steps summed from ISO weeks', () => {
  let db: Awaited<ReturnType<typeof createExampleDatabase>>;
  beforeAll(async () => {
    db = await createExampleDatabase();
  });
  afterAll(() => db?.runner.close());

  const cases: [string, number, CellShape, string[]][] = [
    ['the latest window, 250 m squares', 250, 'square', []],
    ['a window ending 2025-06-11, 500 m hexagons', 500, 'hex', []],
    ['a window across the new year, ending 2026-01-14, 125 m squares, one category', 125, 'square', ["category = 'Skadegörelse'"]],
  ];
  it.each(cases)('%s', async (label, size, shape, filter) => {
    const end = label.includes('2025-06-11') ? epochDayOfIsoDate('2025-06-11') : label.includes('2026-01-14') ? epochDayOfIsoDate('2026-01-14') : epochDayOfIsoDate('2026-11-15');
    const { starts } = emergingWindow(end, undefined, 13);
    const direct = await db.runner.rows<StepCount>(String(cellStepCountsQuery(size, starts, shape)(filter)));
    const weeks = await db.runner.rows<WeekCount>(String(cellWeekCountsQuery(size, shape)(filter)));
    const summed = stepCountsFromWeeks(weeks.map((w) => ({ ...w, ix: Number(w.ix), iy: Number(w.iy), week: Number(w.week) })), starts);
    expect(direct.length).toBeGreaterThan(50);
    expect(sorted(summed)).toEqual(sorted(direct));
  });

  it('leaves out weeks outside the window and puts each week in the step holding its Monday', () => {
    const starts = [7, 21, 42]; // two steps: [7, 21) and [21, 42) (a three-week step)
    const weeks: WeekCount[] = [0, 7, 14, 21, 28, 35, 42].map((week) => ({ ix: 1, iy: 2, week, n: 1, key: 3 }));
    expect(sorted(stepCountsFromWeeks(weeks, starts))).toEqual([{ ix: 1, iy: 2, step: 0, n: 2, key: 6 }, { ix: 1, iy: 2, step: 1, n: 3, key: 9 }]);
  });

  const byCell = (rows: CellCount[]) =>
    rows.map((r) => ({ ix: Number(r.ix), iy: Number(r.iy), n: Number(r.n), key: Number(r.key) })).sort((a, b) => a.ix - b.ix || a.iy - b.iy);

  // The Karta's week slider: one ISO week clipped to the data, several weeks, all time; DuckDB counts them directly.
  it.each([
    ['the ISO week of 2025-06-11, 250 m squares', 250, 'square' as CellShape, '2025-06-09', '2025-06-15'],
    ['three weeks across the new year, 500 m hexagons', 500, 'hex' as CellShape, '2025-12-22', '2026-01-11'],
    ['all time, 125 m squares', 125, 'square' as CellShape, null, null],
  ])('the cells of %s, summed from weeks, are the cells DuckDB counts', async (_label, size, shape, from, to) => {
    const [extent] = await db.runner.rows<{ from: number; to: number }>('SELECT min(epoch_day) AS "from", max(epoch_day) AS "to" FROM incidents');
    const period = from && to ? { from: epochDayOfIsoDate(from), to: epochDayOfIsoDate(to) } : undefined;
    const weeks = wholeWeeksOf(period, { from: Number(extent.from), to: Number(extent.to) });
    expect(weeks).not.toBeNull();
    const filter = period ? [`epoch_day BETWEEN ${period.from} AND ${period.to}`] : [];
    const direct = await db.runner.rows<CellCount>(String(cellCountsQuery(size, shape)(filter)));
    const rows = await db.runner.rows<WeekCount>(String(cellWeekCountsQuery(size, shape)([])));
    const summed = periodCountsFromWeeks(rows.map((w) => ({ ...w, ix: Number(w.ix), iy: Number(w.iy), week: Number(w.week) })), weeks!);
    expect(direct.length).toBeGreaterThan(period ? 5 : 50);
    expect(byCell(summed)).toEqual(byCell(direct));
  });

  // The Karta's status line (point / area only / none) on a week step: summed from counts per precision and week.
  it.each([
    ['the ISO week of 2025-06-11', '2025-06-09', '2025-06-15', []],
    ['three weeks across the new year, one category', '2025-12-22', '2026-01-11', ["category = 'Skadegörelse'"]],
    ['all time', null, null, []],
  ])('how the incidents of %s are located, summed from weeks, is what DuckDB counts', async (_label, from, to, other) => {
    const [extent] = await db.runner.rows<{ from: number; to: number }>('SELECT min(epoch_day) AS "from", max(epoch_day) AS "to" FROM incidents');
    const period = from && to ? { from: epochDayOfIsoDate(from), to: epochDayOfIsoDate(to) } : undefined;
    const weeks = wholeWeeksOf(period, { from: Number(extent.from), to: Number(extent.to) })!;
    const direct = await db.runner.rows<{ precision: string; n: number; key: number }>(String(precisionCountsQuery([...other, ...(period ? [`epoch_day BETWEEN ${period.from} AND ${period.to}`] : [])])));
    const rows = await db.runner.rows<{ precision: string; week: number | null; n: number; key: number }>(String(precisionWeekCountsQuery(other)));
    const summed = sumWeeksBy(rows, weeks, (r) => r.precision).map((r) => ({ precision: r.group, n: r.n, key: r.key }));
    const norm = (list: { precision: string; n: number | bigint; key: number | bigint }[]) => list.map((r) => ({ precision: r.precision, n: Number(r.n), key: Number(r.key) })).sort((a, b) => a.precision.localeCompare(b.precision));
    expect(direct.length).toBeGreaterThanOrEqual(2);
    expect(norm(summed)).toEqual(norm(direct));
  });

  it('counts a row without a date only when the period is unbounded, as the SQL period filter', () => {
    const rows = [{ g: 'a', week: null, n: 5, key: 1 }, { g: 'a', week: 7, n: 2, key: 2 }, { g: 'b', week: 14, n: 1, key: 4 }];
    expect(sumWeeksBy(rows, { first: null, last: null }, (r) => r.g)).toEqual([{ group: 'a', n: 7, key: 3 }, { group: 'b', n: 1, key: 4 }]);
    expect(sumWeeksBy(rows, { first: 7, last: 7 }, (r) => r.g)).toEqual([{ group: 'a', n: 2, key: 2 }]);
    expect(sumWeeksBy(rows, { first: 14, last: null }, (r) => r.g)).toEqual([{ group: 'b', n: 1, key: 4 }]);
  });

  it('takes a period as whole weeks only when it cuts no week short inside the data', () => {
    const data = { from: epochDayOfIsoDate('2024-01-03'), to: epochDayOfIsoDate('2026-11-18') }; // a Wednesday each
    const day = epochDayOfIsoDate;
    // A week, Monday to Sunday; the data's first week clipped to its first day; the last clipped to its last.
    expect(wholeWeeksOf({ from: day('2025-06-09'), to: day('2025-06-15') }, data)).toEqual({ first: day('2025-06-09'), last: day('2025-06-09') });
    expect(wholeWeeksOf({ from: data.from, to: day('2024-01-07') }, data)).toEqual({ first: day('2024-01-01'), last: day('2024-01-01') });
    expect(wholeWeeksOf({ from: day('2026-11-16'), to: data.to }, data)).toEqual({ first: day('2026-11-16'), last: day('2026-11-16') });
    // A brushed range of days cuts its weeks: counted by DuckDB.
    expect(wholeWeeksOf({ from: day('2025-06-10'), to: day('2025-06-15') }, data)).toBeNull();
    expect(wholeWeeksOf({ from: day('2025-06-09'), to: day('2025-06-14') }, data)).toBeNull();
    expect(wholeWeeksOf(undefined, data)).toEqual({ first: null, last: null });
  });
});

// Trender's week × hour heat map: incidents per ISO weekday and hour (and those without a time of day), and its chart.
import { formatCount, type Language } from '../../lib/format';
import { isProtected, publishList, type PublishedCount } from '../../lib/disclosure/publish';
import type { DisclosureRule } from '../../lib/disclosure/suppression';
import type { ChartOption } from '../../components/echart';

/** `hour` null: the file gave no time of day (trends.query.ts weekdayHourQuery). */
export interface WeekHourRow { dow: number; hour: number | null; n: number; key: number | bigint }

/** The column of incidents without a time of day, when there are any (after the 24 hours). */
export const NO_TIME_COLUMN = 24;

/**
 * Weekday (rows, Monday first) × hour (columns 0–23): the counts and their key sums, and — only when some incident
 * has no time of day — a 25th column of those (`untimed`), so they are neither midnight incidents nor missing from
 * a table that adds up to the incident total (public view suppresses it as one table with its margins; an all-zero
 * column would have forced a hidden cell into every row).
 */
export function weekHourMatrix(rows: WeekHourRow[]): { counts: number[][]; keys: number[][]; untimed: boolean } {
  const untimed = rows.some((r) => r.hour === null && r.n > 0);
  const width = untimed ? NO_TIME_COLUMN + 1 : 24;
  const counts = Array.from({ length: 7 }, () => Array.from({ length: width }, () => 0));
  const keys = Array.from({ length: 7 }, () => Array.from({ length: width }, () => 0));
  for (const r of rows) {
    const column = r.hour === null ? (untimed ? NO_TIME_COLUMN : -1) : r.hour;
    if (r.dow >= 1 && r.dow <= 7 && column >= 0 && column < width) { counts[r.dow - 1][column] += r.n; keys[r.dow - 1][column] += Number(r.key); }
  }
  return { counts, keys, untimed };
}

/**
 * The matrix as public view shows it. The cells add up to the incident total shown elsewhere, and no weekday or hour
 * total is shown anywhere, so they are one list with that total: as a table with margins it hid cells to protect
 * totals nobody sees (helper-69: six "dold" cells of 5–7 for Rån).
 */
export function publishWeekHour(m: { counts: number[][]; keys: number[][] }, rule: DisclosureRule | null): PublishedCount[][] {
  const width = m.counts[0]?.length ?? 0;
  const flat = publishList(m.counts.flat(), m.keys.flat(), rule, true).values;
  return m.counts.map((_, d) => flat.slice(d * width, (d + 1) * width));
}

/** `matrix` as published: hidden cells (null, PROTECTED) are drawn grey with their mark (`hidden`, `protectedText`). */
export function weekHourOption(published: PublishedCount[][], dayNames: string[], language: Language, hidden = '–', protectedText = hidden): ChartOption {
  // The heat map is of the 24 hours; incidents without a time of day are in the table's own column.
  const hours = published.map((row) => row.slice(0, 24));
  const matrix = hours.map((row) => row.map((v) => (typeof v === 'number' ? v : null)));
  const max = Math.max(1, ...matrix.flat().map((v) => v ?? 0));
  const mark = (v: PublishedCount) => (isProtected(v) ? protectedText : hidden);
  // Public view: a hidden cell is grey with its "<5" or "dold", not left blank like an hour with nothing in the data
  // (helper-68: a "dold" cell looked empty).
  const hiddenCells = hours.flatMap((row, d) => row.flatMap((v, h) => (typeof v === 'number' ? [] : [{ value: [h, d, 0], label: { formatter: mark(v) } }])));
  return {
    grid: { left: 56, right: 16, top: 8, bottom: 64 },
    tooltip: { position: 'top', formatter: (p: { value: [number, number, number | null]; seriesIndex: number }) => `${dayNames[p.value[1]]} ${String(p.value[0]).padStart(2, '0')}–${String(p.value[0] + 1).padStart(2, '0')}: ${p.seriesIndex === 1 ? mark(hours[p.value[1]][p.value[0]]) : formatCount(p.value[2], language)}` },
    xAxis: { type: 'category', data: Array.from({ length: 24 }, (_, h) => String(h).padStart(2, '0')), splitArea: { show: true } },
    yAxis: { type: 'category', data: dayNames, inverse: true, splitArea: { show: true } },
    visualMap: { min: 0, max, calculable: false, seriesIndex: 0, orient: 'horizontal', left: 'center', bottom: 0, inRange: { color: ['#f7fbff', '#6baed6', '#08306b'] }, text: [formatCount(max, language), '0'], itemHeight: 120 }, // the scale's ends in numbers (helper-69)
    series: [
      { type: 'heatmap', data: matrix.flatMap((row, d) => row.flatMap((n, h) => (n === null ? [] : [[h, d, n]]))), emphasis: { itemStyle: { borderColor: '#000', borderWidth: 1 } } },
      ...(hiddenCells.length ? [{ type: 'heatmap', data: hiddenCells, itemStyle: { color: '#dee2e6' }, label: { show: true, fontSize: 9, color: '#4a5563' } }] : []),
    ],
  };
}

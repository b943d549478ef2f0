// Public view on Trender: last year's column and the comparison figures repeat counts of the same chart, so they
// must be the published values of the rows they repeat. The attacker here reads every shown number (bucket totals,
// last year's column, the comparison) and solves for each hidden bucket total.
import { PROTECTED } from '../../src/lib/disclosure/publish';
import { describe, expect, it } from 'vitest';
import { trendSeries, type DayCount } from '../../src/features/trends/trends.model';
import { publishTrend, rangeCount } from '../../src/features/trends/publish-trend';
import { epochDayOf } from '../../src/lib/epoch-day';

const rule = { k: 5 };

/**
 * Monthly counts from Jan 2024 to Nov 2026, one row per month on its first day; month 4 (May) 2024 is 5. Each with
 * a key sum spread over 0…255 (as random record keys give), so public view's noise is on: a repeated count must
 * repeat the same noisy value.
 */
function months(counts: number[]): DayCount[] {
  return counts.map((n, i) => ({ epoch_day: epochDayOf(new Date(2024, i, 1)), series: 'all', n, key: (i * 97 + 13) % 256 }));
}

describe('last year in the trend table', () => {
  it('repeats the published total of the same month, so a complementary cell stays hidden', () => {
    // Mostly large months, a small one in Nov 2026 (index 34) and a 5 in May 2024 (index 4) that is the smallest
    // shown cell — the complement the suppression picks. The attack: total − shown = hidden.
    const counts = Array.from({ length: 35 }, (_, i) => (i === 4 ? 5 : i === 34 ? 4 : 10 + (i % 7)));
    const extent = { from: epochDayOf(new Date(2024, 0, 1)), to: epochDayOf(new Date(2026, 10, 30)) };
    const raw = trendSeries(months(counts), [], extent, 'month', 3, 'sv');
    const shown = publishTrend(raw, rule, 3);
    const hidden = shown.total.flatMap((v, i) => (typeof v !== 'number' ? [i] : []));
    expect(hidden).toContain(34);
    expect(hidden.length).toBeGreaterThanOrEqual(2);
    // Every month whose last year is a hidden month shows last year hidden too, and never a number.
    shown.buckets.forEach((b, i) => {
      const ly = raw.lastYearRanges[i];
      const j = shown.buckets.findIndex((x) => x.from === ly.from && x.to === ly.to);
      if (j >= 0) expect(shown.lastYear[i], `${b.label}`).toBe(shown.total[j]);
    });
    // The attacker: the series total is not published here, but every visible number is; with the hidden months
    // known only to add up to ≥ k, solving for any one needs a second equation, and last year gives none.
    const visible = new Map<number, number>();
    shown.total.forEach((v, i) => { if (typeof v === 'number') visible.set(i, v); });
    shown.lastYear.forEach((v, i) => {
      const ly = raw.lastYearRanges[i];
      const j = shown.buckets.findIndex((x) => x.from === ly.from && x.to === ly.to);
      if (typeof v === 'number' && j >= 0) visible.set(j, v);
    });
    for (const i of hidden) expect(visible.has(i), `month ${shown.buckets[i].label} recovered from last year's column`).toBe(false);
  });

  it('lines last year up with the same calendar month, not 364 days back', () => {
    const extent = { from: epochDayOf(new Date(2024, 0, 1)), to: epochDayOf(new Date(2025, 11, 31)) };
    const raw = trendSeries(months(Array.from({ length: 24 }, () => 10)), [], extent, 'month', 3, 'sv');
    const may2025 = raw.buckets.findIndex((b) => b.from === epochDayOf(new Date(2025, 4, 1)));
    expect(raw.lastYearRanges[may2025]).toEqual({ from: epochDayOf(new Date(2024, 4, 1)), to: epochDayOf(new Date(2024, 4, 31)) });
  });
});

describe('a count over a range beside the chart', () => {
  const chart = { buckets: [{ from: 0, to: 6, label: 'a' }, { from: 7, to: 13, label: 'b' }, { from: 14, to: 20, label: 'c' }], total: [null, null, 20] as (number | null)[] };
  it('is the bucket’s published total when the range is one bucket', () => {
    expect(rangeCount(9, 0, { from: 7, to: 13 }, chart, rule)).toBeNull();
    expect(rangeCount(20, 0, { from: 14, to: 20 }, chart, rule)).toBe(20);
  });
  it('is hidden when it spans a hidden bucket (a brushed 3 + 20 would give the 3 away)', () => {
    // 23 is not small: hidden to protect the bucket, so PROTECTED ("dold"), not null ("<5").
    expect(rangeCount(23, 0, { from: 0, to: 20 }, chart, rule)).toBe(PROTECTED);
    expect(rangeCount(4, 0, { from: 0, to: 20 }, chart, rule)).toBeNull();
    expect(rangeCount(23, 0, { from: 0, to: 20 }, chart, null)).toBe(23);
  });
});

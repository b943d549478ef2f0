// Översikt in public view: the weekly table and the Händelser key figure beside it. With a period filter the
// key figure is the sum of the weeks inside the period, so those weeks and the key figure are one table: a week
// hidden alone among them would be the key figure minus the others (the tester's case: 12 − 8 = 4).
import { describe, expect, it } from 'vitest';
import { publishWeeks, selectionEndedWeek } from '../../src/features/overview/overview.model';
import { PROTECTED, type PublishedCount } from '../../src/lib/disclosure/publish';

const rule = { k: 5 };
// Keys of 0: no public-view noise (lib/disclosure/cell-key.ts), so what is tested here is the pattern of hiding.
const week = (i: number, incidents: number) => ({ weekDay: i * 7, label: `v${i}`, incidents, key: 0, covered: 7 });

/** Every assignment of the hidden weeks in the period (below k for "<k", k … 60 for "dold") that fits the shown key figure. */
function completions(weeks: PublishedCount[], inside: number[], keyFigure: PublishedCount | undefined): number[][] {
  const hidden = inside.filter((i) => typeof weeks[i] !== 'number');
  const shownSum = inside.reduce((s, i) => s + (typeof weeks[i] === 'number' ? (weeks[i] as number) : 0), 0);
  const fits: number[][] = [];
  const walk = (j: number, acc: number[]) => {
    if (j === hidden.length) {
      if (typeof keyFigure !== 'number' || shownSum + acc.reduce((s, v) => s + v, 0) === keyFigure) fits.push(acc);
      return;
    }
    const [lo, hi] = weeks[hidden[j]] === null ? [0, rule.k - 1] : [rule.k, 60];
    for (let x = lo; x <= hi; x++) walk(j + 1, [...acc, x]);
  };
  walk(0, []);
  return fits;
}

describe('Översikt: weeks inside the period and the key figure are published together', () => {
  it('the tester’s case: v. 19 = 4, v. 20 = 8, key figure 12 — v. 19 cannot be worked out as 12 − 8', () => {
    // Weeks 0–3 outside the period, 4 and 5 inside (the period is those two whole weeks). Week 1 (2) is the
    // complement a single list over all weeks picks, which left week 5 (8) shown beside the key figure 12.
    const series = [week(0, 30), week(1, 2), week(2, 40), week(3, 22), week(4, 4), week(5, 8)];
    const period = { from: 28, to: 41 };
    const { weeks, periodTotal } = publishWeeks(series, period, rule);
    const shown = weeks.map((w) => w.incidents);
    expect(shown[4]).toBeNull(); // 4 is small: "<5"
    expect(shown[5]).toBe(PROTECTED); // 8 is hidden to protect it: "dold", not "<5"
    // Try every value of the hidden weeks: more than one fits the key figure, so none is determined.
    const fits = completions(shown, [4, 5], periodTotal);
    expect(fits.length).toBeGreaterThan(1);
    expect(new Set(fits.map((f) => f[0])).size).toBeGreaterThan(1);
    // Outside the period: week 1 (2) stays hidden, and one more week (22, "dold") with it, else week 1 would be the
    // series total minus the shown weeks minus the key figure. The other weeks are shown.
    expect(shown.slice(0, 4)).toEqual([30, null, 40, PROTECTED]);
  });

  it('no hidden week inside any period is determined by the key figure (exhaustive over small cases)', () => {
    let hiddenSeen = 0;
    for (let a = 0; a <= 10; a++) for (let b = 0; b <= 10; b++) for (let c = 0; c <= 10; c++) {
      const series = [week(0, 20), week(1, a), week(2, b), week(3, c), week(4, 15)];
      for (const period of [{ from: 7, to: 20 }, { from: 7, to: 27 }, { from: 14, to: 34 }]) {
        const { weeks, periodTotal } = publishWeeks(series, period, rule);
        const shown = weeks.map((w) => w.incidents);
        const inside = series.flatMap((p, i) => (p.weekDay + 6 >= period.from && p.weekDay <= period.to ? [i] : []));
        const hidden = inside.filter((i) => typeof shown[i] !== 'number');
        if (hidden.length === 0) continue;
        hiddenSeen++;
        // Every hidden count of k or more is marked PROTECTED, every small one null.
        for (const i of hidden) expect(shown[i]).toBe(series[i].incidents < rule.k ? null : PROTECTED);
        const fits = completions(shown, inside, periodTotal);
        const truth = hidden.map((i) => series[i].incidents);
        // A leak: only one completion fits, and it is the truth (for each hidden week, its value set has one member).
        hidden.forEach((_, j) => {
          const values = new Set(fits.map((f) => f[j]));
          expect(values.size, `${JSON.stringify(series.map((s) => s.incidents))} period ${JSON.stringify(period)}: week ${hidden[j]} = ${truth[j]}`).toBeGreaterThan(1);
        });
      }
    }
    expect(hiddenSeen).toBeGreaterThan(0);
  });

  it('publishes the key figure on its own when the period is not whole weeks (a day of 0 read "dold", helper-64)', () => {
    // Week 1 (days 7–13) has 7 incidents; the period is its Tuesday alone. The key figure counts that day, not the
    // week, so it is not the week's "dold" or number: publishWeeks leaves it to the view (undefined).
    const series = [week(0, 30), week(1, 7), week(2, 40)];
    for (const period of [{ from: 8, to: 8 }, { from: 7, to: 12 }, { from: 3, to: 13 }, { from: 8, to: 20 }]) {
      expect(publishWeeks(series, period, rule).periodTotal, JSON.stringify(period)).toBeUndefined();
      expect(publishWeeks(series, period, null).periodTotal, JSON.stringify(period)).toBeUndefined();
    }
    // Whole weeks, also cut by the series' ends (days before its first week hold no data): the sum of the weeks.
    for (const period of [{ from: 7, to: 13 }, { from: 0, to: 20 }, { from: -30, to: 13 }, { from: 14, to: 400 }]) {
      const inside = series.filter((p) => p.weekDay + 6 >= period.from && p.weekDay <= period.to).reduce((s, p) => s + p.incidents, 0);
      expect(publishWeeks(series, period, null).periodTotal, JSON.stringify(period)).toBe(inside);
      expect(publishWeeks(series, period, rule).periodTotal, JSON.stringify(period)).not.toBeUndefined();
    }
    // The data begins on a Wednesday (day 2) and ends on a Friday (day 18): a brush's weeks clipped to it are whole.
    const extent = { from: 2, to: 18 };
    expect(publishWeeks(series, { from: 2, to: 13 }, rule, extent).periodTotal).not.toBeUndefined();
    expect(publishWeeks(series, { from: 14, to: 18 }, rule, extent).periodTotal).not.toBeUndefined();
    expect(publishWeeks(series, { from: 3, to: 13 }, rule, extent).periodTotal).toBeUndefined();
  });

  it('passes everything through without a rule, and without a period the key figure is the series total', () => {
    const series = [week(0, 3), week(1, 9)];
    expect(publishWeeks(series, undefined, null).periodTotal).toBe(12);
    const { weeks, periodTotal } = publishWeeks(series, undefined, rule);
    expect(weeks.map((w) => w.incidents)).toEqual([null, PROTECTED]);
    expect(periodTotal).toBe(12);
  });
});

describe('Översikt: the latest-week line shows the two weeks as the weekly table does', () => {
  it('the tester’s case: v. 10–13 = 10, 3, 5, 9 — v. 12 hidden ("dold") in the table is not printed in the line', async () => {
    const { weekPairAsShown } = await import('../../src/features/overview/overview.model');
    const series = [week(0, 10), week(1, 3), week(2, 5), week(3, 9)];
    const { weeks } = publishWeeks(series, undefined, rule);
    // The table: v. 11 below k, and one more week hidden so that 25 − the rest does not give it.
    expect(weeks[1].incidents).toBeNull();
    expect(weeks.filter((w) => typeof w.incidents !== 'number').length).toBeGreaterThanOrEqual(2);
    const pair = weekPairAsShown(weeks, { current: { from: 21 }, previous: { from: 14 } }, rule);
    // Exactly what the table shows for those two weeks, hidden or not (the line printed v. 12 = 5 beside "dold").
    expect(pair).toEqual({ current: weeks[3].incidents, previous: weeks[2].incidents });
    // No shown count in the table and line together lets the hidden v. 11 be recovered: every completion of the
    // hidden weeks that fits the total is still possible with v. 11 anywhere in 0–4.
    const shown = new Map<number, PublishedCount>(weeks.map((w, i) => [i, w.incidents]));
    shown.set(2, pair.previous);
    shown.set(3, pair.current);
    const fits = completions([...shown.values()], [0, 1, 2, 3], 27);
    expect(new Set(fits.map((f) => f[0])).size).toBeGreaterThan(1);
  });

  it('a week before the series (the data began after it) is none, published like any count', async () => {
    const { weekPairAsShown } = await import('../../src/features/overview/overview.model');
    const { weeks } = publishWeeks([week(3, 9)], undefined, null);
    expect(weekPairAsShown(weeks, { current: { from: 21 }, previous: { from: 14 } }, null)).toEqual({ current: 9, previous: 0 });
    expect(weekPairAsShown(publishWeeks([week(3, 9)], undefined, rule).weeks, { current: { from: 21 }, previous: { from: 14 } }, rule).previous).toBeNull();
  });
});

describe('Översikt: the latest weeks at 0 under a filter whose rows ended earlier', () => {
  // Weeks of 7 days from day 0; the data's last day is the last week's Sunday.
  const weeks = (counts: number[]) => counts.map((n, i) => ({ ...week(i, n), label: `v${i}` }));
  it('names the last week with any when the empty stretch is beyond chance at the selection’s rate', () => {
    // 20 weeks of ~10 a week, then 8 empty weeks: the source stopped.
    const stopped = weeks([...Array(20).fill(10), ...Array(8).fill(0)]);
    expect(selectionEndedWeek(stopped, 26 * 7, 28 * 7 - 1)).toBe('v19');
    // A hidden count is no count: never named as the last week with any.
    expect(selectionEndedWeek([...stopped.slice(0, 19), { ...stopped[19], incidents: null }, ...stopped.slice(20)], 26 * 7, 28 * 7 - 1)).toBe('v18');
  });
  it('says nothing when chance explains the empty weeks (7 robberies in 150 weeks, 12 empty)', () => {
    const rare = weeks(Array.from({ length: 150 }, (_, i) => ([3, 25, 50, 80, 101, 120, 137].includes(i) ? 1 : 0)));
    expect(selectionEndedWeek(rare, 148 * 7, 150 * 7 - 1)).toBeNull();
    expect(selectionEndedWeek(weeks(Array(10).fill(0)), 8 * 7, 10 * 7 - 1)).toBeNull();
  });
});

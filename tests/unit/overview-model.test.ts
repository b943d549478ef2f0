import { describe, expect, it } from 'vitest';
import { brushToDayRange, categoryChartOption, sortCategories, weeklySeries } from '../../src/features/overview/overview.model';
import { epochDayOf } from '../../src/lib/epoch-day';

describe('Översikt model', () => {
  const monday = epochDayOf(new Date(2026, 0, 5)); // ISO week 2 2026
  const extent = { from: monday + 2, to: monday + 20 };

  it('fills weeks without incidents with zero and labels them with ISO weeks', () => {
    const series = weeklySeries([{ week_day: monday + 7, incidents: 4, key: 0 }], extent, 'sv');
    expect(series.map((p) => p.label)).toEqual(['v. 2 2026', 'v. 3 2026', 'v. 4 2026']);
    expect(series.map((p) => p.incidents)).toEqual([0, 4, 0]);
  });

  it('turns a brush over bars into whole weeks clipped to the data', () => {
    const series = weeklySeries([], extent, 'sv');
    expect(brushToDayRange([2, 0], series, extent)).toEqual({ from: extent.from, to: extent.to });
    expect(brushToDayRange([1, 1], series, extent)).toEqual({ from: monday + 7, to: monday + 13 });
  });

  it('orders categories by count, then name, and greys the unselected ones', () => {
    const rows = sortCategories([{ category: 'Rån', incidents: 3, key: 0 }, { category: 'Stöld', incidents: 9, key: 0 }, { category: 'Hot', incidents: 3, key: 0 }]);
    expect(rows.map((r) => r.category)).toEqual(['Stöld', 'Hot', 'Rån']);
    const option = categoryChartOption(rows, 'Hot', 'sv') as { series: { data: { itemStyle: { color: string } }[] }[] };
    const colours = option.series[0].data.map((d) => d.itemStyle.color);
    expect(colours[1]).not.toBe(colours[0]);
    expect(colours[0]).toBe(colours[2]);
  });
});

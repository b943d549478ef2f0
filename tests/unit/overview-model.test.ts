import { describe, expect, it } from 'vitest';
import { brushToDayRange, categoryChartOption, isPartialWeek, sortCategories, weeklyChartOption, weeklySeries } from '../../src/features/overview/overview.model';
import { epochDayOf, epochDayOfIsoDate as d } from '../../src/lib/epoch-day';

describe('Översikt model', () => {
  const monday = epochDayOf(new Date(2026, 0, 5)); // ISO week 2 2026
  const extent = { from: monday + 2, to: monday + 20 };

  it('fills weeks without incidents with zero and labels them with ISO weeks', () => {
    const series = weeklySeries([{ week_day: monday + 7, incidents: 4, key: 0 }], extent, 'sv');
    expect(series.map((p) => p.label)).toEqual(['v. 2 2026', 'v. 3 2026', 'v. 4 2026']);
    expect(series.map((p) => p.incidents)).toEqual([0, 4, 0]);
  });

  it('counts the days of each week the data covers, and draws a week the data begins or ends inside pale with its days in the tooltip (a tester)', () => {
    // The tester's file: Wednesday 2026-03-11 to Wednesday 2026-06-17 — v. 11 from its Wednesday (5 days), v. 25 to its
    // Wednesday (3 days); 12 incidents in v. 25's 3 days looked like v. 24's whole week of 12.
    const data = { from: d('2026-03-11'), to: d('2026-06-17') };
    const series = weeklySeries([{ week_day: d('2026-06-08'), incidents: 12, key: 0 }, { week_day: d('2026-06-15'), incidents: 12, key: 0 }], data, 'sv');
    expect(series[0]).toMatchObject({ label: 'v. 11 2026', covered: 5 });
    expect(series[series.length - 1]).toMatchObject({ label: 'v. 25 2026', covered: 3, incidents: 12 });
    expect(series.slice(1, -1).every((p) => p.covered === 7 && !isPartialWeek(p))).toBe(true);
    expect(series.filter(isPartialWeek).map((p) => p.label)).toEqual(['v. 11 2026', 'v. 25 2026']);
    const option = weeklyChartOption(series, 'sv', '–', undefined, (covered) => `data för ${covered} av 7 dagar`) as unknown as {
      series: { data: (number | { value: number; itemStyle: { opacity: number } })[] }[];
      tooltip: { formatter: (p: unknown) => string };
    };
    const bars = option.series[0].data;
    expect(bars[bars.length - 2]).toBe(12); // v. 24, whole
    expect(bars[bars.length - 1]).toMatchObject({ value: 12, itemStyle: { opacity: 0.45 } });
    expect(option.tooltip.formatter([{ dataIndex: series.length - 1, marker: '' }])).toBe('v. 25 2026<br/>data för 3 av 7 dagar<br/>12');
    expect(option.tooltip.formatter([{ dataIndex: series.length - 2, marker: '' }])).toBe('v. 24 2026<br/>12');
  });

  it('offers only the brush buttons a period can use: the horizontal span and clearing (a rectangle or lasso gave a 2-D range)', () => {
    const option = weeklyChartOption(weeklySeries([], extent, 'sv'), 'sv', '–') as unknown as { brush: { toolbox: string[]; brushType: string } };
    expect(option.brush.toolbox).toEqual(['lineX', 'clear']);
    expect(option.brush.brushType).toBe('lineX');
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
    // The tooltip's heading is the series name: the reader's word, never the code's "incidents" (helper-62).
    expect((categoryChartOption(rows, 'Hot', 'sv', '–', undefined, 'Händelser') as { series: { name: string }[] }).series[0].name).toBe('Händelser');
    expect((categoryChartOption(rows, 'Hot', 'sv') as { series: { name: string }[] }).series[0].name).not.toBe('incidents');
  });

  it('labels a hidden bar "<5" or "dold" on a bar of 0, never leaving it blank (helper-65: a hidden Rån of 737 read as none)', async () => {
    const { PROTECTED } = await import('../../src/lib/disclosure/publish');
    const rows = [{ category: 'Stöld', incidents: 912, key: 0 }, { category: 'Rån', incidents: PROTECTED, key: 0 }, { category: 'Övriga kategorier', incidents: null, key: 0 }];
    const option = categoryChartOption(rows, undefined, 'sv', '<5', 'dold') as { series: { data: { value: number | null }[]; label: { formatter: (p: { dataIndex: number }) => string } }[]; tooltip: { valueFormatter: (v: unknown, i?: number) => string } };
    expect(option.series[0].data.map((d) => d.value)).toEqual([912, 0, 0]);
    expect([0, 1, 2].map((dataIndex) => option.series[0].label.formatter({ dataIndex }))).toEqual(['912', 'dold', '<5']);
    expect(option.tooltip.valueFormatter(0, 1)).toBe('dold');
    // Behind each hidden one a pale bar as long as the longest shown (helper-68: a bare 0-length bar still read as 0).
    const pale = (option.series as unknown as { silent?: boolean; data: ({ value: number } | null)[] }[]).find((x) => x.silent)!;
    expect(pale.data.map((d) => d?.value ?? null)).toEqual([null, 912, 912]);
  });
});

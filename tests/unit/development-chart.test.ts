// The lägesbild's development chart: the legend's colour is the bars' (it showed ECharts' default blue beside navy
// bars), the period in focus is marked, and a hidden or missing count is a gap, never a zero bar.
import { describe, expect, it } from 'vitest';
import { developmentChartOption } from '../../src/features/lagesbild/development-chart.model';
import type { DevelopmentPoint } from '../../src/features/lagesbild/lagesbild.model';

const period = (firstWeek: number) => ({ unit: 'biweek' as const, year: 2026, firstWeek, lastWeek: firstWeek + 1, from: 0, to: 13, key: `2026-v${firstWeek}` });

describe('development chart option', () => {
  it('gives the bar series the colour of its bars, and no count as a gap', () => {
    const points = [41, 43, 45].map((w, i) => ({ period: period(w), current: [12, null, 30][i], lastYear: i === 0 ? undefined : 10 })) as unknown as DevelopmentPoint[];
    const option = developmentChartOption(points, { current: 'Alla händelser', lastYear: 'Förra året' }, 'sv') as { series: { itemStyle?: { color: string }; data: ({ value: number | null; itemStyle: { color: string } } | number | null)[] }[] };
    const bars = option.series[0];
    const data = bars.data as { value: number | null; itemStyle: { color: string } }[];
    expect(bars.itemStyle?.color).toBe(data[0].itemStyle.color);
    // The period in focus (the last) stands apart.
    expect(data[2].itemStyle.color).not.toBe(data[0].itemStyle.color);
    expect(data.map((d) => d.value)).toEqual([12, null, 30]);
    expect(option.series[1].data).toEqual([null, 10, 10]);
  });
});

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

  it('public view: a hidden period is a pale labelled bar, and the tooltip says "<5" or "dold" (a PROTECTED count went to ECharts as an object)', async () => {
    const { PROTECTED } = await import('../../src/lib/disclosure/publish');
    const points = [41, 43, 45].map((w, i) => ({ period: period(w), current: [null, PROTECTED, 30][i], lastYear: [null, 12, undefined][i] })) as unknown as DevelopmentPoint[];
    const option = developmentChartOption(points, { current: 'Alla händelser', lastYear: 'Förra året', hidden: { small: '<5', protected: 'dold' } }, 'sv') as {
      series: { name: string; data: ({ value: number | null; label?: { show: boolean; formatter?: string } } | number | null)[] }[];
      tooltip: { formatter: (p: unknown) => string };
    };
    expect((option.series[0].data as { value: number | null }[]).map((d) => d.value)).toEqual([null, null, 30]);
    expect(option.series.map((s) => s.name)).toEqual(['Alla händelser', 'dold', 'Förra året']);
    expect((option.series[1].data as ({ value: number; label: { formatter?: string } } | null)[]).map((d) => d && `${d.value}:${d.label.formatter}`)).toEqual(['30:<5', '30:dold', null]);
    const tip = (dataIndex: number) => option.tooltip.formatter([{ seriesIndex: 0, seriesName: 'Alla händelser', dataIndex, axisValueLabel: 'v' }, { seriesIndex: 1, seriesName: 'dold', dataIndex }, { seriesIndex: 2, seriesName: 'Förra året', dataIndex }]);
    expect(tip(0)).toBe('v<br/>Alla händelser: &lt;5<br/>Förra året: &lt;5');
    expect(tip(1)).toBe('v<br/>Alla händelser: dold<br/>Förra året: 12');
    expect(tip(2)).toBe('v<br/>Alla händelser: 30<br/>Förra året: –');
    // The analyst's view has no hidden bars.
    expect((developmentChartOption(points, { current: 'a', lastYear: 'b' }, 'sv') as { series: unknown[] }).series).toHaveLength(2);
  });
});

// Pure: the development chart's option — incidents per two-week period, the period in focus marked, and the
// same periods a year earlier as a line. Hidden counts (public view) are gaps, never zero bars.
import { formatPeriod, shortPeriodLabel } from '../../analysis/periods/report-periods';
import type { ChartOption } from '../../components/echart';
import { formatCount, type Language } from '../../lib/format';
import type { DevelopmentPoint } from './lagesbild.model';

export function developmentChartOption(points: DevelopmentPoint[], labels: { current: string; lastYear: string }, language: Language, large = false): ChartOption {
  const fontSize = large ? 20 : 12;
  const last = points.length - 1;
  return {
    grid: { left: large ? 70 : 50, right: 20, top: large ? 60 : 40, bottom: large ? 60 : 40 },
    legend: { top: 0, textStyle: { fontSize, color: '#111111' } },
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (typeof v === 'number' ? formatCount(v, language) : '–') },
    // A period the data covers only in part is starred here and pale below, and said under the chart.
    xAxis: { type: 'category', data: points.map((p) => `${shortPeriodLabel(p.period, language)}${p.partial ? '*' : ''}`), axisLabel: { fontSize, color: '#111111' }, name: points[0]?.period.unit === 'biweek' ? (language === 'sv' ? 'v.' : 'wk') : '', nameLocation: 'start', nameGap: 8,
      // On the row of the period labels, not at the axis line, where it read "v. 0" beside the y axis' 0 (a tester).
      nameTextStyle: { fontSize, color: '#111111', verticalAlign: 'top', padding: [large ? 10 : 8, 0, 0, 0] } },
    yAxis: { type: 'value', minInterval: 1, axisLabel: { fontSize, color: '#111111', formatter: (v: number) => formatCount(v, language) } },
    series: [
      {
        // The series' own colour is the legend's: without it the legend showed ECharts' default blue beside navy bars.
        name: labels.current, type: 'bar', itemStyle: { color: '#1d3557' },
        data: points.map((p, i) => ({ value: p.current ?? null, itemStyle: { color: i === last ? '#a4147f' : '#1d3557', ...(p.partial ? { opacity: 0.4, borderColor: '#1d3557', borderType: 'dashed', borderWidth: 1 } : {}) } })),
      },
      { name: labels.lastYear, type: 'line', data: points.map((p) => p.lastYear ?? null), connectNulls: false, lineStyle: { width: large ? 4 : 2, type: 'dashed', color: '#b35c00' }, itemStyle: { color: '#b35c00' }, symbolSize: large ? 10 : 6 },
    ],
    aria: { enabled: false },
  };
}

export function developmentLabel(p: DevelopmentPoint, language: Language): string {
  return formatPeriod(p.period, language);
}

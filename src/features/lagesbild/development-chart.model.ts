// Pure: the development chart's option — incidents per two-week period, the period in focus marked, and the
// same periods a year earlier as a line. Hidden counts (public view) are pale labelled bars, never zero bars.
import { formatPeriod, shortPeriodLabel } from '../../analysis/periods/report-periods';
import type { ChartOption } from '../../components/echart';
import { formatCount, type Language } from '../../lib/format';
import type { DevelopmentPoint } from './lagesbild.model';
import { isProtected, type PublishedCount } from '../../lib/disclosure/publish';
import { hiddenBarSeries, hiddenKinds, hiddenText } from '../../lib/hidden-bars';
import { htmlText } from '../../lib/html-text';

/**
 * `labels.hidden`: public view's marks ("<5", "dold"): a hidden period's bar is a pale labelled bar
 * (lib/hidden-bars.ts) and its tooltip says which — a PROTECTED count went to ECharts as an object, and the tooltip
 * said "–" of every hidden count.
 */
export function developmentChartOption(points: DevelopmentPoint[], labels: { current: string; lastYear: string; hidden?: { small: string; protected: string } }, language: Language, large = false): ChartOption {
  const fontSize = large ? 20 : 12;
  const last = points.length - 1;
  const value = (v: PublishedCount | undefined) => (typeof v === 'number' ? v : null);
  const text = (v: PublishedCount | undefined) => (typeof v === 'number' ? formatCount(v, language) : v === undefined || !labels.hidden ? '–' : isProtected(v) ? labels.hidden.protected : labels.hidden.small);
  const tallest = Math.max(0, ...points.map((p) => (typeof p.current === 'number' ? p.current : 0)));
  const hiddenBars = labels.hidden ? hiddenBarSeries(hiddenKinds([points.map((p) => p.current)], points.length), hiddenText(labels.hidden.small, labels.hidden.protected), tallest, labels.hidden.protected) : undefined;
  return {
    grid: { left: large ? 70 : 50, right: 20, top: large ? 60 : 40, bottom: large ? 60 : 40 },
    legend: { top: 0, textStyle: { fontSize, color: '#111111' } },
    // Each line by its own series' published count: "<5", "dold", or "–" for no data.
    tooltip: { trigger: 'axis', formatter: (params: unknown) => {
      const list = (Array.isArray(params) ? params : [params]) as { seriesIndex?: number; seriesName?: string; dataIndex?: number; marker?: string; axisValueLabel?: string }[];
      const p = points[list[0]?.dataIndex ?? -1];
      if (!p) return '';
      return [htmlText(list[0]?.axisValueLabel ?? ''), ...list.filter((l) => l.seriesName === labels.current || l.seriesName === labels.lastYear).map((l) => `${l.marker ?? ''}${htmlText(l.seriesName ?? '')}: ${htmlText(text(l.seriesName === labels.current ? p.current : p.lastYear))}`)].join('<br/>');
    } },
    // A period the data covers only in part is starred here and pale below, and said under the chart.
    xAxis: { type: 'category', data: points.map((p) => `${shortPeriodLabel(p.period, language)}${p.partial ? '*' : ''}`), axisLabel: { fontSize, color: '#111111' }, name: points[0]?.period.unit === 'biweek' ? (language === 'sv' ? 'v.' : 'wk') : '', nameLocation: 'start', nameGap: 8,
      // On the row of the period labels, not at the axis line, where it read "v. 0" beside the y axis' 0 (a tester).
      nameTextStyle: { fontSize, color: '#111111', verticalAlign: 'top', padding: [large ? 10 : 8, 0, 0, 0] } },
    yAxis: { type: 'value', minInterval: 1, axisLabel: { fontSize, color: '#111111', formatter: (v: number) => formatCount(v, language) } },
    series: [
      {
        // The series' own colour is the legend's: without it the legend showed ECharts' default blue beside navy bars.
        name: labels.current, type: 'bar', itemStyle: { color: '#1d3557' },
        data: points.map((p, i) => ({ value: value(p.current), itemStyle: { color: i === last ? '#a4147f' : '#1d3557', ...(p.partial ? { opacity: 0.4, borderColor: '#1d3557', borderType: 'dashed', borderWidth: 1 } : {}) } })),
      },
      ...(hiddenBars ? [hiddenBars] : []),
      { name: labels.lastYear, type: 'line', data: points.map((p) => value(p.lastYear)), connectNulls: false, lineStyle: { width: large ? 4 : 2, type: 'dashed', color: '#b35c00' }, itemStyle: { color: '#b35c00' }, symbolSize: large ? 10 : 6 },
    ],
    aria: { enabled: false },
  };
}

export function developmentLabel(p: DevelopmentPoint, language: Language): string {
  return formatPeriod(p.period, language);
}

// The single adapter around ECharts: everything else hands it an option object (built by a *.model.ts) and
// receives plain events back. Tests assert the options, not pixels. Animation is off: the numbers change on
// every brush and motion would only delay them.
import { BarChart, HeatmapChart, LineChart, ScatterChart } from 'echarts/charts';
import { BrushComponent, DataZoomComponent, GridComponent, LegendComponent, MarkAreaComponent, MarkLineComponent, ToolboxComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import langEN from 'echarts/lib/i18n/langEN.js';
import langSV from 'echarts/lib/i18n/langSV.js';
import { useEffect, useRef, type MutableRefObject } from 'react';
import { useLanguage } from '../lib/i18n/i18n';

// The brush component refers to the toolbox even when none is shown.
// ECharts' own texts (the brush buttons' titles, month names) in the app's language: its default is English only.
echarts.registerLocale('SV', langSV);
echarts.registerLocale('EN', langEN);
echarts.use([BarChart, LineChart, ScatterChart, HeatmapChart, VisualMapComponent, GridComponent, TooltipComponent, LegendComponent, BrushComponent, ToolboxComponent, DataZoomComponent, MarkAreaComponent, MarkLineComponent, CanvasRenderer]);

export type ChartOption = echarts.EChartsCoreOption;

interface Props {
  option: ChartOption;
  /** Accessible name; the chart's numbers are in the table beside it. */
  label: string;
  height?: number;
  /** Lets the user drag a range on the x axis; reports [firstIndex, lastIndex] of the category axis, or null when cleared. */
  onBrush?: (range: [number, number] | null) => void;
  /** Clicking a bar reports its category index. */
  onSelect?: (index: number) => void;
  /** When set, the brush is redrawn to this range (or cleared when null). */
  brushRange?: [number, number] | null;
  testId?: string;
  /** Filled with a way to take the chart as a PNG (data: URL) for the export buttons. */
  exportRef?: MutableRefObject<ChartExport | null>;
}

export interface ChartExport {
  png(): string;
}

/**
 * Disposes a chart even while it is painting. zrender paints a large series over several animation frames
 * (CanvasPainter._paintList re-queues itself under the same redraw id) and its dispose() does not cancel that: the
 * queued frame then reads the painter's cleared state and throws "Cannot read properties of null (reading
 * 'layerStack')" — seen when a page was left mid-paint (e2e url-filters). Changing the redraw id first makes the
 * queued frame return at its own guard (`this._redrawId !== redrawId`).
 */
function disposeChart(instance: echarts.ECharts): void {
  const painter = (instance.getZr() as unknown as { painter?: { _redrawId?: unknown } } | undefined)?.painter;
  if (painter) painter._redrawId = null;
  instance.dispose();
}

export function EChart({ option, label, height = 260, onBrush, onSelect, brushRange, testId, exportRef }: Props) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const handlers = useRef({ onBrush, onSelect });
  handlers.current = { onBrush, onSelect };
  const language = useLanguage();

  useEffect(() => {
    const el = element.current!;
    const instance = echarts.init(el, undefined, { renderer: 'canvas', locale: language === 'sv' ? 'SV' : 'EN' });
    chart.current = instance;
    instance.on('brushEnd', (event: unknown) => {
      const areas = (event as { areas?: { coordRange?: [number, number] }[] }).areas ?? [];
      // A span of the x axis; a rectangle's range is [[x0, x1], [y0, y1]] (BRUSH_TOOLS offers none, but never NaN).
      const raw = areas[0]?.coordRange as unknown as [number, number] | [[number, number], [number, number]] | undefined;
      const range = raw && Array.isArray(raw[0]) ? (raw[0] as [number, number]) : (raw as [number, number] | undefined);
      handlers.current.onBrush?.(range ? [Math.max(0, Math.round(range[0])), Math.round(range[1])] : null);
    });
    instance.on('click', (event: unknown) => {
      const { dataIndex } = event as { dataIndex?: number };
      if (dataIndex !== undefined) handlers.current.onSelect?.(dataIndex);
    });
    if (exportRef) exportRef.current = { png: () => instance.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#ffffff' }) };
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      disposeChart(instance);
      chart.current = null;
    };
    // A new language makes a new chart (ECharts takes its locale at init); the effects below then draw it again.
  }, [language]);

  // A new option redraws the whole chart; a moved brush only redraws the brush. Kept apart, a brush (which
  // re-renders the page with the new filter) costs no full redraw of the chart it was drawn on.
  const brushRef = useRef(brushRange);
  brushRef.current = brushRange;
  const drawBrush = (instance: echarts.ECharts, range: [number, number] | null | undefined) => {
    if (range === undefined) return;
    instance.dispatchAction({ type: 'brush', areas: range ? [{ brushType: 'lineX', xAxisIndex: 0, coordRange: range }] : [] });
  };
  useEffect(() => {
    const instance = chart.current!;
    instance.setOption({ animation: false, ...option }, { notMerge: true });
    if (onBrush) {
      instance.dispatchAction({ type: 'takeGlobalCursor', key: 'brush', brushOption: { brushType: 'lineX', brushMode: 'single' } });
    }
    drawBrush(instance, brushRef.current);
  }, [option, onBrush !== undefined, language]);
  useEffect(() => {
    drawBrush(chart.current!, brushRange);
  }, [brushRange?.[0], brushRange?.[1], brushRange === null, language]);

  return <div ref={element} role="img" aria-label={label} data-testid={testId} style={{ width: '100%', height }} />;
}

// The brush buttons ECharts puts in a chart's corner. Its default set (rectangle, lasso, keep, clear) offers shapes
// the period brush can't use: a rectangle or lasso reports a two-dimensional range, not a span of weeks. So only
// the horizontal span and clearing are offered — the same drag as on the chart itself, and a way to remove it.
export const BRUSH_TOOLS = { toolbox: ['lineX', 'clear'] } as const;

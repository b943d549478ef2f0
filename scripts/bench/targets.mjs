// The targets the benchmark is held to (issue #18; the area figure from #17), beside the figures they judge.
// A target applies at one row count; `ratio` is against native DuckDB on the same file in the same run, `max` is
// the figure's own unit. Figures without a target here have none.
const GB = 1024;
export const TARGETS = [
  { name: 'ingest CSV through the app', rows: 1_000_000, ratio: 3 },
  { name: 'ingest Parquet through the app', rows: 1_000_000, ratio: 3 },
  { name: 'ingest CSV through the app', rows: 5_000_000, ratio: 4 },
  { name: 'ingest Parquet through the app', rows: 5_000_000, ratio: 4 },
  { name: 'peak tab memory (renderer + DuckDB worker)', rows: 1_000_000, max: 1.2 * GB },
  { name: 'peak tab memory (renderer + DuckDB worker)', rows: 5_000_000, max: 3 * GB },
  { name: 'peak tab memory, Parquet import', rows: 5_000_000, max: 3 * GB },
  { name: 'cold start to first full Översikt (example)', rows: 0, max: 2000 },
  { name: 'second visit to first full Översikt (data stored)', rows: 0, max: 1200 },
  { name: 'map re-aggregation on period step, median', rows: 5_000_000, max: 300 },
  { name: 'map re-aggregation on cell size, median', rows: 5_000_000, max: 500 },
  { name: 'area assignment, points × polygons', rows: 1_000_000, max: 5000 },
  { name: '10M-row Parquet: loads, or a clear message before it is tried', rows: 10_000_000, max: 0, unit: 'crashes' },
];

/** The target for a figure, as text, and whether it is met; null when the figure has none at this row count. */
export function judge(figure) {
  const t = TARGETS.find((x) => x.name === figure.name && x.rows === (figure.size ?? figure.rows));
  if (!t) return null;
  if (t.ratio !== undefined) {
    return { target: `≤ ${t.ratio}× native`, met: typeof figure.ratio === 'number' && figure.ratio <= t.ratio };
  }
  const unit = t.unit ?? figure.unit;
  return { target: `≤ ${t.max} ${unit}`, met: typeof figure.value === 'number' && figure.value <= t.max };
}

/**
 * Each category's life in the data (lib/statistics/silent-stretch.ts: does it begin or end inside the compared
 * periods?): SQL rows name, rows, first_day, last_day (epoch days), over every day of the incidents matching `where`.
 */
export function categorySpansSql(where = 'TRUE'): string {
  return `SELECT category AS name, count(*)::INTEGER AS rows, min(epoch_day)::INTEGER AS first_day, max(epoch_day)::INTEGER AS last_day
    FROM incidents WHERE (${where}) AND category IS NOT NULL GROUP BY category ORDER BY category`;
}

/** The days the incidents span: the range every period control works within. */
export const INCIDENT_DAY_EXTENT = `SELECT min(epoch_day) AS first_day, max(epoch_day) AS last_day FROM incidents`;

/** The days the incidents matching `where` span: one row, first_day and last_day (epoch days, NULL without rows). */
export function incidentDayExtentSql(where = 'TRUE'): string {
  return `SELECT min(epoch_day)::INTEGER AS first_day, max(epoch_day)::INTEGER AS last_day FROM incidents WHERE ${where}`;
}

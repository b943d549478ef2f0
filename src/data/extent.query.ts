/** The days the incidents span: the range every period control works within. */
export const INCIDENT_DAY_EXTENT = `SELECT min(epoch_day) AS first_day, max(epoch_day) AS last_day FROM incidents`;

// The analyst's assessment of a lägesbild period. Written with parameters (the text is never part of the SQL);
// read through the coordinator, where the period key goes in as a quoted literal.
import { literal } from './sql-text';

/** The stored text and when it was saved, for one period key ("2026-v45-46"). */
export function readAssessmentSql(period: string): string {
  return `SELECT text, strftime(saved_at, '%Y-%m-%d %H:%M') AS saved_at FROM assessments WHERE period = ${literal(period)}`;
}
export const WRITE_ASSESSMENT = `INSERT OR REPLACE INTO assessments VALUES (?, ?, ?::TIMESTAMP)`;
export const DELETE_ASSESSMENT = `DELETE FROM assessments WHERE period = ?`;

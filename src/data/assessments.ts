// The analyst's written assessment, one per lägesbild period, kept in the database with the data (so "Rensa
// all data" removes it too). The text goes in as a parameter: it is never part of the SQL.
import type { Database } from './database';
import { DELETE_ASSESSMENT, WRITE_ASSESSMENT, readAssessmentSql } from './assessments.query';
import { readRows } from './row-reader';

export interface Assessment {
  text: string;
  savedAt: string | null;
}

export const MAX_ASSESSMENT_LENGTH = 10_000;

type AssessmentStore = Pick<Database, 'coordinator' | 'runner'>;

/** The stored assessment of a period (empty when none). Never cached: the app itself changes it between imports. */
export async function readAssessment(database: Pick<Database, 'coordinator'>, period: string): Promise<Assessment> {
  const [row] = await readRows<{ text: string; saved_at: string }>(database.coordinator, readAssessmentSql(period), { cache: false });
  return row ? { text: row.text, savedAt: row.saved_at } : { text: '', savedAt: null };
}

/** Saves (or, for empty text, removes) the assessment; returns it as stored. */
export async function writeAssessment(database: AssessmentStore, period: string, text: string, now: Date = new Date()): Promise<Assessment> {
  const trimmed = text.trim().slice(0, MAX_ASSESSMENT_LENGTH);
  if (trimmed === '') {
    await database.runner.run(DELETE_ASSESSMENT, [period]);
    return { text: '', savedAt: null };
  }
  const pad = (n: number) => String(n).padStart(2, '0');
  const local = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())} ${pad(now.getHours())}:${pad(now.getMinutes())}:${pad(now.getSeconds())}`;
  await database.runner.run(WRITE_ASSESSMENT, [period, trimmed, local]);
  return readAssessment(database, period);
}

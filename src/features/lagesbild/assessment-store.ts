// The analyst's written assessment, one per lägesbild period, kept in the database with the data (so "Rensa
// all data" removes it too). The text goes in as a parameter: it is never part of the SQL.
import type { SqlRunner } from '../../data/sql-runner';
import { DELETE_ASSESSMENT, READ_ASSESSMENT, WRITE_ASSESSMENT } from './lagesbild.query';

export interface Assessment {
  text: string;
  savedAt: string | null;
}

export const MAX_ASSESSMENT_LENGTH = 10_000;

export async function readAssessment(runner: SqlRunner, period: string): Promise<Assessment> {
  const [row] = await runner.rows<{ text: string; saved_at: string }>(READ_ASSESSMENT, [period]);
  return row ? { text: row.text, savedAt: row.saved_at } : { text: '', savedAt: null };
}

/** Saves (or, for empty text, removes) the assessment; returns it as stored. */
export async function writeAssessment(runner: SqlRunner, period: string, text: string, now: Date = new Date()): Promise<Assessment> {
  const trimmed = text.trim().slice(0, MAX_ASSESSMENT_LENGTH);
  if (trimmed === '') {
    await runner.rows(DELETE_ASSESSMENT, [period]);
    return { text: '', savedAt: null };
  }
  const pad = (n: number) => String(n).padStart(2, '0');
  const local = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())} ${pad(now.getHours())}:${pad(now.getMinutes())}:${pad(now.getSeconds())}`;
  await runner.rows(WRITE_ASSESSMENT, [period, trimmed, local]);
  return readAssessment(runner, period);
}

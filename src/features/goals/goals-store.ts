// The goals set is what the analysts' file says: importing replaces it, in one transaction.
import { insertGoals } from '../../data/goals-table';
import { inTransaction, type SqlRunner } from '../../data/sql-runner';
import type { GoalDefinition } from '../../data/tables';
import { DELETE_GOALS } from './goals.query';

export async function replaceGoals(runner: SqlRunner, goals: GoalDefinition[]): Promise<void> {
  await inTransaction(runner, async () => {
    await runner.exec(DELETE_GOALS);
    await insertGoals(runner, goals);
  });
}

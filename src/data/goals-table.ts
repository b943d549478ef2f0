// Writing goals to the `goals` table: the example loader and the goals feature (file import, editor) share it.
// Filters and per-area targets are stored as JSON text; `position` keeps the order the analysts chose.
import { inTransaction, type SqlRunner } from './sql-runner';
import { DELETE_GOALS, INSERT_GOAL } from './goals-table.query';
import type { GoalDefinition } from './tables';

export async function insertGoals(runner: SqlRunner, goals: GoalDefinition[]): Promise<void> {
  for (const [position, g] of goals.entries()) {
    await runner.run(INSERT_GOAL, [
      g.id, position, g.promise, g.title, g.owner, g.dataset, JSON.stringify(g.filter), g.measure, g.direction, g.target, g.period,
      g.per_area ? JSON.stringify(g.per_area) : null, g.start, g.end, g.follow_up,
    ]);
  }
}

/** The goals set is what the analysts' file (or editor) says: replacing it is one transaction. */
export async function replaceGoals(runner: SqlRunner, goals: GoalDefinition[]): Promise<void> {
  await inTransaction(runner, async () => {
    await runner.exec(DELETE_GOALS);
    await insertGoals(runner, goals);
  });
}

/** The goals feature's write, on the database's own runner (features never hold the runner). Refresh afterwards. */
export function saveGoals(database: { runner: SqlRunner }, goals: GoalDefinition[]): Promise<void> {
  return replaceGoals(database.runner, goals);
}

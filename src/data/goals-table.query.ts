// Writing the goals table: one row per goal in the analysts' order; values always as parameters.
export const INSERT_GOAL = `INSERT INTO goals VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::DATE, ?::DATE, ?::DATE)`;
export const DELETE_GOALS = `DELETE FROM goals`;

// One expression for "the ISO week an incident is in", shared by every query that counts per week.

/** The Monday (epoch day) of an incident's ISO week: 1970-01-01, epoch day 0, was a Thursday. */
export const WEEK_MONDAY = '(epoch_day - (epoch_day + 3) % 7)::INTEGER';

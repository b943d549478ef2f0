// Days since 1970-01-01 for local calendar dates. Both canonical tables carry an `epoch_day` column with this
// number, so one time filter applies to incidents and interventions alike, and brushes snap to whole days.
const MS_PER_DAY = 86_400_000;

export function epochDayOf(date: Date): number {
  return Math.round(Date.UTC(date.getFullYear(), date.getMonth(), date.getDate()) / MS_PER_DAY);
}

export function dateOfEpochDay(day: number): Date {
  const utc = new Date(day * MS_PER_DAY);
  return new Date(utc.getUTCFullYear(), utc.getUTCMonth(), utc.getUTCDate());
}

// Days since 1970-01-01 for local calendar dates. Both canonical tables carry an `epoch_day` column with this
// number, so one time filter applies to incidents and interventions alike, and brushes snap to whole days.
const MS_PER_DAY = 86_400_000;

/**
 * A local calendar date. Unlike `new Date(y, m, d)`, years 0–99 stay those years (JavaScript would make 25 into
 * 1925, which is how a typo'd "0025" became "v. 11 1925"). Month and day may overflow, as with `new Date`.
 */
export function calendarDate(year: number, monthIndex: number, day: number): Date {
  const date = new Date(2000, 0, 1);
  date.setFullYear(year, monthIndex, day);
  return date;
}

/** `Date.UTC` without its 0–99 → 1900–1999 rule. */
function utcMs(year: number, monthIndex: number, day: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, monthIndex, day);
  return date.getTime();
}

export function epochDayOf(date: Date): number {
  return Math.round(utcMs(date.getFullYear(), date.getMonth(), date.getDate()) / MS_PER_DAY);
}

export function dateOfEpochDay(day: number): Date {
  const utc = new Date(day * MS_PER_DAY);
  return calendarDate(utc.getUTCFullYear(), utc.getUTCMonth(), utc.getUTCDate());
}

/** 'YYYY-MM-DD' of an epoch day (no time zone involved). */
export function isoDateOfEpochDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Epoch day of a 'YYYY-MM-DD' text; NaN when it is not a real date. */
export function epochDayOfIsoDate(text: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return NaN;
  const ms = utcMs(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return isoDateOfEpochDay(ms / MS_PER_DAY) === text ? ms / MS_PER_DAY : NaN;
}

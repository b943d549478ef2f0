// Plain calendar arithmetic on local Swedish dates (no time zones: the example is written in local time).
export const DAY_MS = 86_400_000;

export function dateFromIso(iso) {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}
export function isoDate(date) {
  return date.toISOString().slice(0, 10);
}
export function addDays(date, days) {
  return new Date(date.getTime() + days * DAY_MS);
}
/** 0 = Monday … 6 = Sunday */
export function weekdayIndex(date) {
  return (date.getUTCDay() + 6) % 7;
}
/** Last Sunday of a month: the EU daylight-saving switch days. */
function lastSunday(year, monthIndex) {
  const last = new Date(Date.UTC(year, monthIndex + 1, 0));
  return addDays(last, -((last.getUTCDay() + 7) % 7));
}
/** On the spring switch 02:00–02:59 does not exist in Swedish local time. */
export function isMissingLocalHour(date, hour) {
  return hour === 2 && isoDate(date) === isoDate(lastSunday(date.getUTCFullYear(), 2));
}
/** Days that drive Swedish incident patterns, with their multiplier on evening/night activity. */
export function specialDay(date) {
  const y = date.getUTCFullYear();
  const md = isoDate(date).slice(5);
  if (md === '04-30') return { name: 'Valborgsmässoafton', factor: 2.6 };
  if (md === '12-31') return { name: 'Nyårsafton', factor: 2.2 };
  if (md === '01-01') return { name: 'Nyårsdagen', factor: 1.6 };
  // Midsommarafton: the Friday between 19 and 25 June.
  const june19 = new Date(Date.UTC(y, 5, 19));
  const midsommar = addDays(june19, (5 - june19.getUTCDay() + 7) % 7);
  if (isoDate(date) === isoDate(midsommar)) return { name: 'Midsommarafton', factor: 2.0 };
  // Skolavslutning: the example's schools finish on the second Friday of June.
  const june1 = new Date(Date.UTC(y, 5, 1));
  const firstFriday = addDays(june1, (5 - june1.getUTCDay() + 7) % 7);
  if (isoDate(date) === isoDate(addDays(firstFriday, 7))) return { name: 'Skolavslutning', factor: 2.3 };
  return null;
}

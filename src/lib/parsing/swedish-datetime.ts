// Dates and times as Swedish exports write them, to a zone-less local Swedish timestamp "YYYY-MM-DD HH:MM:SS".
// Zone work happens here, not in SQL: DuckDB-wasm has no ICU offline (TIMESTAMPTZ would try to load it).
import { TZDate } from '@date-fns/tz';

export const SWEDISH_ZONE = 'Europe/Stockholm';

export type DateTimeResult = { ok: true; value: string } | { ok: false; reason: 'bad-date' | 'no-such-date' | 'bad-time' | 'time-conflict' | 'missing-date' };

interface Ymd { y: number; m: number; d: number }
interface Hms { h: number; min: number; s: number }

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

function validDate(ymd: Ymd): boolean {
  return ymd.y >= 1900 && ymd.y <= 2100 && calendarDay(ymd);
}

/** A day the calendar has: month 1–12, day 1 to the month's last (29 February in leap years). */
function calendarDay({ y, m, d }: Ymd): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export function parseDate(raw: string): Ymd | null {
  const ymd = dateParts(raw);
  return ymd && validDate(ymd) ? ymd : null;
}

/** Whether `raw` is written in a date style parseDate reads but names no calendar day (2026-02-30, 31/4 2026). */
export function isNoSuchDate(raw: string): boolean {
  const ymd = dateParts(raw);
  return ymd !== null && !calendarDay(ymd);
}

/** Year, month and day as written in one of the numeric date styles, not yet checked against the calendar. */
function dateParts(raw: string): Ymd | null {
  const s = raw.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s) ?? /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/.exec(s) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (m) {
    return { y: +m[1], m: +m[2], d: +m[3] };
  }
  // Older Swedish style "31/8 2001", and "31.8.2001"; day first too where the year is last ("31/08/2001",
  // "31-08-2001": Excel in a European locale); an American "08/31/2001", whose day-first month would be 31, can only be
  // 31 August. (A file that writes month first has its dates that could be either rejected: date-reasons.query.ts.)
  const yearLast = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s) ?? /^(\d{1,2})-(\d{1,2})-(\d{4})$/.exec(s);
  if (yearLast && +yearLast[2] > 12 && +yearLast[1] <= 12) return { y: +yearLast[3], m: +yearLast[1], d: +yearLast[2] };
  m = /^(\d{1,2})\/(\d{1,2})[ -](\d{4})$/.exec(s) ?? /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(s) ?? yearLast;
  if (m) {
    return { y: +m[3], m: +m[2], d: +m[1] };
  }
  // A Swedish month name or its abbreviation: "16 april 2026", "3 nov. 2025", "1 Maj 2026".
  m = /^(\d{1,2})\.?\s+([^\d\s.]+)\.?\s+(\d{4})$/.exec(s);
  const month = m ? MONTH_OF_WORD.get(m[2].toLowerCase()) : undefined;
  return m && month ? { y: +m[3], m: month, d: +m[1] } : null;
}

/** Swedish month names and the abbreviations exports use, lower case → month number. */
const MONTH_OF_WORD = new Map<string, number>([
  ['januari', 1], ['jan', 1], ['februari', 2], ['feb', 2], ['mars', 3], ['mar', 3], ['april', 4], ['apr', 4], ['maj', 5], ['juni', 6], ['jun', 6],
  ['juli', 7], ['jul', 7], ['augusti', 8], ['aug', 8], ['september', 9], ['sept', 9], ['sep', 9], ['oktober', 10], ['okt', 10], ['november', 11], ['nov', 11], ['december', 12], ['dec', 12],
]);

/** "7:32", "07:32:06", "18:50:00.0000000" (fractions dropped), "18.50" (Swedish period), "1850", "730". */
export function parseTime(raw: string): Hms | null {
  // "kl. 12.42", "Kl 9.05": the Swedish word for o'clock.
  const s = raw.trim().replace(/^kl\.? */i, '');
  const m = /^(\d{1,2})[:.](\d{2})(?:[:.](\d{2})(?:[.,]\d+)?)?$/.exec(s) ?? /^(\d{1,2})(\d{2})$/.exec(s);
  if (!m) return null;
  const t = { h: +m[1], min: +m[2], s: m[3] ? +m[3] : 0 };
  return t.h <= 23 && t.min <= 59 && t.s <= 59 ? t : null;
}

function format(d: Ymd, t: Hms): string {
  return `${pad(d.y, 4)}-${pad(d.m)}-${pad(d.d)} ${pad(t.h)}:${pad(t.min)}:${pad(t.s)}`;
}

/** An instant with an explicit offset → the wall-clock time in Sweden at that instant. */
function toSwedishLocal(d: Ymd, t: Hms, offsetMinutes: number): string {
  const utcMs = Date.UTC(d.y, d.m - 1, d.d, t.h, t.min, t.s) - offsetMinutes * 60_000;
  const local = new TZDate(utcMs, SWEDISH_ZONE);
  return format({ y: local.getFullYear(), m: local.getMonth() + 1, d: local.getDate() }, { h: local.getHours(), min: local.getMinutes(), s: local.getSeconds() });
}

const OFFSET = /\s*(Z|[+-]\d{2}(?::?\d{2})?)$/;

/**
 * A date, or a date and time in one field, optionally with a separate time field. Without an offset the
 * value is taken to be Swedish local time already; with one ("+01:00", "Z") it is converted to Swedish local.
 */
export function parseDateTime(dateField: string | null | undefined, timeField?: string | null): DateTimeResult {
  if (dateField === null || dateField === undefined || dateField.trim() === '') return { ok: false, reason: 'missing-date' };
  let s = dateField.trim().replace(/ +kl\.? */i, ' ');
  // Epoch time from system exports: 13 digits are milliseconds, 10 are seconds (UTC instants).
  if (/^\d{10}(\d{3})?$/.test(s) && !timeField) {
    const ms = s.length === 13 ? Number(s) : Number(s) * 1000;
    const local = new TZDate(ms, SWEDISH_ZONE);
    return { ok: true, value: format({ y: local.getFullYear(), m: local.getMonth() + 1, d: local.getDate() }, { h: local.getHours(), min: local.getMinutes(), s: local.getSeconds() }) };
  }
  let offset: number | null = null;
  const o = OFFSET.exec(s);
  if (o && /\d[T ]\d{1,2}[:.]\d{2}/.test(s)) {
    const compact = o[1].replace(':', '');
    offset = o[1] === 'Z' ? 0 : (o[1][0] === '-' ? -1 : 1) * (Number(compact.slice(1, 3)) * 60 + (compact.length === 5 ? Number(compact.slice(3)) : 0));
    s = s.slice(0, o.index).trim();
  }
  // A whole field that is a date ("31/8 2001" has a space of its own) has no time part; "31/8 2001 12.42" is that
  // date and a time (split at the first space it was "31/8" and "2001 12.42": a bad date).
  if (isNoSuchDate(s)) return { ok: false, reason: 'no-such-date' };
  const whole = parseDate(s);
  const dayMonthYear = whole ? null : /^(\d{1,2}\/\d{1,2}[ -]\d{4}|\d{1,2}\.?\s+[^\d\s.]+\.?\s+\d{4})[T ]+(.+)$/.exec(s);
  const [datePart, ...rest] = whole ? [s] : dayMonthYear ? [dayMonthYear[1], dayMonthYear[2]] : s.split(/[T ]+/);
  const date = whole ?? parseDate(datePart);
  if (!date) return { ok: false, reason: isNoSuchDate(datePart) ? 'no-such-date' : 'bad-date' };
  const ownTime = rest.join(' ');
  const field = (timeField ?? '').trim();
  let timeText = ownTime || field;
  if (ownTime && field) {
    // A date written with a midnight time (SQL Server's "2025-04-01 00:00:00.0000000") beside a time column is a
    // date; the same time in both places is that time (a tester's "2026-04-16 12:00" with Tid "12:00" was rejected);
    // two valid, different times are a conflict ('time-conflict': neither is wrong alone, the row can't say which
    // holds); an invalid one is a bad time.
    const own = parseTime(ownTime);
    const other = parseTime(field);
    const midnight = own !== null && own.h === 0 && own.min === 0 && own.s === 0;
    const same = own !== null && other !== null && own.h === other.h && own.min === other.min && own.s === other.s;
    if (!midnight && !same) return { ok: false, reason: own !== null && other !== null ? 'time-conflict' : 'bad-time' };
    timeText = field;
  }
  let time: Hms = { h: 0, min: 0, s: 0 };
  if (timeText !== '') {
    const parsed = parseTime(timeText);
    if (!parsed) return { ok: false, reason: 'bad-time' };
    time = parsed;
  }
  return { ok: true, value: offset === null ? format(date, time) : toSwedishLocal(date, time, offset) };
}

const MONTHS = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'];

/**
 * How far after its publication an event's own time may lie: the police announce some events ahead ("17 juni 07.00,
 * Övrigt, Örebro län", "Presstelefonen … måndag", published Thursday 13 June 2024: four days ahead) and update an
 * event's name with a later time. In the 2024–2026 dumps 259 events lie up to 24 h after their publication, three 4
 * days after (those announcements), one 23 days ("18 september … Anträffad död, Karlstad", an "Uppdatering" published
 * 26 August 2025 of the event of 18 September 2024) and none between 5 and 22 days: a week separates the two kinds.
 */
const PUBLISHED_BEFORE_EVENT_MS = 7 * 86_400_000;

/**
 * Police public events carry the event's own time in `name` ("06 juni 18.50, Trafikbrott, Kungsör"); `datetime`
 * is when it was published (`publishedLocal`, "YYYY-MM-DD HH:MM:SS", Swedish time). The name has no year: it is the
 * latest of the publication's year, the one after and the one before that puts the event at most a week after its
 * publication — 31 December published on 1 January is the year before; "17 juni" announced on 13 June is that June,
 * "2 januari" announced on 30 December the next January; "18 september" published on 26 August 2025 is 18 September
 * 2024 (an update), not a date three weeks after it was reported (helper-62, helper-64).
 */
export function parsePoliceEventName(name: string, publishedLocal: string): DateTimeResult {
  const m = /^\s*(\d{1,2})\s+([a-zåäö]+)\s+(\d{1,2})[.:](\d{2})/i.exec(name);
  const published = parseDate(publishedLocal.slice(0, 10));
  if (!m || !published) return { ok: false, reason: 'bad-date' };
  const month = MONTHS.indexOf(m[2].toLowerCase()) + 1;
  if (month === 0) return { ok: false, reason: 'bad-date' };
  const time = { h: +m[3], min: +m[4], s: 0 };
  const publishedTime = parseTime(publishedLocal.slice(11).trim()) ?? { h: 0, min: 0, s: 0 };
  const publishedAt = Date.UTC(published.y, published.m - 1, published.d, publishedTime.h, publishedTime.min, publishedTime.s);
  // A year whose calendar has the day (29 February) and puts the event no later than a week after publication.
  const fits = (y: number) => validDate({ y, m: month, d: +m[1] }) && Date.UTC(y, month - 1, +m[1], time.h, time.min) <= publishedAt + PUBLISHED_BEFORE_EVENT_MS;
  const y = [published.y + 1, published.y, published.y - 1].find(fits);
  if (y === undefined) return { ok: false, reason: 'bad-date' };
  const date = { y, m: month, d: +m[1] };
  if (!validDate(date) || time.h > 23 || time.min > 59) return { ok: false, reason: 'bad-date' };
  return { ok: true, value: format(date, time) };
}

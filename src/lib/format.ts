// Numbers and dates the way the UI language writes them (sv-SE by default: "12 345", "3,5 %", "2026-11-22").
import type { BiweekPeriod, IsoWeek } from './iso-week';

export type Language = 'sv' | 'en';
const LOCALE: Record<Language, string> = { sv: 'sv-SE', en: 'en-GB' };

const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(language: Language, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = language + JSON.stringify(options);
  let f = numberFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(LOCALE[language], options);
    numberFormats.set(key, f);
  }
  return f;
}

export function formatCount(value: number | bigint | null | undefined, language: Language = 'sv'): string {
  if (value === null || value === undefined) return '–';
  return numberFormat(language, { maximumFractionDigits: 0 }).format(value);
}

export function formatDecimal(value: number | null | undefined, digits = 1, language: Language = 'sv'): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '–';
  return numberFormat(language, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
}

export function formatPercent(fraction: number | null | undefined, language: Language = 'sv'): string {
  if (fraction === null || fraction === undefined || !Number.isFinite(fraction)) return '–';
  return numberFormat(language, { style: 'percent', maximumFractionDigits: 0, signDisplay: 'exceptZero' }).format(fraction);
}

/** A level or share without a sign — a confidence level, "99 %" in Swedish, "99%" in English. */
export function formatLevel(fraction: number, language: Language = 'sv'): string {
  return numberFormat(language, { style: 'percent', maximumFractionDigits: 0 }).format(fraction);
}

/** ISO calendar date, which both Swedish and international readers parse unambiguously. */
export function formatDate(date: Date | null | undefined): string {
  if (!date) return '–';
  const y = date.getFullYear();
  const m = String(date.getMonth() + 1).padStart(2, '0');
  const d = String(date.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

export function formatIsoWeek(w: IsoWeek, language: Language = 'sv'): string {
  return language === 'sv' ? `v. ${w.week} ${w.year}` : `wk ${w.week} ${w.year}`;
}

export function formatBiweek(p: BiweekPeriod, language: Language = 'sv'): string {
  const prefix = language === 'sv' ? 'v.' : 'wk';
  return `${prefix} ${p.firstWeek}–${p.lastWeek} ${p.year}`;
}

/** A file size in decimal units (kB = 1 000 bytes, as file managers show them): "19,5 MB". */
export function formatBytes(n: number, language: Language = 'sv'): string {
  const units = ['B', 'kB', 'MB', 'GB'];
  let i = 0;
  let v = n;
  while (v >= 1000 && i < units.length - 1) { v /= 1000; i++; }
  return `${new Intl.NumberFormat(language === 'sv' ? 'sv-SE' : 'en-GB', { maximumFractionDigits: i ? 1 : 0 }).format(v)} ${units[i]}`;
}

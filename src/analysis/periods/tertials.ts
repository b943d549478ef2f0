// Tertials, the rhythm of EST's larger analyses: jan–apr, maj–aug, sep–dec (calendar months, so 120/121, 123 and
// 122 days). Days are epoch days (lib/epoch-day.ts).
import { dateOfEpochDay, epochDayOf } from '../../lib/epoch-day';

export interface Tertial {
  year: number;
  /** 1 (jan–apr), 2 (maj–aug) or 3 (sep–dec). */
  index: 1 | 2 | 3;
  from: number;
  to: number;
}

export function tertialOf(day: number): Tertial {
  const date = dateOfEpochDay(day);
  const year = date.getFullYear();
  const index = (Math.floor(date.getMonth() / 4) + 1) as 1 | 2 | 3;
  return tertial(year, index);
}

export function tertial(year: number, index: 1 | 2 | 3): Tertial {
  const first = (index - 1) * 4;
  return { year, index, from: epochDayOf(new Date(year, first, 1)), to: epochDayOf(new Date(year, first + 4, 1)) - 1 };
}

export function previousTertial(t: Tertial): Tertial {
  return t.index === 1 ? tertial(t.year - 1, 3) : tertial(t.year, (t.index - 1) as 1 | 2);
}

/** The latest tertial the data covers to its last day, else the one before (null when the data starts after that). */
export function latestCompleteTertial(extent: { from: number; to: number }): Tertial | null {
  const last = tertialOf(extent.to);
  const t = last.to <= extent.to ? last : previousTertial(last);
  return t.from >= extent.from ? t : null;
}

/** "T3 2026 (sep–dec)" / "T3 2026 (Sep–Dec)". */
export function formatTertial(t: Tertial, language: 'sv' | 'en'): string {
  const months = language === 'sv' ? ['jan–apr', 'maj–aug', 'sep–dec'] : ['Jan–Apr', 'May–Aug', 'Sep–Dec'];
  return `T${t.index} ${t.year} (${months[t.index - 1]})`;
}

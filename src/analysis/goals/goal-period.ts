// Which stretch of days a goal is judged on. A goal runs from `start` to `end` (its promise period) and is
// measured per `period`: the period that holds the as-of day, clipped to start–end. "As of" is the last day the
// data covers, not today: an export that ends on Sunday must not make Monday look like a day without events.
import { dateOfEpochDay, epochDayOf, calendarDate } from '../../lib/epoch-day';
import { biweekPeriodOf, biweekRange } from '../../lib/iso-week';
import type { GoalDefinition } from '../../data/tables';

export interface DayWindow {
  from: number;
  to: number;
}

const day = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return epochDayOf(calendarDate(y, m - 1, d));
};

function calendarWindow(period: GoalDefinition['period'], at: Date): DayWindow | null {
  const y = at.getFullYear();
  const m = at.getMonth();
  const range = (a: Date, b: Date) => ({ from: epochDayOf(a), to: epochDayOf(b) - 1 });
  switch (period) {
    case 'year': return range(calendarDate(y, 0, 1), calendarDate(y + 1, 0, 1));
    case 'half': return m < 6 ? range(calendarDate(y, 0, 1), calendarDate(y, 6, 1)) : range(calendarDate(y, 6, 1), calendarDate(y + 1, 0, 1));
    case 'quarter': { const q = Math.floor(m / 3) * 3; return range(calendarDate(y, q, 1), calendarDate(y, q + 3, 1)); }
    case 'month': return range(calendarDate(y, m, 1), calendarDate(y, m + 1, 1));
    case '2weeks': { const { start, end } = biweekRange(biweekPeriodOf(at)); return range(start, end); }
    default: return null;
  }
}

/** The window a goal is judged on as of a day, and the same kind of window just before it. */
export function goalWindows(goal: Pick<GoalDefinition, 'period' | 'start' | 'end'>, asOfDay: number): { current: DayWindow; previous: DayWindow; asOf: number } {
  const start = day(goal.start);
  const end = day(goal.end);
  const asOf = Math.max(start, Math.min(asOfDay, end));
  const natural = calendarWindow(goal.period, dateOfEpochDay(asOf));
  const current = natural ? { from: Math.max(start, natural.from), to: Math.min(end, natural.to) } : { from: start, to: end };
  const previousNatural = natural ? calendarWindow(goal.period, dateOfEpochDay(natural.from - 1)) : null;
  const length = current.to - current.from + 1;
  const previous = previousNatural ?? { from: current.from - length, to: current.from - 1 };
  return { current, previous, asOf };
}

/** Share of the window that has passed by the as-of day (0–1). */
export function elapsedShare(window: DayWindow, asOf: number): number {
  const length = window.to - window.from + 1;
  return Math.max(0, Math.min(1, (asOf - window.from + 1) / length));
}

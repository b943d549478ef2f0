// Swedish days that drive patterns (Valborg, midsommar, nyår, …) from date-holidays, a maintained holiday
// library. School-leaving days vary by municipality and are not in any library: not shown.
import Holidays from 'date-holidays';
import { epochDayOfIsoDate } from '../../lib/epoch-day';
import type { CalendarDay } from './trends.model';

// The nights that change the pattern of public disorder; more labels would hide the bars.
const SHOWN = new Set(['valborgsmässoafton', 'midsommarafton', 'julafton', 'nyårsafton']);

export function swedishCalendarDays(fromYear: number, toYear: number): CalendarDay[] {
  const holidays = new Holidays('SE');
  const days: CalendarDay[] = [];
  for (let y = fromYear; y <= toYear; y++) {
    for (const h of holidays.getHolidays(y)) {
      if (SHOWN.has(h.name)) days.push({ day: epochDayOfIsoDate(h.date.slice(0, 10)), name: h.name });
    }
  }
  return days;
}

import { describe, expect, it } from 'vitest';
import { dateOfEpochDay, epochDayOf } from '../../src/lib/epoch-day';
import { clipToData, describeDayRange, mondayOf } from '../../src/lib/day-range';
import { formatCount, formatDecimal, formatLevel, formatPercent } from '../../src/lib/format';

describe('sv-SE formats', () => {
  it('groups thousands with a no-break space and uses a decimal comma', () => {
    expect(formatCount(37794)).toBe('37\u00a0794');
    expect(formatDecimal(3.456, 1)).toBe('3,5');
    expect(formatPercent(0.12)).toBe('+12\u00a0%');
    // A level has no sign, and follows the language: the English UI wrote "+7%" beside "99 %".
    expect(formatLevel(0.99)).toBe('99\u00a0%');
    expect(formatLevel(0.95, 'en')).toBe('95%');
    expect(formatPercent(0.07, 'en')).toBe('+7%');
    expect(formatPercent(-0.5)).toBe('−50\u00a0%');
    expect(formatCount(null)).toBe('–');
    expect(formatCount(37794, 'en')).toBe('37,794');
  });
});

describe('epoch days', () => {
  it('round-trips local dates, including DST days', () => {
    for (const iso of ['1970-01-01', '2024-02-29', '2026-03-29', '2026-10-25', '2026-12-31']) {
      const [y, m, day] = iso.split('-').map(Number);
      const n = epochDayOf(new Date(y, m - 1, day, 23, 30));
      expect(dateOfEpochDay(n).toDateString()).toBe(new Date(y, m - 1, day).toDateString());
    }
    expect(epochDayOf(new Date(1970, 0, 1))).toBe(0);
  });

  it('finds the Monday of an epoch day', () => {
    expect(mondayOf(0)).toBe(-3); // Thursday 1970-01-01 → Monday 1969-12-29
    const mon = epochDayOf(new Date(2026, 10, 16));
    expect([0, 1, 6].map((k) => mondayOf(mon + k))).toEqual([mon, mon, mon]);
    expect(mondayOf(mon + 7)).toBe(mon + 7);
  });

  it('describes a range with dates and ISO weeks', () => {
    const from = epochDayOf(new Date(2026, 10, 2));
    expect(describeDayRange({ from, to: from + 13 }, 'sv')).toBe('2026-11-02 – 2026-11-15 (v. 45 2026 – v. 46 2026)');
    // Within one week the week is named once (a tester saw "v. 26 2026 – v. 26 2026"); a single day is its date, no
    // week ("2 under 2026-03-10 (v. 11 2026)" read as two in the week, helper-63).
    expect(describeDayRange({ from, to: from + 6 }, 'sv')).toBe('2026-11-02 – 2026-11-08 (v. 45 2026)');
    expect(describeDayRange({ from, to: from }, 'en')).toBe('2026-11-02');
  });

  it('names weeks only for whole ISO weeks: 28 days from a Sunday are not "v. 30 – v. 34" (helper-62)', () => {
    const sunday = epochDayOf(new Date(2026, 6, 26));
    expect(describeDayRange({ from: sunday, to: sunday + 27 }, 'sv')).toBe('2026-07-26 – 2026-08-22');
    // Every start and length within three weeks: weeks named exactly when the range runs Monday to Sunday.
    const monday = epochDayOf(new Date(2026, 6, 20));
    for (let start = monday; start < monday + 7; start++) {
      for (let length = 2; length <= 21; length++) {
        const text = describeDayRange({ from: start, to: start + length - 1 }, 'sv');
        const whole = start === monday && length % 7 === 0;
        expect(text.includes('(v.'), `${start - monday} + ${length}`).toBe(whole);
      }
    }
  });
});

describe('clipToData', () => {
  it('says when the data cut a week short, and which of its days remain', () => {
    const week = { from: 20_780, to: 20_786 }; // Monday to Sunday
    expect(clipToData(week, { from: 20_000, to: 20_783 })).toEqual({ from: 20_780, to: 20_783, partial: true }); // data end on the Thursday
    expect(clipToData(week, { from: 20_782, to: 21_000 })).toEqual({ from: 20_782, to: 20_786, partial: true }); // data begin on the Wednesday
    expect(clipToData(week, { from: 20_000, to: 20_786 })).toEqual({ from: 20_780, to: 20_786, partial: false }); // ends on the Sunday: whole
  });
});

import { describe, expect, it } from 'vitest';
import { canCompare, whyNoneComparable } from '../../src/features/trends/before-after.model';
import { epochDayOfIsoDate as d } from '../../src/lib/epoch-day';

// A tester's data ran 2026-03-11 – 2026-06-17 (14 weeks and a day); their interventions had areas, and the panel's
// "each lacks an area and a position, or …" did not say which held.
const extent = { from: d('2026-03-11'), to: d('2026-06-17') };

describe('before/after: which interventions can be compared, and why not', () => {
  it('needs a place and whole weeks of data on both sides of the first day', () => {
    const norrby = { epoch_day: d('2026-04-20'), area: 'Norrby', grid_e: null };
    // 4 weeks: 2026-03-23 – 2026-05-17, inside the data. 8 weeks: from 2026-02-23, before the data's first day.
    expect(canCompare(norrby, 4, extent)).toBe(true);
    expect(canCompare(norrby, 8, extent)).toBe(false);
    // The first and last days are inclusive: 28 days before the first day, 28 days from it.
    expect(canCompare({ epoch_day: extent.from + 28, area: 'A', grid_e: null }, 4, extent)).toBe(true);
    expect(canCompare({ epoch_day: extent.from + 27, area: 'A', grid_e: null }, 4, extent)).toBe(false);
    expect(canCompare({ epoch_day: extent.to - 27, area: 'A', grid_e: null }, 4, extent)).toBe(true);
    expect(canCompare({ epoch_day: extent.to - 26, area: 'A', grid_e: null }, 4, extent)).toBe(false);
    expect(canCompare({ epoch_day: d('2026-04-20'), area: null, grid_e: null }, 4, extent)).toBe(false);
    expect(canCompare({ epoch_day: d('2026-04-20'), area: null, grid_e: 600_000 }, 4, extent)).toBe(true);
    expect(canCompare(norrby, 4, null)).toBe(false);
  });

  it('counts each reason and offers the longest shorter window that works, with how many it takes', () => {
    const list = [
      { epoch_day: d('2026-04-20'), area: 'Norrby', grid_e: null },
      { epoch_day: d('2026-05-04'), area: 'Centrum', grid_e: null },
      { epoch_day: d('2026-06-10'), area: 'Centrum', grid_e: null }, // a week before the data's end
      { epoch_day: d('2026-04-27'), area: null, grid_e: null },
    ];
    expect(list.some((i) => canCompare(i, 8, extent))).toBe(false);
    // At 4 weeks: 2026-04-20 and 2026-05-04 (its after-window ends 2026-05-31); 2026-06-10 never.
    expect(whyNoneComparable(list, 8, extent)).toEqual({ withoutPlace: 1, outsideData: 3, longestWindow: 4, usableThen: 2 });
    // No shorter window offered below 4 weeks.
    expect(whyNoneComparable([list[2], list[3]], 4, extent)).toEqual({ withoutPlace: 1, outsideData: 1, longestWindow: null, usableThen: 0 });
    // 26 weeks: the longest shorter window that works is taken (here 4; 12 and 8 need 24 and 16 weeks of data).
    expect(whyNoneComparable(list, 26, extent).longestWindow).toBe(4);
  });
});

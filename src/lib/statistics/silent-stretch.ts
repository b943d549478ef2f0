// Does a category begin or end in the data, rather than just happen to have none for a while? The police renamed
// "Fylleri/LOB" to "Fylleri" on 2026-03-02 (and "Kontroll person/fordon" to "Kontroll" in October 2025): the
// lägesbild then read "Fylleri/LOB minskade från 41 till 0" beside "Fylleri ökade från 0 till 38" — a change of the
// export's names, not of drunkenness. A category's stretch without any row, before its first or after its last, is
// judged against its own rate: under a Poisson process of rate λ the chance of no event in t days is e^(−λt)
// (Ross, "Introduction to Probability Models", 11th ed., §5.3). λ is estimated from the category's own life: its
// n − 1 gaps over last − first days (the two end events are where the life is cut, so they are not counted as
// arrivals). A stretch is "beyond chance" when λt ≥ SILENT_EXPECTED, p = e^−10 ≈ 4.5·10⁻⁵ per category — about
// 0.3 % that any of 60 categories is flagged by chance — and the category has at least SILENT_MIN_ROWS rows: with
// fewer, the rate is too uncertain (two rows on consecutive days are not a rate of one a day).

/** The expected count in the empty stretch, at the category's own rate, that makes the stretch beyond chance. */
export const SILENT_EXPECTED = 10;
/** The fewest rows a category needs for its rate to be judged at all. */
export const SILENT_MIN_ROWS = 20;

/**
 * `rows`: the category's rows, `firstDay`/`lastDay`: its first and last day (epoch days), `emptyDays`: the days of
 * the stretch without any row (≥ 0). True when that stretch is longer than chance allows for the category's rate
 * (see above). Throws on a negative or non-finite input, or lastDay before firstDay.
 */
export function silentBeyondChance(rows: number, firstDay: number, lastDay: number, emptyDays: number): boolean {
  if (![rows, firstDay, lastDay, emptyDays].every(Number.isFinite) || rows < 0 || emptyDays < 0 || lastDay < firstDay) {
    throw new RangeError(`silentBeyondChance: bad input (${rows}, ${firstDay}, ${lastDay}, ${emptyDays})`);
  }
  if (rows < SILENT_MIN_ROWS) return false;
  const rate = (rows - 1) / Math.max(1, lastDay - firstDay);
  return rate * emptyDays >= SILENT_EXPECTED;
}

/** A category's life in the data: rows, first and last day (epoch days). */
export interface CategorySpan {
  name: string;
  rows: number;
  first_day: number;
  last_day: number;
}

/** How a category's life cuts a compared span: the day it begins and/or ends inside it, beyond chance (else null). */
export interface CategoryBoundary {
  name: string;
  begins: number | null;
  ends: number | null;
}

/**
 * The categories that begin or end in the data inside `span` ({from, to}, epoch days, inclusive), judged against
 * `data` (the whole data's first and last day): begins when its first day lies in the span after a stretch since the
 * data's first day that its rate makes beyond chance; ends likewise with its last day and the data's last day.
 * Returns one entry per such category, in the input's order.
 */
export function categoryBoundaries(spans: CategorySpan[], span: { from: number; to: number }, data: { from: number; to: number }): CategoryBoundary[] {
  const out: CategoryBoundary[] = [];
  for (const s of spans) {
    const begins = s.first_day >= span.from && s.first_day <= span.to && silentBeyondChance(s.rows, s.first_day, s.last_day, s.first_day - data.from) ? s.first_day : null;
    const ends = s.last_day >= span.from && s.last_day < span.to && silentBeyondChance(s.rows, s.first_day, s.last_day, data.to - s.last_day) ? s.last_day : null;
    if (begins !== null || ends !== null) out.push({ name: s.name, begins, ends });
  }
  return out;
}

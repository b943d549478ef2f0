// A "top N" list that does not cut through a tie. Lists sorted by count and cut at N (the lägesbild's five places,
// the Karta panel's five) named the first of several equally large places in alphabetical order and dropped the rest
// without a word (a tester: "Bakgrund Allén 23 (2)" where six places had 2). Now the places sharing the count at the
// cut are left out together and counted instead ("– och 6 platser till med 2 vardera").

/** The places left out at the cut: how many there are, and the count each of them has. */
export interface TiedTail {
  rows: number;
  count: number;
}

/**
 * `rows`: the first `limit` rows of a list sorted by `count`, largest first; `sameCount(r)`: how many rows of the
 * whole list (before the cut) share r's count — SQL's `count(*) OVER (PARTITION BY n)`. Rows for which `ranked` is
 * false (a "no place" row) are kept where they are and neither cut nor counted.
 * Returns the rows to list and, when the cut went through a tie, the rows at that count (all of them, listed or not)
 * as `tied` — those are then not listed. Fewer than `limit` rows: nothing was cut, every row is listed.
 */
export function cutAtTie<R>(rows: R[], limit: number, count: (r: R) => number, sameCount: (r: R) => number, ranked: (r: R) => boolean = () => true): { rows: R[]; tied: TiedTail | null } {
  const listed = rows.filter(ranked);
  if (rows.length < limit || listed.length === 0) return { rows, tied: null };
  const last = listed[listed.length - 1];
  const cut = count(last);
  const inList = listed.filter((r) => count(r) === cut).length;
  if (sameCount(last) <= inList) return { rows, tied: null };
  return { rows: rows.filter((r) => !ranked(r) || count(r) !== cut), tied: { rows: sameCount(last), count: cut } };
}

// Public view's counts carry a small, consistent noise: the cell key method (ABS TableBuilder; ONS for the 2021
// Census' flexible tables; the SDC tools `cellKey`/`ptable` R packages). Suppression of small counts alone cannot
// protect linked tables: a count hidden to protect another in one view ("dold") is shown as a number in the next
// period's "föregående" column or with another filter, and total − shown − that number gives the small count.
// With the noise, that arithmetic gives the small count ± a few, and the same records always get the same noise,
// so asking for the same count in another view (or link) gives the same number, never a second sample to average.
//
// How: every incident and intervention has a record key in 0…255 — a hash of its row key with a fixed salt, so it
// is the same after a reload, a reset or in a copy of the same data (data/record-keys.query.ts). A cell — any count of records — has the cell key Σ record keys mod 256, which the
// SQL returns beside the count (`key`). The noise is read off a perturbation table (p-table) at the row of the
// count and the column of the key. A cell made of other cells (days into a week, categories into a total) has the
// sum of their keys as its key, so JavaScript that sums counts sums their keys too.
//
// Sources: Fraser, B. & Wooton, J. (2005) "A proposed method for confidentialising tabular output to protect against
// differencing", UNECE Work Session on Statistical Data Confidentiality; Thompson, G., Broadfoot, S. & Elazar, D.
// (2013) "Methodology for the automatic confidentialisation of statistical outputs from remote servers at the
// Australian Bureau of Statistics", UNECE; Enderle, T., Giessing, S. & Tent, R. (2018) "Designing confidentiality
// on the fly methodology – three aspects", PSD 2018 (the p-table with maximum noise D and variance V).

/** Record keys are integers 0 … KEY_RANGE − 1; a cell key is Σ record keys mod KEY_RANGE. */
export const KEY_RANGE = 256;

/** The largest noise added to or taken from a shown count (D of the p-table). */
export const MAX_NOISE = 2;

/**
 * The p-table, in 256ths (each row's weights sum to 256): [noise d, weight] in the order the cell keys run through
 * them, by how far the count is above the smallest count shown (k). Far from k (row 2) the noise has mean 0 and
 * variance 310/256 ≈ 1.21. A shown count never becomes smaller than k — it would read as a small count that the rule
 * hides — so the rows at k and k + 1 only move up or by one: their mean is +0.70 and +0.10 (a small known bias,
 * documented). d = 0 comes first in every row: the order is free (the keys are uniform), and a key of 0 then leaves
 * any count as it is — which lets the tests of the suppression pattern use keys of 0.
 */
export const P_TABLE: readonly (readonly (readonly [number, number])[])[] = [
  [[0, 128], [1, 77], [2, 51]], // count = k
  [[0, 102], [-1, 77], [1, 51], [2, 26]], // count = k + 1
  [[0, 102], [-1, 51], [1, 51], [-2, 26], [2, 26]], // count ≥ k + 2
];

/** The cell key of a count from the sum of its records' keys (any non-negative integer sum, or a bigint). */
export function cellKey(keySum: number | bigint): number {
  const n = typeof keySum === 'bigint' ? Number(keySum % BigInt(KEY_RANGE)) : Math.trunc(Number(keySum)) % KEY_RANGE;
  return n < 0 ? n + KEY_RANGE : n;
}

/** The noise the p-table gives a count of `value` with cell key `key` (0 … 255), for counts of k or more. */
export function noiseFor(value: number, key: number, k: number): number {
  const row = P_TABLE[Math.min(2, Math.max(0, value - k))];
  let upper = 0;
  for (const [d, weight] of row) {
    upper += weight;
    if (key < upper) return d;
  }
  return 0; // unreachable: the weights sum to KEY_RANGE
}

/**
 * A count as public view shows it: value + the noise of its cell key, never below k. Counts below k are hidden
 * by suppression before this is asked (they are not perturbed, they are not shown). `keySum`: Σ record keys.
 */
export function perturbCount(value: number, keySum: number | bigint, k: number): number {
  if (value < k) return value;
  return Math.max(k, value + noiseFor(value, cellKey(keySum), k));
}

/** The key sum of a cell made of others: the sum of theirs. */
export function sumKeys(keys: readonly (number | bigint | null | undefined)[]): number {
  let s = 0;
  for (const k of keys) s += Number(k ?? 0);
  return s;
}

// A category chart shows the top N and "Övrigt" (the rest summed), with every category in the table behind it.
// Published together, the full list, its total and Övrigt are one set of equations: Σ every category = total
// and Σ the rest = Övrigt. Suppressed one list at a time, a category hidden in the rest could be recovered as
// Övrigt minus the rest's shown categories; here it can't (suppressEquations hides more until nothing hidden is
// determined by what is shown, the equations taken together).
//
// Public view lists no category below k by name (a category is in the list because it has an incident, so a listed
// "<5" says "at least one" and a missing one "none"). Those categories are summed into one row of their own, which is
// always there, zero or not: were the small ones simply left out, the complementary suppression that protects their
// sum (total − listed) would hide a listed category only when a small one exists, and the pattern of hidden cells
// would tell that one does (helper-63). With the row always present, a pooled sum below k — 0 or 1–4 alike — is
// hidden and protected the same way.
import { sumKeys } from './cell-key';
import { markPublished, type PublishedCount } from './publish';
import { isSmall, suppressEquations, type DisclosureRule, type Equation } from './suppression';

export const TOP_CATEGORIES = 10;

type PublishedRow<T> = Omit<T, 'incidents'> & { incidents: PublishedCount };

export interface TopPublished<T> {
  /** The table behind the chart: every category, published (public view: those not below k). */
  all: PublishedRow<T>[];
  /** What the chart draws: the top N (and a selected category outside them), then Övrigt when there is a rest. */
  shown: PublishedRow<T>[];
  /** Övrigt: how many categories it sums (public view: the listed ones only) and its published count; null when every category is shown. */
  other: { categories: number; incidents: PublishedCount; index: number } | null;
  /**
   * Public view: the categories below k, summed (the table's last row, also part of Övrigt); null without a rule.
   * Present even when there are none (its count 0, hidden like 1–4).
   */
  small: { incidents: PublishedCount } | null;
  /** The sum of every category, published. */
  total: PublishedCount;
}

/**
 * `sorted`: every category in display order (most first), each with the key sum of its count (`key`). `isKept`: a
 * category that must stay out of Övrigt (the selected one); in public view one below k is in the pool all the same. Without a
 * rule, groups only when at least two categories would go into Övrigt; in public view Övrigt is always drawn, since it
 * holds the categories below k. `makeOther(n, count)`: the Övrigt bar's row, `n` the listed categories it sums.
 */
export function publishTop<T extends { incidents: number; key: number | bigint }>(
  sorted: T[],
  n: number,
  rule: DisclosureRule | null,
  isKept: (row: T) => boolean,
  makeOther: (categories: number, incidents: PublishedCount) => PublishedRow<T>,
): TopPublished<T> {
  if (rule) return publishPooled(sorted, n, rule, isKept, makeOther);
  const inTop = sorted.map((r, i) => i < n || isKept(r));
  const rest = sorted.flatMap((_, i) => (inTop[i] ? [] : [i]));
  const grouped = rest.length >= 2;
  const total = sorted.reduce((s, r) => s + r.incidents, 0);
  const all: PublishedRow<T>[] = sorted;
  const other = grouped ? { categories: rest.length, incidents: rest.reduce((s, i) => s + sorted[i].incidents, 0), index: all.length - rest.length } : null;
  const shown = other ? [...all.filter((_, i) => inTop[i]), makeOther(other.categories, other.incidents)] : all;
  return { all, shown, other, small: null, total };
}

function publishPooled<T extends { incidents: number; key: number | bigint }>(
  sorted: T[],
  n: number,
  rule: DisclosureRule,
  isKept: (row: T) => boolean,
  makeOther: (categories: number, incidents: PublishedCount) => PublishedRow<T>,
): TopPublished<T> {
  // A kept (chosen) category below k stays in the pool like any other: listed apart, the pool and Övrigt were the same
  // numbers for a chosen category of 0 and changed (their sum and its noise) for one of 1–4 (helper-65: Övrigt 10 453
  // against 10 449 told Utlänningslagen's 4). The chip says the chosen one has fewer than k.
  const listed = sorted.filter((r) => !isSmall(r.incidents, rule));
  const pooled = sorted.filter((r) => isSmall(r.incidents, rule));
  const inTop = listed.map((r, i) => i < n || isKept(r));
  const rest = listed.flatMap((_, i) => (inTop[i] ? [] : [i]));
  const m = listed.length;
  // Flat: the listed categories, the pooled small ones (m), the total (m + 1), Övrigt (m + 2: the listed rest and
  // the pool; without a listed rest Övrigt is the pool itself).
  const pool = pooled.reduce((s, r) => s + r.incidents, 0);
  const values = [...listed.map((r) => r.incidents), pool];
  const keys = [...listed.map((r) => Number(r.key)), sumKeys(pooled.map((r) => Number(r.key)))];
  const flat = [...values, values.reduce((s, v) => s + v, 0), rest.reduce((s, i) => s + values[i], pool)];
  const flatKeys = [...keys, sumKeys(keys), sumKeys([...rest.map((i) => keys[i]), keys[m]])];
  const equations: Equation[] = [{ cells: values.map((_, i) => i), total: m + 1 }];
  // Övrigt is published only as this bar: it may be hidden with its parts.
  if (rest.length > 0) equations.push({ cells: [...rest, m], total: m + 2, ownsTotal: true });
  // The kept (chosen) category's count is the Händelser figure beside the chart: not the one to hide.
  const kept = new Map(listed.flatMap((r, i) => (isKept(r) ? [[i, 2] as const] : [])));
  const why = suppressEquations(flat, equations, rule, kept);
  const published = flat.map((v, i) => markPublished(v, flatKeys[i], why[i], rule));
  const all: PublishedRow<T>[] = listed.map((r, i) => ({ ...r, incidents: published[i] }));
  const otherCount = rest.length > 0 ? published[m + 2] : published[m];
  const other = { categories: rest.length, incidents: otherCount, index: m - rest.length };
  const shown = [...all.filter((_, i) => inTop[i]), makeOther(rest.length, otherCount)];
  return { all, shown, other, small: { incidents: published[m] }, total: published[m + 1] };
}

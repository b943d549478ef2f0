// A category chart shows the top N and "Övrigt" (the rest summed), with every category in the table behind it.
// Published together, the full list, its total and Övrigt are one set of equations: Σ every category = total
// and Σ the rest = Övrigt. Suppressed one list at a time, a category hidden in the rest could be recovered as
// Övrigt minus the rest's shown categories; here it can't (suppressEquations hides more until nothing hidden is
// determined by what is shown, the equations taken together).
import { sumKeys } from './cell-key';
import { markPublished, type PublishedCount } from './publish';
import { suppressEquations, type DisclosureRule, type Equation } from './suppression';

export const TOP_CATEGORIES = 10;

export interface TopPublished<T> {
  /** Every category (the table behind the chart), published. */
  all: (Omit<T, 'incidents'> & { incidents: PublishedCount })[];
  /** What the chart draws: the top N (and a selected category outside them), then Övrigt when there is a rest. */
  shown: (Omit<T, 'incidents'> & { incidents: PublishedCount })[];
  /** Övrigt: how many categories it sums and its published count; null when every category is shown. */
  other: { categories: number; incidents: PublishedCount; index: number } | null;
  /** The sum of every category, published. */
  total: PublishedCount;
}

/**
 * `sorted`: every category in display order (most first), each with the key sum of its count (`key`). `keep`: a key that must stay out of Övrigt (the selected
 * category). Only groups when at least two categories would go into Övrigt.
 */
export function publishTop<T extends { incidents: number; key: number | bigint }>(
  sorted: T[],
  n: number,
  rule: DisclosureRule | null,
  isKept: (row: T) => boolean,
  makeOther: (categories: number, incidents: PublishedCount) => Omit<T, 'incidents'> & { incidents: PublishedCount },
): TopPublished<T> {
  const values = sorted.map((r) => r.incidents);
  const keys = sorted.map((r) => Number(r.key));
  const inTop = sorted.map((r, i) => i < n || isKept(r));
  const rest = sorted.flatMap((_, i) => (inTop[i] ? [] : [i]));
  const grouped = rest.length >= 2;
  const total = values.reduce((s, v) => s + v, 0);
  const otherValue = rest.reduce((s, i) => s + values[i], 0);
  const m = values.length;
  let published: PublishedCount[];
  if (!rule) {
    published = [...values, total, otherValue];
  } else {
    // Flat: the categories, then the total (index m), then Övrigt (m + 1).
    const flat = [...values, total, otherValue];
    const flatKeys = [...keys, sumKeys(keys), sumKeys(rest.map((i) => keys[i]))];
    const equations: Equation[] = [{ cells: values.map((_, i) => i), total: m }];
    // Övrigt is published only as this bar: it may be hidden with its parts.
    if (grouped) equations.push({ cells: rest, total: m + 1, ownsTotal: true });
    const why = suppressEquations(flat, equations, rule);
    published = flat.map((v, i) => markPublished(v, flatKeys[i], why[i], rule));
    if (!grouped) published[m + 1] = null;
  }
  const all = sorted.map((r, i) => ({ ...r, incidents: published[i] }));
  const other = grouped ? { categories: rest.length, incidents: published[m + 1], index: all.length - rest.length } : null;
  const shown = grouped ? [...all.filter((_, i) => inTop[i]), makeOther(rest.length, published[m + 1])] : all;
  return { all, shown, other, total: published[m] };
}

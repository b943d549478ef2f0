// Top N + "Övrigt" in a category chart, with the full table behind it (issue 15 item 10): in public view the
// shown categories, Övrigt and the total are one table, so a hidden category can't be recovered as Övrigt minus
// the other categories it sums, nor as the total minus the rest.
import { describe, expect, it } from 'vitest';
import { publishList, type PublishedCount } from '../../src/lib/disclosure/publish';
import { publishTop } from '../../src/lib/disclosure/publish-top';
import { determinedEntries, type Equation } from '../../src/lib/disclosure/suppression';

// Keys of 0: no public-view noise (cell-key.ts), so what is tested here is the pattern of hiding.
interface Row { category: string; incidents: number; key: number }
const rows = (values: number[]): Row[] => values.map((incidents, i) => ({ category: `k${i}`, incidents, key: 0 }));
const other = (n: number, incidents: PublishedCount) => ({ category: `Övrigt (${n})`, incidents, key: 0 });
const top = (values: number[], n: number, k: number | null, kept?: string) => publishTop(rows(values), n, k === null ? null : { k }, (r) => r.category === kept, other);

/**
 * What a reader of the page can work out: every published number (each category in the table, Övrigt, the total)
 * and the two sums. Returns the hidden categories whose value follows, by one line (Övrigt − shown rest,
 * total − shown categories) or by the equations together.
 */
function attack(values: number[], rest: number[], published: { all: { incidents: PublishedCount }[]; other: { incidents: PublishedCount } | null; total: PublishedCount }): number[] {
  const m = values.length;
  const shown = (v: PublishedCount): v is number => typeof v === 'number';
  const recovered = new Set<number>();
  const lines: { cells: number[]; total: PublishedCount }[] = [{ cells: values.map((_, i) => i), total: published.total }];
  if (published.other) lines.push({ cells: rest, total: published.other.incidents });
  for (const line of lines) {
    const hidden = line.cells.filter((i) => !shown(published.all[i].incidents));
    if (hidden.length === 1 && shown(line.total)) {
      const guess = line.total - line.cells.filter((i) => i !== hidden[0]).reduce((s, i) => s + (published.all[i].incidents as number), 0);
      if (guess === values[hidden[0]]) recovered.add(hidden[0]);
    }
  }
  // The equations together (e.g. total − shown top − Övrigt pins a hidden top category).
  const hiddenMask = [...published.all.map((c) => !shown(c.incidents)), !shown(published.total), published.other ? !shown(published.other.incidents) : false];
  const equations: Equation[] = [{ cells: values.map((_, i) => i), total: m }];
  if (published.other) equations.push({ cells: rest, total: m + 1 });
  for (const i of determinedEntries(equations, hiddenMask, m + 2)) if (i < m) recovered.add(i);
  return [...recovered].sort((a, b) => a - b);
}

describe('top N and Övrigt', () => {
  it('without public view: the top N, then Övrigt as the sum of the rest; the table keeps every category', () => {
    const values = [50, 40, 30, 20, 10, 9, 8, 7];
    const p = top(values, 3, null);
    expect(p.all.map((r) => r.incidents)).toEqual(values);
    expect(p.shown.map((r) => [r.category, r.incidents])).toEqual([['k0', 50], ['k1', 40], ['k2', 30], ['Övrigt (5)', 54]]);
    expect(p.other).toEqual({ categories: 5, incidents: 54, index: 3 });
    expect(p.total).toBe(174);
  });

  it('keeps the selected category out of Övrigt, and groups only when two or more would go into it', () => {
    const p = top([50, 40, 30, 20, 10], 2, null, 'k3');
    expect(p.shown.map((r) => r.category)).toEqual(['k0', 'k1', 'k3', 'Övrigt (2)']);
    expect(p.shown.at(-1)!.incidents).toBe(40);
    expect(top([50, 40, 30], 2, null).shown.map((r) => r.category)).toEqual(['k0', 'k1', 'k2']);
    expect(top([50, 40, 30], 2, null).other).toBeNull();
  });

  it('public view: a hidden category in the rest can’t be recovered as Övrigt minus the others', () => {
    // k9 = 3 is small and sits in the rest with k8 = 20; k10 = 4 is the selected category, kept out of Övrigt.
    const values = [400, 300, 250, 200, 150, 120, 100, 90, 20, 3, 4];
    const rest = [8, 9];
    // Suppressed one list at a time (the list with its total; Övrigt as a plain sum beside it), the attack works:
    // the list hides 3 and 4 (together 7 ≥ k), so 20 stays shown and Övrigt − 20 = 3.
    const naiveAll = publishList(values, values.map(() => 0), { k: 5 }, true);
    const naive = { all: naiveAll.values.map((incidents) => ({ incidents })), total: naiveAll.total, other: { incidents: 20 + 3 as PublishedCount } };
    expect(attack(values, rest, naive)).toEqual([9, 10]); // and then 4 as the total minus the rest
    // Published as one table, it doesn't:
    const p = top(values, 8, 5, 'k10');
    expect(p.shown.map((r) => r.category).slice(-2)).toEqual(['k10', 'Övrigt (2)']);
    expect(p.all[9].incidents).toBeNull();
    expect(attack(values, rest, p)).toEqual([]);
    // Övrigt or its other part is hidden with it.
    expect([p.other!.incidents, p.all[8].incidents].some((v) => typeof v !== 'number')).toBe(true);
  });

  it('public view: no hidden category is ever recoverable (random tables)', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let run = 0; run < 300; run++) {
      const m = 3 + Math.floor(random() * 14);
      const values = Array.from({ length: m }, () => (random() < 0.3 ? Math.floor(random() * 5) : Math.floor(random() * 200))).sort((a, b) => b - a);
      const n = 1 + Math.floor(random() * Math.min(m, 10));
      const p = top(values, n, 5);
      expect(attack(values, values.map((_, i) => i).slice(n), p), JSON.stringify({ values, n })).toEqual([]);
      // Every count below k is hidden, in the table and in the chart alike.
      p.all.forEach((r, i) => { if (values[i] < 5) expect(typeof r.incidents).not.toBe('number'); });
      if (p.other && values.slice(n).reduce((s, v) => s + v, 0) < 5) expect(typeof p.other.incidents).not.toBe('number');
      // The chart's bars are the table's own published values.
      p.shown.slice(0, p.other ? -1 : undefined).forEach((r) => expect(r.incidents).toBe(p.all.find((a) => a.category === r.category)!.incidents));
    }
  });
});

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

  it('public view: a small category is in no row but the pool, and no hidden count can be recovered (Övrigt minus the others, the total minus the rest)', () => {
    // k9 = 3 and k10 = 4 are small and would sit in the rest with k8 = 20; k10 is the selected category, pooled all the same.
    const values = [400, 300, 250, 200, 150, 120, 100, 90, 20, 3, 4];
    // Suppressed one list at a time (the list with its total; Övrigt as a plain sum beside it), the attack works:
    // the list hides 3 and 4 (together 7 ≥ k), so 20 stays shown and Övrigt − 20 = 3.
    const naiveAll = publishList(values, values.map(() => 0), { k: 5 }, true);
    const naive = { all: naiveAll.values.map((incidents) => ({ incidents })), total: naiveAll.total, other: { incidents: 20 + 3 as PublishedCount } };
    expect(attack(values, [8, 9], naive)).toEqual([9, 10]); // and then 4 as the total minus the rest
    const p = top(values, 8, 5, 'k10');
    // Neither k9 nor the selected k10 is listed; Övrigt sums k8 and the pool (3 + 4 = 7: shown, no count below k).
    expect(p.all.map((r) => r.category)).toEqual(['k0', 'k1', 'k2', 'k3', 'k4', 'k5', 'k6', 'k7', 'k8']);
    expect(p.shown.map((r) => r.category).slice(-2)).toEqual(['k7', 'Övrigt (1)']);
    expect(p.small).toEqual({ incidents: 7 });
    expect(publicAttack(values.slice(0, 9), 7, [8], p)).toEqual([]);
    // With k10 alone small, the pool (4) is hidden and protected.
    const alone = top([...values.slice(0, 9), 4], 8, 5, 'k9');
    expect(alone.small).toEqual({ incidents: null });
    expect(publicAttack(values.slice(0, 9), 4, [8], alone)).toEqual([]);
  });

  it('public view: no hidden count is ever recoverable, and every count below k is hidden (random tables)', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let run = 0; run < 300; run++) {
      const m = 3 + Math.floor(random() * 14);
      const values = Array.from({ length: m }, () => (random() < 0.3 ? Math.floor(random() * 5) : Math.floor(random() * 200))).sort((a, b) => b - a);
      const n = 1 + Math.floor(random() * Math.min(m, 10));
      const p = top(values, n, 5);
      const listed = values.filter((v) => v >= 5);
      const pool = values.filter((v) => v < 5).reduce((s, v) => s + v, 0);
      const rest = listed.map((_, i) => i).slice(n);
      expect(p.all.map((r) => r.incidents).filter((v) => typeof v === 'number').length + p.all.filter((r) => typeof r.incidents !== 'number').length).toBe(listed.length);
      expect(publicAttack(listed, pool, rest, p), JSON.stringify({ values, n })).toEqual([]);
      if (pool < 5) expect(typeof p.small!.incidents).not.toBe('number');
      if (rest.reduce((s, i) => s + listed[i], pool) < 5) expect(typeof p.other!.incidents).not.toBe('number');
      // The chart's bars are the table's own published values.
      p.shown.slice(0, -1).forEach((r) => expect(r.incidents).toBe(p.all.find((a) => a.category === r.category)!.incidents));
    }
  });

  it('public view: what is listed and hidden is the same whether the small categories have 0 or 1–4 incidents (helper-63)', () => {
    // The pool is always a row: a pattern that changed with a small category would tell that it exists. The listed
    // counts are above k (at exactly k a pool of 0 pins a protecting cell, and one more is hidden: the rule's corner).
    let seed = 11;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const pattern = (p: ReturnType<typeof top>) => [
      p.all.map((r) => `${r.category}:${kind(r.incidents)}`).join(' '),
      p.shown.map((r) => `${r.category}:${kind(r.incidents)}`).join(' '),
      kind(p.small!.incidents), kind(p.total),
    ];
    for (let run = 0; run < 300; run++) {
      const m = 1 + Math.floor(random() * 14);
      const listed = Array.from({ length: m }, () => 6 + Math.floor(random() * 200)).sort((a, b) => b - a);
      const n = 1 + Math.floor(random() * Math.min(m, 10));
      const none = top(listed, n, 5);
      for (const small of [[1], [4], [2, 2], [1, 1, 1, 1]]) {
        // The small categories are named after the listed ones, so the listed keep their names.
        const withSmall = top([...listed, ...small], n, 5);
        expect(pattern(withSmall), JSON.stringify({ listed, n, small })).toEqual(pattern(none));
      }
    }
  });

  it('public view: the chosen category, printed as the Händelser figure beside the chart, is not the one hidden to protect the pool (helper-67)', () => {
    // The pool (3) needs one listed category hidden beside it; the smallest is Rån, the chosen one, whose 40 the key
    // figure prints anyway — so the next smallest is hidden instead, and nothing can be recovered.
    const values = [400, 300, 250, 90, 40, 3];
    const chosen = top(values, 10, 5, 'k4');
    expect(chosen.all.slice(0, 3).map((r) => r.incidents)).toEqual([400, 300, 250]);
    expect(typeof chosen.all[3].incidents).toBe('object'); // k3 (90) "dold"
    expect(chosen.all[4].incidents).toBe(40);
    expect(publicAttack(values.slice(0, 5), 3, [], chosen)).toEqual([]);
    // Unchosen, the smallest (Rån's 40) is the one hidden, as before.
    expect(typeof top(values, 10, 5).all[4].incidents).toBe('object');
  });

  it('public view: choosing a category of 0 or of 1–4 gives the same numbers, noise and all (helper-64, helper-65)', () => {
    // One dataset, with real key sums (the noise follows them). Listed apart, a chosen category of 1–4 left the pool
    // and Övrigt, whose sums and noise then differed from a choice of 0 (helper-65: Övrigt 10 453 against 10 449).
    const keyed = (category: string, incidents: number, key: number) => ({ category, incidents, key });
    const data = [keyed('Stöld', 640, 91_331), keyed('Rån', 121, 7_204), keyed('Hot', 80, 55_003), keyed('Klotter', 45, 1_999), keyed('Bedrägeri', 9, 4_410),
      keyed('Utlänningslagen', 4, 233), keyed('Upphittat föremål', 3, 170), keyed('Varningslarm/haveri', 1, 66)];
    const publish = (chosen: string | undefined) => {
      const p = publishTop(data, 3, { k: 5 }, (r) => r.category === chosen, other);
      return JSON.stringify({ all: p.all, shown: p.shown, other: p.other, small: p.small, total: p.total });
    };
    const unchosen = publish(undefined);
    for (const chosen of ['Påhittad kategori', 'Utlänningslagen', 'Upphittat föremål', 'Varningslarm/haveri']) expect(publish(chosen), chosen).toBe(unchosen);
    // A chosen category of k or more is kept out of Övrigt as before (its own bar).
    const large = publishTop(data, 3, { k: 5 }, (r) => r.category === 'Bedrägeri', other);
    expect(large.shown.map((r) => r.category)).toEqual(['Stöld', 'Rån', 'Hot', 'Bedrägeri', 'Övrigt (1)']);
  });
});

/** A published count's kind: shown, hidden below k ("<k") or hidden to protect another ("dold"). */
function kind(v: PublishedCount | null): string {
  return typeof v === 'number' ? 'shown' : v === null ? '<k' : 'dold';
}

/**
 * Public view's equations as a reader has them: the listed categories and the pool add up to the total; the listed
 * rest and the pool to Övrigt. Returns the indices (listed, then m for the pool) whose value follows from what is shown.
 */
function publicAttack(listed: number[], pool: number, rest: number[], p: { all: { incidents: PublishedCount }[]; other: { incidents: PublishedCount } | null; small: { incidents: PublishedCount } | null; total: PublishedCount }): number[] {
  const m = listed.length;
  const shown = (v: PublishedCount | null): v is number => typeof v === 'number';
  const cells = [...p.all.map((r) => r.incidents), p.small!.incidents];
  const exact = [...listed, pool];
  const recovered = new Set<number>();
  const lines: { cells: number[]; total: PublishedCount }[] = [{ cells: exact.map((_, i) => i), total: p.total }];
  if (rest.length) lines.push({ cells: [...rest, m], total: p.other!.incidents });
  for (const line of lines) {
    const hidden = line.cells.filter((i) => !shown(cells[i]));
    if (hidden.length === 1 && shown(line.total)) {
      const guess = line.total - line.cells.filter((i) => i !== hidden[0]).reduce((s, i) => s + (cells[i] as number), 0);
      if (guess === exact[hidden[0]]) recovered.add(hidden[0]);
    }
  }
  const hiddenMask = [...cells.map((v) => !shown(v)), !shown(p.total), rest.length ? !shown(p.other!.incidents) : false];
  const equations: Equation[] = [{ cells: exact.map((_, i) => i), total: m + 1 }];
  if (rest.length) equations.push({ cells: [...rest, m], total: m + 2 });
  for (const i of determinedEntries(equations, hiddenMask, m + 3)) if (i <= m) recovered.add(i);
  return [...recovered].sort((a, b) => a - b);
}

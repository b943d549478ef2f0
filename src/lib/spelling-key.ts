// The page's twin of data/spelling-key.query.ts: one value written in several ways — case and runs of spaces,
// no-break spaces included — has one key, so a name read from the rows ("Upplands väsby", "UPPLANDS  VÄSBY") can be
// shown as the loaded boundary spells it ("Upplands Väsby"), as the Karta does.

/** The spelling key of `text`: every run of white space or Unicode space separator as one space, lower case. */
export function spellingKey(text: string): string {
  return text.replace(/[\s\p{Zs}]+/gu, ' ').toLowerCase();
}

/**
 * Each name in `counts` (name → how many rows carry it) → the name it is shown by: the boundary's spelling when a
 * boundary in `boundaryNames` has its key, else the most common spelling of its key (a tie to the first in code-point
 * order) — as the lägesbild's area table names it (lagesbild.query.ts areaCountsSql).
 */
export function shownSpellings(counts: ReadonlyMap<string, number>, boundaryNames: readonly string[]): Map<string, string> {
  const boundary = new Map<string, string>();
  for (const name of [...boundaryNames].sort()) if (!boundary.has(spellingKey(name))) boundary.set(spellingKey(name), name);
  const best = new Map<string, { name: string; n: number }>();
  for (const [name, n] of counts) {
    const key = spellingKey(name);
    const current = best.get(key);
    if (!current || n > current.n || (n === current.n && name < current.name)) best.set(key, { name, n });
  }
  return new Map([...counts.keys()].map((name) => [name, boundary.get(spellingKey(name)) ?? best.get(spellingKey(name))!.name]));
}

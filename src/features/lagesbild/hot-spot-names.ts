// Which hot-spot cells the lägesbild reads as one hot spot, and its name.
//
// A hot spot is a place in the data (its cells' place column), or else a cluster of touching cells (8-neighbour
// adjacency on the square grid) of the same group. A cluster is named by its cells' most common area, else by its
// first cell's position. Grouping by area name alone made the number of "new hot spots" depend on which boundary
// files were loaded: without areas every cell was its own hot spot, with a kommun layer every cell in the kommun was
// one. Now the areas only name the clusters; two clusters in one area read "Malmö" and "Malmö (2)".

interface NamedCell {
  ix: number;
  iy: number;
  place: string | null;
  area: string | null;
}

/** Cells of one group, gathered: `name` per hot spot and the cells in it, in the input's order within each. */
export function hotSpotsOfCells<C extends NamedCell>(cells: C[], size: number): { name: string; cells: C[] }[] {
  const byPlace = new Map<string, C[]>();
  const unnamed: { name: string; cells: C[]; first: C }[] = [];
  for (const cluster of touchingClusters(cells)) {
    const places = mostCommon(cluster.map((c) => c.place));
    for (const c of cluster) {
      // A cell without a place joins its cluster's most common place, if the cluster has one.
      const place = c.place ?? places;
      if (place === null) continue;
      const list = byPlace.get(place) ?? [];
      list.push(c);
      byPlace.set(place, list);
    }
    if (places !== null) continue;
    const first = cluster.reduce((a, b) => (b.iy < a.iy || (b.iy === a.iy && b.ix < a.ix) ? b : a));
    unnamed.push({ name: mostCommon(cluster.map((c) => c.area)) ?? `E ${first.ix * size} N ${first.iy * size}`, cells: cluster, first });
  }
  // Clusters sharing an area's name are told apart by position, south-west first, so a link reads the same each time.
  unnamed.sort((a, b) => a.first.iy - b.first.iy || a.first.ix - b.first.ix);
  const seen = new Map<string, number>();
  const clusters = unnamed.map((u) => {
    const n = (seen.get(u.name) ?? 0) + 1;
    seen.set(u.name, n);
    return { name: n === 1 ? u.name : `${u.name} (${n})`, cells: u.cells };
  });
  return [...[...byPlace].map(([name, list]) => ({ name, cells: list })), ...clusters];
}

/** The groups of cells that touch (share an edge or a corner), transitively. */
function touchingClusters<C extends NamedCell>(cells: C[]): C[][] {
  const index = new Map(cells.map((c, i) => [`${c.ix}:${c.iy}`, i]));
  const parent = cells.map((_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i])));
  cells.forEach((c, i) => {
    for (let dx = -1; dx <= 1; dx++) for (let dy = -1; dy <= 1; dy++) {
      const j = index.get(`${c.ix + dx}:${c.iy + dy}`);
      if (j !== undefined) parent[root(j)] = root(i);
    }
  });
  const groups = new Map<number, C[]>();
  cells.forEach((c, i) => {
    const list = groups.get(root(i)) ?? [];
    list.push(c);
    groups.set(root(i), list);
  });
  return [...groups.values()];
}

/** The most frequent non-null value (ties: the first in sv alphabetical order), or null. */
function mostCommon(values: (string | null)[]): string | null {
  const counts = new Map<string, number>();
  for (const v of values) if (v !== null) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: string | null = null;
  for (const [v, n] of counts) if (best === null || n > counts.get(best)! || (n === counts.get(best)! && v.localeCompare(best, 'sv') < 0)) best = v;
  return best;
}

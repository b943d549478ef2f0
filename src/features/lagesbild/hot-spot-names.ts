// Which hot-spot cells the lägesbild reads as one hot spot, and its name.
//
// A hot spot is a place in the data (its cells' place column), or else a cluster of touching cells (8-neighbour
// adjacency on the square grid) of the same group. A cluster is named by its cells' most common area, else by its
// first cell's position. Grouping by area name alone made the number of "new hot spots" depend on which boundary
// files were loaded: without areas every cell was its own hot spot, with a kommun layer every cell in the kommun was
// one. Now the areas only name the clusters; two clusters in one area read "Malmö" and "Malmö (2)".

/**
 * A faded cell touching a hot spot that is still there (new or persistent, directly or through other faded cells)
 * is that hot spot's edge, not a hot spot that has ceased: it takes the group of the hot cells it touches (the more
 * common of the two; persistent on a tie). Without this one place read "Växjö — bestående" and "Växjö — upphört".
 * A faded cell with a place of its own from the data joins only hot cells of that same place: Skolparken beside
 * Resecentrum is still a place that has ceased.
 * First (withSamePlaceJoined; `size` is the cells' side in metres) a new cell of a persistent place and a faded cell
 * of a live place within 5 km join that place's group. Returns the cells in order, regrouped.
 */
export function withJoinedEdges<C extends { ix: number; iy: number; group: string; place?: string | null }>(input: C[], size: number): C[] {
  const cells = withSamePlaceJoined(input, size);
  const spots = cells.filter((c) => c.group !== 'other');
  const out = new Map<C, C>();
  for (const cluster of touchingClusters(spots)) {
    for (const c of cluster) {
      if (c.group !== 'fading') continue;
      const alive = cluster.filter((o) => (o.group === 'persistent' || o.group === 'new') && (c.place == null || o.place === c.place));
      if (alive.length === 0) continue;
      const persistent = alive.filter((o) => o.group === 'persistent').length;
      out.set(c, { ...c, group: persistent >= alive.length - persistent ? 'persistent' : 'new' });
    }
  }
  return cells.map((c) => out.get(c) ?? c);
}

/**
 * A place from the data is one hot spot within 5 km (samePlaceNearby), so a cell of a place that is a hot spot in a
 * stronger group joins that group: a newly significant cell beside a persistent place's cells (the place's hot spot
 * grew) is that persistent hot spot, not "a new hot spot at Gustav Adolfs torg" beside "Gustav Adolfs torg (2),
 * persistent" (a tester); a faded cell of a place still hot within 5 km is that place's edge. Order: persistent, new.
 * Cells without a place are joined by touching only (withJoinedEdges; a new one touching a persistent cell here).
 */
function withSamePlaceJoined<C extends { ix: number; iy: number; group: string; place?: string | null }>(cells: C[], size: number): C[] {
  const near = (a: C, b: C) => withinSamePlaceReach(a, b, size);
  const touches = (a: C, b: C) => Math.abs(a.ix - b.ix) <= 1 && Math.abs(a.iy - b.iy) <= 1;
  const persistent = cells.filter((c) => c.group === 'persistent');
  const joinsPersistent = (c: C) => persistent.some((p) => (c.place != null ? p.place === c.place && near(p, c) : touches(p, c)));
  const step1 = cells.map((c) => (c.group === 'new' && joinsPersistent(c) ? { ...c, group: 'persistent' } : c));
  const live = step1.filter((c) => c.group === 'persistent' || c.group === 'new');
  return step1.map((c) => {
    if (c.group !== 'fading' || c.place == null) return c;
    const same = live.filter((o) => o.place === c.place && near(o, c));
    if (same.length === 0) return c;
    return { ...c, group: same.some((o) => o.group === 'persistent') ? 'persistent' : 'new' };
  });
}

interface NamedCell {
  ix: number;
  iy: number;
  place: string | null;
  area: string | null;
  /** Incidents in the report's period (absent: not known, every cell's place counts). */
  current?: number;
}

/**
 * The place a cell gives its cluster: none when the cell had no incident in the period while others of its cluster did.
 * Its place is then the name of an incident from before the period (the names are read over the whole emerging
 * window), and a tester's lägesbild named a new hot spot of 257 incidents without a place "Bakgrund Gatan 46" after
 * one incident four months old in a cell at its edge.
 */
function placeInCluster(c: NamedCell, clusterHasIncidents: boolean): string | null {
  return clusterHasIncidents && c.current === 0 ? null : c.place;
}

/**
 * The place a cluster of touching cells is named by: the place whose cells hold the most of the cluster's incidents in
 * the period (`current`; a cell without it counts once; ties: more cells, then alphabetical), unless the cluster's cells
 * without a place hold more — an edge cell with 2 of its 14 incidents at "Kvarter 186" named a hot spot of 271 whose
 * core had no place (a tester). Null: no place; the cluster is named by its area.
 */
function clusterPlace(cluster: NamedCell[], hasIncidents: boolean): string | null {
  const weight = (c: NamedCell) => c.current ?? 1;
  const byPlace = new Map<string, { weight: number; cells: number }>();
  let unplaced = 0;
  for (const c of cluster) {
    const place = placeInCluster(c, hasIncidents);
    if (place === null) {
      unplaced += weight(c);
      continue;
    }
    const p = byPlace.get(place) ?? { weight: 0, cells: 0 };
    byPlace.set(place, { weight: p.weight + weight(c), cells: p.cells + 1 });
  }
  const [best] = [...byPlace].sort(([a, p], [b, q]) => q.weight - p.weight || q.cells - p.cells || a.localeCompare(b, 'sv'));
  return best !== undefined && best[1].weight >= unplaced ? best[0] : null;
}

/** Cells of one group, gathered: `name` per hot spot and the cells in it, in the input's order within each. */
export function hotSpotsOfCells<C extends NamedCell>(cells: C[], size: number): { name: string; cells: C[] }[] {
  const byPlace = new Map<string, C[]>();
  const unnamed: { name: string; cells: C[]; first: C }[] = [];
  for (const cluster of touchingClusters(cells)) {
    const hasIncidents = cluster.some((c) => (c.current ?? 0) > 0);
    const places = clusterPlace(cluster, hasIncidents);
    // Every cell of a cluster is in its one hot spot, named by the cluster's place (or, without one, its area): a cell
    // whose own most common place was another — 2 of its 30 incidents at "Kvarter 33", beside a square's cells — was
    // a hot spot of its own, and one area of touching cells read as up to five new hot spots (a tester: 24 listed
    // where 78 hot cells formed 7 touching groups).
    if (places !== null) {
      byPlace.set(places, [...(byPlace.get(places) ?? []), ...cluster]);
      continue;
    }
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
  return [...[...byPlace].flatMap(([name, list]) => samePlaceNearby(name, list, size)), ...clusters];
}

/** Cells of one place farther apart than this are two places that share a name (Stortorget in Malmö and Uppsala). */
const SAME_PLACE_REACH_METRES = 5000;

/** Two cells of side `size` close enough to be one place's: within 5 km in both grid directions. */
function withinSamePlaceReach(a: { ix: number; iy: number }, b: { ix: number; iy: number }, size: number): boolean {
  const reach = Math.ceil(SAME_PLACE_REACH_METRES / size);
  return Math.abs(a.ix - b.ix) <= reach && Math.abs(a.iy - b.iy) <= reach;
}

/**
 * One place's cells as hot spots: cells within 5 km of each other (single linkage) are one, farther pieces are told
 * apart by their most common area — "Stortorget (Malmö)", "Stortorget (Uppsala)" — or, without one, by number.
 */
function samePlaceNearby<C extends NamedCell>(name: string, cells: C[], size: number): { name: string; cells: C[] }[] {
  const parent = cells.map((_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i])));
  for (let i = 0; i < cells.length; i++) {
    for (let j = i + 1; j < cells.length; j++) {
      if (withinSamePlaceReach(cells[i], cells[j], size)) parent[root(j)] = root(i);
    }
  }
  const pieces = new Map<number, C[]>();
  cells.forEach((c, i) => pieces.set(root(i), [...(pieces.get(root(i)) ?? []), c]));
  if (pieces.size === 1) return [{ name, cells }];
  const ordered = [...pieces.values()].sort((a, b) => Math.min(...a.map((c) => c.iy)) - Math.min(...b.map((c) => c.iy)) || Math.min(...a.map((c) => c.ix)) - Math.min(...b.map((c) => c.ix)));
  const areas = ordered.map((piece) => mostCommon(piece.map((c) => c.area)));
  const distinct = areas.every((a) => a !== null) && new Set(areas).size === areas.length;
  return ordered.map((piece, i) => ({ name: distinct ? `${name} (${areas[i]})` : i === 0 ? name : `${name} (${i + 1})`, cells: piece }));
}

/** The groups of cells that touch (share an edge or a corner), transitively. */
export function touchingClusters<C extends { ix: number; iy: number }>(cells: C[]): C[][] {
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

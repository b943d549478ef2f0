// The hexagon grid beside the squares: the SQL puts every point in the hexagon whose centre is nearest (brute force
// over the candidates, corners and edges included); a hexagon has the square's area; Gi* on
// hexagons, through the app's own path, equals Getis & Ord's formula computed here by brute force, and the default
// band gives an inner hexagon the same 12 neighbours as an inner square.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hotSpots, defaultBand, type CellCount } from '../../src/analysis/hot-spots/hot-spots.model';
import { cellIndexSql } from '../../src/data/grid-cells.query';
import { cellCentreMetres, cellCornersMetres, hexSpacing } from '../../src/lib/geo/cell-grid';
import { filterStateFromParams, filterStateToParams } from '../../src/lib/filter-state';
import { createNodeRunner } from '../../scripts/node-runner';

let seed = 11;
const random = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);

describe('hexagon cells in SQL', () => {
  let runner: Awaited<ReturnType<typeof createNodeRunner>>;
  beforeAll(async () => { runner = await createNodeRunner(); });
  afterAll(() => runner.close());

  // The reference: the hexagon whose centre is nearest, by brute force over the 5 × 5 candidates around the point —
  // what "the point lies in that regular hexagon" means. (d3-hexbin, whose layout this is, compares distances in
  // units of dx and dy and so misplaces ~2 % of random points; the app's SQL compares them in metres.)
  function nearestHexagon(e: number, n: number, size: number): { ix: number; iy: number; d: number; tie: boolean } {
    const { dx, dy } = hexSpacing(size);
    const candidates: { ix: number; iy: number; d: number }[] = [];
    const iy0 = Math.round(n / dy);
    const ix0 = Math.round(e / dx);
    for (let iy = iy0 - 2; iy <= iy0 + 2; iy++) for (let ix = ix0 - 2; ix <= ix0 + 2; ix++) {
      const [ce, cn] = cellCentreMetres({ ix, iy }, size, 'hex');
      candidates.push({ ix, iy, d: Math.hypot(e - ce, n - cn) });
    }
    candidates.sort((a, b) => a.d - b.d);
    return { ...candidates[0], tie: candidates[1].d - candidates[0].d < 1e-6 };
  }

  it.each([100, 125, 250, 1000])('puts 4 000 points in the hexagon whose centre is nearest (size %i m)', async (size) => {
    const { r } = hexSpacing(size);
    const points: [number, number][] = [];
    for (let i = 0; i < 4000; i++) points.push([580_000 + random() * 40_000, 6_630_000 + random() * 40_000]);
    // Centres, corners and edge midpoints of a few cells, and points just inside each corner: where rounding decides.
    for (let iy = 28_000; iy < 28_004; iy++) for (let ix = 3000; ix < 3004; ix++) {
      const centre = cellCentreMetres({ ix, iy }, size, 'hex');
      const corners = cellCornersMetres({ ix, iy }, size, 'hex').slice(0, 6);
      points.push(centre, ...corners, ...corners.map((c, k): [number, number] => {
        const next = corners[(k + 1) % 6];
        return [(c[0] + next[0]) / 2, (c[1] + next[1]) / 2];
      }), ...corners.map((c): [number, number] => [centre[0] + (c[0] - centre[0]) * 0.999, centre[1] + (c[1] - centre[1]) * 0.999]));
    }
    await runner.exec('CREATE OR REPLACE TABLE pts (k INTEGER, grid_e DOUBLE, grid_n DOUBLE)');
    await runner.insertColumns('pts', [
      { name: 'k', type: 'int32', values: Int32Array.from(points.map((_, k) => k)) },
      { name: 'grid_e', type: 'float64', values: Float64Array.from(points.map((p) => p[0])) },
      { name: 'grid_n', type: 'float64', values: Float64Array.from(points.map((p) => p[1])) },
    ]);
    const cell = cellIndexSql(size, 'hex');
    const rows = await runner.rows<{ k: number; ix: number; iy: number }>(`SELECT k, ${cell.ix} AS ix, ${cell.iy} AS iy FROM pts ORDER BY k`);
    expect(rows).toHaveLength(points.length);
    let wrong = 0;
    let ties = 0;
    for (const row of rows) {
      const [e, n] = points[row.k];
      const best = nearestHexagon(e, n, size);
      const [ce, cn] = cellCentreMetres(row, size, 'hex');
      const own = Math.hypot(e - ce, n - cn);
      expect(own).toBeLessThanOrEqual(r + 1e-6);
      if (best.tie) { ties++; if (own - best.d > 1e-6) wrong++; } else if (row.ix !== best.ix || row.iy !== best.iy) wrong++;
    }
    expect(wrong).toBe(0);
    expect(ties).toBeGreaterThan(0); // the edge points were tried
  });

  it('squares stay floor(metres / size)', async () => {
    const cell = cellIndexSql(250);
    const [row] = await runner.rows<{ ix: number; iy: number }>(`SELECT ${cell.ix} AS ix, ${cell.iy} AS iy FROM (SELECT 601250.0 AS grid_e, 6647999.9 AS grid_n)`);
    expect(row).toEqual({ ix: 2405, iy: 26591 });
  });
});

describe('hexagon geometry', () => {
  it('has the area of the square of the same size, and six equal sides', () => {
    for (const size of [100, 250, 1000]) {
      const ring = cellCornersMetres({ ix: 2400, iy: 28_500 }, size, 'hex');
      let twice = 0;
      for (let i = 0; i < 6; i++) twice += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
      expect(twice / 2).toBeCloseTo(size * size, 3);
      const sides = ring.slice(0, 6).map((p, i) => Math.hypot(ring[i + 1][0] - p[0], ring[i + 1][1] - p[1]));
      for (const side of sides) expect(side).toBeCloseTo(hexSpacing(size).r, 6);
    }
  });

  it('a hexagon cell filter survives the link, and a square link reads as before', () => {
    const params = filterStateToParams({ cell: { size: 250, ix: 2405, iy: -3, shape: 'hex' } });
    expect(params.get('ruta')).toBe('hex:250:2405:-3');
    expect(filterStateFromParams(params).cell).toEqual({ size: 250, ix: 2405, iy: -3, shape: 'hex' });
    expect(filterStateFromParams(new URLSearchParams('ruta=250:1:2')).cell).toEqual({ size: 250, ix: 1, iy: 2 });
    expect(filterStateFromParams(new URLSearchParams('ruta=hex:x:1:2')).cell).toBeUndefined();
  });
});

describe('Gi* on hexagons', () => {
  // A 24 × 20 block of hexagons with Poisson-ish counts and a cluster in one corner.
  const size = 250;
  const universe = Array.from({ length: 24 * 20 }, (_, k) => ({ ix: 2400 + (k % 24), iy: 28_400 + Math.floor(k / 24) }));
  const counts: CellCount[] = universe.map((c) => ({ ...c, n: Math.floor(random() * 4) + (c.ix < 2406 && c.iy < 28_405 ? 6 : 0) }));

  it('equals Getis & Ord’s Gi* (binary weights within the band, self included) computed by brute force', () => {
    const band = defaultBand(size);
    const outcome = hotSpots(universe, counts, size, band, false, 'hex');
    if (outcome.status !== 'ok') throw new Error('too few');
    const xs = universe.map((c) => cellCentreMetres(c, size, 'hex'));
    const values = counts.map((c) => c.n);
    const n = values.length;
    const mean = values.reduce((a, b) => a + b, 0) / n;
    const s = Math.sqrt(values.reduce((a, b) => a + b * b, 0) / n - mean * mean);
    outcome.cells.forEach((cell, i) => {
      const w = xs.map((p) => (Math.hypot(p[0] - xs[i][0], p[1] - xs[i][1]) <= band ? 1 : 0));
      const sw = w.reduce((a: number, b) => a + b, 0);
      const swx = w.reduce((a: number, b, j) => a + b * values[j], 0);
      const z = (swx - mean * sw) / (s * Math.sqrt((n * sw - sw * sw) / (n - 1)));
      expect(cell.z).toBeCloseTo(z, 9);
      expect(cell.neighbours).toBe(sw);
    });
    // The cluster is found: its inner hexagons are hot at 99 %.
    expect(outcome.cells.find((c) => c.ix === 2402 && c.iy === 28_402)!.bin).toBe(3);
  });

  it('gives an inner hexagon the same 12 neighbours (13 with itself) as an inner square at the default band', () => {
    const inner = { ix: 2412, iy: 28_410 };
    const idx = universe.findIndex((c) => c.ix === inner.ix && c.iy === inner.iy);
    const hex = hotSpots(universe, counts, size, defaultBand(size), false, 'hex');
    const square = hotSpots(universe, counts, size, defaultBand(size), false, 'square');
    if (hex.status !== 'ok' || square.status !== 'ok') throw new Error('too few');
    expect(hex.cells[idx].neighbours).toBe(13);
    expect(square.cells[idx].neighbours).toBe(13);
  });

  // The error rate, not only the value: under spatial randomness (independent Poisson counts, mean 3) a cell is
  // flagged at 95 % about 5 % of the time on either grid, and with FDR a random field rarely shows any hot spot.
  // Gi*'s z is a normal approximation (Ord & Getis 1995); these bounds are what that approximation should deliver.
  it.each(['square', 'hex'] as const)('%s: under randomness one cell in twenty is flagged at the 95 level, and with FDR a field rarely shows any', (shape) => {
    let state = shape === 'hex' ? 97 : 89;
    const uniform = () => ((state = (state * 48271) % 2147483647) / 2147483647);
    const poisson = (mean: number) => { const l = Math.exp(-mean); let k = 0; let p = 1; do { k++; p *= uniform(); } while (p > l); return k - 1; };
    const cells = Array.from({ length: 30 * 30 }, (_, k) => ({ ix: 2400 + (k % 30), iy: 28_400 + Math.floor(k / 30) }));
    let flagged = 0;
    let tested = 0;
    let fieldsWithAny = 0;
    const fields = 150;
    for (let f = 0; f < fields; f++) {
      const counts = cells.map((c) => ({ ...c, n: poisson(3) }));
      const plain = hotSpots(cells, counts, 250, defaultBand(250), false, shape);
      const corrected = hotSpots(cells, counts, 250, defaultBand(250), true, shape);
      if (plain.status !== 'ok' || corrected.status !== 'ok') throw new Error('too few');
      for (const c of plain.cells) { tested++; if (Math.abs(c.bin) >= 2) flagged++; }
      if (corrected.cells.some((c) => Math.abs(c.bin) >= 2)) fieldsWithAny++;
    }
    const rate = flagged / tested;
    expect(rate).toBeGreaterThan(0.035);
    expect(rate).toBeLessThan(0.065);
    // Benjamini–Hochberg under the global null controls the chance of any discovery at about α (positively
    // dependent tests, Benjamini & Yekutieli 2001): at most 10 % of 150 random fields, allowing for sampling.
    expect(fieldsWithAny / fields).toBeLessThan(0.1);
  });
});


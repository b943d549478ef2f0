// The map's pure parts: cells in metres, guardrails, the emerging window, the comparison windows; and the
// map queries against the example in native DuckDB.
import proj4 from 'proj4';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emergingWindow } from '../../src/analysis/hot-spots/emerging-window';
import { bestAreaKind, hasPopulation, comparisonWindows, cellRing, clusterSizeForZoom, publicPlaces } from '../../src/features/map/map.model';
import { availableLayerKind, hotSpotLayer } from '../../src/features/map/map-layers.model';
import { MIN_INCIDENTS_FOR_TEST, emergingHotSpots, defaultCellSize, hotSpotTableRows, hotSpots, rankedHotSpots } from '../../src/analysis/hot-spots/hot-spots.model';
import { cellUniverseSql } from '../../src/analysis/hot-spots/hot-spots.query';
import { epochDayOfIsoDate, isoDateOfEpochDay } from '../../src/lib/epoch-day';
import { confidenceBins } from '../../src/lib/statistics/confidence-bins';
import { emergingPattern } from '../../src/lib/statistics/emerging-hot-spots';
import { giStar } from '../../src/lib/statistics/gi-star';
import type { SqlRunner } from '../../src/data/sql-runner';
import { createExampleDatabase } from './support/example-database';

const SWEREF99TM = '+proj=utm +zone=33 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs';

describe('cells in metres', () => {
  it('opens the Karta on Områden when no incident has a position, and on Hot spots instead of points in public view', () => {
    expect(availableLayerKind('hotspots', false, false)).toBe('areas'); // police events: a kommun or län, no position
    expect(availableLayerKind('points', true, false)).toBe('areas');
    expect(availableLayerKind('hotspots', false, undefined)).toBe('hotspots'); // the extent is still being read
    expect(availableLayerKind('emerging', false, true)).toBe('emerging');
    expect(availableLayerKind('heat', true, true)).toBe('hotspots');
    expect(availableLayerKind('heat', false, true)).toBe('heat');
    expect(availableLayerKind('areas', true, true)).toBe('areas');
  });

  it('a cell is a square of exactly `size` metres in SWEREF 99 TM, whatever the latitude', () => {
    for (const [ix, iy, size] of [[2404, 26592, 250], [6700, 75000, 100], [600, 6200, 1000]]) {
      const ring = cellRing({ ix, iy }, size).map(([lon, lat]) => proj4('WGS84', SWEREF99TM, [lon, lat]));
      expect(ring[0][0]).toBeCloseTo(ix * size, 3);
      expect(ring[0][1]).toBeCloseTo(iy * size, 3);
      expect(ring[2][0] - ring[0][0]).toBeCloseTo(size, 3);
      expect(ring[2][1] - ring[0][1]).toBeCloseTo(size, 3);
    }
  });

  it('picks a cell size from the data extent, between 100 m and 1 km', () => {
    expect(defaultCellSize({ min_e: 0, max_e: 8000, min_n: 0, max_n: 6000 })).toBe(200);
    expect(defaultCellSize({ min_e: 0, max_e: 100_000, min_n: 0, max_n: 2000 })).toBe(1000);
    expect(defaultCellSize({ min_e: 0, max_e: 500, min_n: 0, max_n: 500 })).toBe(100);
    expect(defaultCellSize(null)).toBe(250);
  });

  it('clusters points by about 20 screen pixels', () => {
    // At 60° N a pixel is 1.19 m at zoom 16 (×20 = 24 m → 50 m clusters) and 19 m at zoom 12 (→ 500 m).
    expect(clusterSizeForZoom(18, 60)).toBe(20);
    expect(clusterSizeForZoom(16, 60)).toBe(50);
    expect(clusterSizeForZoom(12, 60)).toBe(500);
    expect(clusterSizeForZoom(8, 60)).toBe(5000);
  });
});

describe('guardrails', () => {
  const universe = Array.from({ length: 100 }, (_, i) => ({ ix: i % 10, iy: Math.floor(i / 10) }));
  it('refuses the test with too few incidents instead of colouring noise', () => {
    const few = hotSpots(universe, [{ ix: 1, iy: 1, n: MIN_INCIDENTS_FOR_TEST - 1 }], 100, 200, false);
    expect(few).toEqual({ status: 'too-few', incidents: MIN_INCIDENTS_FOR_TEST - 1, cells: 100 });
    expect(hotSpots(universe.slice(0, 10), [{ ix: 1, iy: 0, n: 500 }], 100, 200, false).status).toBe('too-few');
  });
  it('with enough, the planted cell ranks first and an empty corner is not a hot spot', () => {
    const counts = [{ ix: 5, iy: 5, n: 40 }, { ix: 5, iy: 6, n: 30 }, { ix: 6, iy: 5, n: 25 }, { ix: 0, iy: 0, n: 1 }];
    const outcome = hotSpots(universe, counts, 100, 200, false);
    if (outcome.status !== 'ok') throw new Error('expected a test');
    const ranked = rankedHotSpots(outcome.cells);
    expect(ranked[0]).toMatchObject({ ix: 5, iy: 5 });
    expect(outcome.cells.find((c) => c.ix === 9 && c.iy === 9)!.bin).toBeLessThanOrEqual(0);
  });
});

describe('the hot-spot table', () => {
  // A busy block with an empty cell in its middle: Gi* calls the empty cell hot for its neighbours' counts.
  const universe = Array.from({ length: 400 }, (_, i) => ({ ix: i % 20, iy: Math.floor(i / 20) }));
  const counts: { ix: number; iy: number; n: number }[] = [];
  for (let ix = 8; ix <= 12; ix++) for (let iy = 8; iy <= 12; iy++) if (!(ix === 10 && iy === 10)) counts.push({ ix, iy, n: 12 });
  for (let i = 0; i < 40; i++) counts.push({ ix: (i * 7) % 20, iy: 0, n: 1 });
  const outcome = hotSpots(universe, counts, 100, 200, true);
  if (outcome.status !== 'ok') throw new Error('expected a test');
  const ranked = rankedHotSpots(outcome.cells);

  it('lists the hot cells with incidents of their own and counts, not lists, those hot only by their neighbours', () => {
    const empty = ranked.find((c) => c.ix === 10 && c.iy === 10);
    expect(empty).toMatchObject({ n: 0 });
    const { places, surroundingsOnly } = hotSpotTableRows(ranked, false);
    expect(places.every((c) => c.n > 0)).toBe(true);
    expect(places.map((c) => `${c.ix}:${c.iy}`)).toEqual(ranked.filter((c) => c.n > 0).map((c) => `${c.ix}:${c.iy}`));
    expect(surroundingsOnly).toBe(ranked.filter((c) => c.n === 0).length);
    expect(surroundingsOnly).toBeGreaterThan(0);
    // Public view publishes 0 as "<k" like 1–4: every ranked cell stays, so the rows do not tell 0 from 1–4, and
    // cells of equal z are in grid order, not by their hidden counts.
    const shown = hotSpotTableRows(ranked, true);
    expect(shown.surroundingsOnly).toBe(0);
    expect(shown.places.map((c) => `${c.ix}:${c.iy}`).sort()).toEqual(ranked.map((c) => `${c.ix}:${c.iy}`).sort());
    for (let i = 1; i < shown.places.length; i++) {
      const [a, b] = [shown.places[i - 1], shown.places[i]];
      expect(a.z > b.z || (a.z === b.z && (a.iy < b.iy || (a.iy === b.iy && a.ix < b.ix)))).toBe(true);
    }
    expect(shown.places.some((c, i) => i > 0 && c.z === shown.places[i - 1].z)).toBe(true);
  });

  it('hands the map only what it draws and selects by: no counts, key sums or statistics in the features', () => {
    const layer = hotSpotLayer(outcome.cells, 100);
    const features = (layer.data as { features: { properties: Record<string, unknown> }[] }).features;
    expect(features).toHaveLength(outcome.cells.length);
    for (const f of features) expect(Object.keys(f.properties).sort()).toEqual(['bin', 'colour', 'ix', 'iy']);
  });

  it("gives each cell's local sum: its count and its neighbours' within the band, summed here independently", () => {
    const n = new Map(counts.map((c) => [`${c.ix}:${c.iy}`, c.n]));
    for (const c of outcome.cells) {
      let sum = 0;
      for (const o of universe) if (Math.hypot((o.ix - c.ix) * 100, (o.iy - c.iy) * 100) <= 200) sum += n.get(`${o.ix}:${o.iy}`) ?? 0;
      expect(c.localSum).toBe(sum);
    }
    expect(ranked.find((c) => c.ix === 10 && c.iy === 10)!.localSum).toBe(12 * 12);
  });
});

describe('the emerging analysis: study area and FDR', () => {
  // A 12 × 12 field over 10 steps with a cluster that lights up in the last three steps.
  const steps = 10;
  const rows: { ix: number; iy: number; step: number; n: number }[] = [];
  for (let step = 0; step < steps; step++) {
    for (let ix = 0; ix < 12; ix++) {
      for (let iy = 0; iy < 12; iy++) {
        const base = (ix * 7 + iy * 3 + step) % 4; // 0–3, some cells empty in some steps
        const burst = step >= 7 && ix >= 5 && ix <= 6 && iy >= 5 && iy <= 6 ? 12 : 0;
        if (base + burst > 0) rows.push({ ix, iy, step, n: base + burst });
      }
    }
  }

  it('covers exactly the cells with at least one incident in the analysed steps (as an ArcGIS space-time cube)', () => {
    const result = emergingHotSpots(rows, steps, 100, 200);
    const active = new Set(rows.map((r) => `${r.ix}:${r.iy}`));
    expect(new Set(result.keys())).toEqual(active);
    // Zero rows and rows outside the window add nothing to the study area and change no category.
    const padded = [...rows, { ix: 40, iy: 40, step: 3, n: 0 }, { ix: 41, iy: 41, step: -1, n: 9 }, { ix: 42, iy: 42, step: steps, n: 9 }];
    expect(emergingHotSpots(padded, steps, 100, 200)).toEqual(result);
  });

  it('equals Gi* per step over those cells with FDR bins, classified step by step (independent assembly)', () => {
    const cells = [...new Set(rows.map((r) => `${r.ix}:${r.iy}`))].map((k) => k.split(':').map(Number));
    const perStep = Array.from({ length: steps }, (_, step) => {
      const values = cells.map(([ix, iy]) => rows.find((r) => r.ix === ix && r.iy === iy && r.step === step)?.n ?? 0);
      const results = giStar(cells.map(([ix, iy], i) => ({ x: (ix + 0.5) * 100, y: (iy + 0.5) * 100, value: values[i] })), 200);
      return { results, bins: confidenceBins(results, true) };
    });
    const result = emergingHotSpots(rows, steps, 100, 200);
    cells.forEach(([ix, iy], i) => {
      const expected = emergingPattern(perStep.map((s) => s.bins[i]), perStep.map((s) => s.results[i].z));
      expect(result.get(`${ix}:${iy}`)).toEqual({ pattern: expected.pattern, side: expected.side });
    });
    expect(result.get('5:5')?.side).toBe('hot');
  });
});

describe('periods', () => {
  it('the emerging window ends with the latest complete ISO two-week period and is contiguous', () => {
    const w = emergingWindow(epochDayOfIsoDate('2026-11-18'), undefined, 13); // a Wednesday in week 47
    expect(w.periods.at(-1)).toEqual({ year: 2026, firstWeek: 45, lastWeek: 46 });
    expect(isoDateOfEpochDay(w.starts.at(-1)! - 1)).toBe('2026-11-15'); // the Sunday ending week 46
    expect(w.starts).toHaveLength(14);
    for (let i = 1; i < w.starts.length; i++) expect(w.starts[i] - w.starts[i - 1]).toBe(14);
  });

  it('across a 53-week year the last period of the year is three weeks long', () => {
    const w = emergingWindow(epochDayOfIsoDate('2027-01-20'), undefined, 3); // Wednesday of week 3, 2027
    expect(w.periods.map((p) => `${p.year}:${p.firstWeek}-${p.lastWeek}`)).toEqual(['2026:49-50', '2026:51-53', '2027:1-2']);
    expect(w.starts[2] - w.starts[1]).toBe(21);
    expect(w.starts[1] - w.starts[0]).toBe(14);
  });

  it('compares a filtered period with the equally long period before it', () => {
    expect(comparisonWindows({ from: 100, to: 113 }, 500)).toEqual({ current: { from: 100, to: 113 }, previous: { from: 86, to: 99 } });
    expect(comparisonWindows(undefined, 500)).toEqual({ current: { from: 473, to: 500 }, previous: { from: 445, to: 472 } });
  });
});

describe('map queries on the example', () => {
  let runner: SqlRunner & { close(): void };
  beforeAll(async () => { ({ runner } = await createExampleDatabase()); });
  afterAll(() => runner.close());

  it('every located incident lands in exactly one cell of the study area', async () => {
    const cells = await runner.rows<{ ix: number; iy: number }>(cellUniverseSql(250));
    const [{ n }] = await runner.rows<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM incidents WHERE location_precision = 'point'`);
    const [{ m }] = await runner.rows<{ m: number }>(`SELECT count(*)::INTEGER AS m FROM incidents WHERE grid_e IS NOT NULL`);
    expect(m).toBe(n);
    expect(cells.length).toBeGreaterThan(100);
  });

  it('colours the area kind the incidents are counted by', () => {
    const shape = (name: string, kind: string) => ({ name, kind, population: null, geometry: {}, label_lon: null, label_lat: null });
    const shapes = [shape('A', 'kommun'), shape('Centrum', 'stadsdel'), shape('Norr', 'stadsdel')];
    expect(bestAreaKind(shapes, [{ kind: 'stadsdel', area: 'Centrum' }, { kind: 'stadsdel', area: 'Norr' }, { kind: 'kommun', area: 'A' }])).toBe('stadsdel');
    // A name counted in another kind does not make a kind the best.
    expect(bestAreaKind(shapes, [{ kind: 'kommun', area: 'Centrum' }, { kind: 'kommun', area: 'Norr' }, { kind: 'kommun', area: 'A' }])).toBe('kommun');
  });

  it('offers the rate per 1 000 only for a kind with a population (every area read "–" under it without one)', () => {
    const shape = (name: string, kind: string | null, population: number | null) => ({ name, kind, population, geometry: {}, label_lon: null, label_lat: null });
    const shapes = [shape('A', 'kommun', 50_000), shape('Centrum', 'stadsdel', null), shape('Norr', 'stadsdel', 0), shape('X', null, 10)];
    expect(hasPopulation(shapes, 'kommun')).toBe(true);
    expect(hasPopulation(shapes, 'stadsdel')).toBe(false);
    expect(hasPopulation(shapes, null)).toBe(true);
    expect(hasPopulation(shapes, '')).toBe(true);
    expect(hasPopulation([], null)).toBe(false);
  });
});

describe('publicPlaces (the side panel in public view)', () => {
  // A cell's top places: two with shown counts, two with 1–4, and the rows without a place (3: hidden, but no name).
  const places = [
    { place: 'Köpcentrum Norr', n: 12, key: 0.3 }, { place: 'Torget', n: 5, key: 0.7 }, { place: 'Storgatan 5', n: 4, key: 0.1 },
    { place: null, n: 3, key: 0.2 }, { place: 'Bakgrund Gränd 27', n: 1, key: 0.9 },
  ];
  it('names a place only beside a count that is shown; the row without a place stays', () => {
    const { places: shown, leftOut } = publicPlaces(places, { k: 5 });
    expect(shown.map((p) => p.place)).toEqual(['Köpcentrum Norr', 'Torget', null]);
    expect(leftOut).toBe(2);
  });
  it('leaves every place when public view is off, and follows k', () => {
    expect(publicPlaces(places, null)).toEqual({ places, leftOut: 0 });
    expect(publicPlaces(places, { k: 10 }).places.map((p) => p.place)).toEqual(['Köpcentrum Norr', null]);
  });
});

describe('the count layers’ legend (countClasses)', () => {
  const sv = (v: number) => v.toLocaleString('sv-SE');
  it('gives each colour the range of counts countColour puts in it', async () => {
    const { countBreaks, countClasses, countColour } = await import('../../src/features/map/map.model');
    const values = [1, 1, 2, 3, 3, 4, 5, 8, 9, 12, 15, 20, 31, 40, 55, 80, 120, 400, 1200, 1300];
    const breaks = countBreaks(values);
    const classes = countClasses(breaks, true, sv);
    // Every value's colour is the colour of the one class whose range holds it.
    for (const v of values) {
      const holding = classes.filter(([, label]) => {
        const m = label.match(/^(?:≥ )?([\d\s\u00a0]+)(?:–([\d\s\u00a0]+))?$/)!;
        const from = Number(m[1].replace(/\D/g, ''));
        const to = label.startsWith('≥') ? Infinity : m[2] ? Number(m[2].replace(/\D/g, '')) : from;
        return v >= from && v <= to;
      });
      expect(holding, String(v)).toHaveLength(1);
      expect(holding[0][0], String(v)).toBe(countColour(v, breaks));
    }
    expect(classes[0][1]).toMatch(/^1–/);
    expect(classes.at(-1)![1]).toMatch(/^≥ /);
    // Thousands as sv-SE writes them.
    expect(countClasses([999, 1500], true, sv).map(([, l]) => l)).toEqual(['1–999', '1\u00a0000–1\u00a0500', '≥ 1\u00a0501']);
  });

  it('puts the largest value in the darkest class used, never under an empty top class (helper-69)', async () => {
    const { countBreaks, countClasses, countColour } = await import('../../src/features/map/map.model');
    const values = [248, 69, 69, 68, 61, 38];
    const breaks = countBreaks(values);
    const classes = countClasses(breaks, true, sv);
    expect(countColour(248, breaks)).toBe(classes.at(-1)![0]);
    // Every class holds a value.
    for (const [colour] of classes) expect(values.some((v) => countColour(v, breaks) === colour), colour).toBe(true);
  });

  it('leaves out a class no whole count can fall in, and rates get open ends', async () => {
    const { countClasses } = await import('../../src/features/map/map.model');
    // Breaks 2.5 and 2.8 (rates turned to counts would never do this, but the rule must hold): (2.5, 2.8] holds no integer.
    expect(countClasses([2.5, 2.8, 4], true, sv).map(([, l]) => l)).toEqual(['1–2', '3–4', '≥ 5']);
    expect(countClasses([0.4, 1.2], false, (v) => v.toLocaleString('sv-SE', { maximumFractionDigits: 1 })).map(([, l]) => l)).toEqual(['≤ 0,4', '0,4–1,2', '> 1,2']);
    expect(countClasses([], true, sv)).toEqual([]);
  });
});

// The lägesbild's hot spots: a place in the data, else a cluster of touching cells, named by area or position.
import { describe, expect, it } from 'vitest';
import { hotSpotsOfCells, withJoinedEdges } from '../../src/features/lagesbild/hot-spot-names';

const cell = (ix: number, iy: number, place: string | null = null, area: string | null = null) => ({ ix, iy, place, area });

describe('hotSpotsOfCells', () => {
  // Two clusters (one of three touching cells, one diagonal pair) and a lone cell, all in one kommun.
  const layout: [number, number][] = [[10, 10], [11, 10], [11, 11], [20, 20], [21, 21], [40, 5]];

  it('counts the same hot spots whether or not an area layer is loaded; the layer only names them', () => {
    const without = hotSpotsOfCells(layout.map(([x, y]) => cell(x, y)), 1000);
    const withKommun = hotSpotsOfCells(layout.map(([x, y]) => cell(x, y, null, 'Malmö')), 1000);
    expect(without).toHaveLength(3);
    expect(withKommun).toHaveLength(3);
    expect(withKommun.map((h) => h.cells.length).sort()).toEqual([1, 2, 3]);
    // South-west first: the lone cell at iy 5, then the cluster at iy 10, then iy 20.
    expect(withKommun.map((h) => h.name)).toEqual(['Malmö', 'Malmö (2)', 'Malmö (3)']);
    expect(without.map((h) => h.name)).toEqual(['E 40000 N 5000', 'E 10000 N 10000', 'E 20000 N 20000']);
  });

  it('gathers a place from the data across nearby clusters (within 5 km), and a cell without a place joins its cluster’s place', () => {
    const spots = hotSpotsOfCells([cell(1, 1, 'Resecentrum'), cell(2, 1), cell(12, 12, 'Resecentrum'), cell(50, 50, null, 'Söder')], 250);
    expect(spots.map((s) => [s.name, s.cells.length])).toEqual([['Resecentrum', 3], ['Söder', 1]]);
  });

  it('takes no name from a cell that had no incident in the period when others of its cluster had', () => {
    // A tester's lägesbild: a new hot spot of nine cells, its core's places tied (no place), one cell at its edge named
    // after a single incident four months before the period — the hot spot read "Bakgrund Gatan 46".
    const at = (ix: number, iy: number, place: string | null, current: number) => ({ ...cell(ix, iy, place, 'Vasastan'), current });
    const tied = [at(1, 1, null, 120), at(2, 1, null, 80), at(1, 2, null, 40), at(3, 2, 'Bakgrund Gatan 46', 0)];
    expect(hotSpotsOfCells(tied, 250).map((s) => [s.name, s.cells.length])).toEqual([['Vasastan', 4]]);
    // Beside a place with incidents in the period, the edge cell joins that place.
    const beside = [at(1, 1, 'Stationen', 120), at(2, 1, null, 80), at(3, 2, 'Bakgrund Gatan 46', 0)];
    expect(hotSpotsOfCells(beside, 250).map((s) => [s.name, s.cells.length])).toEqual([['Stationen', 3]]);
    // A touching cell with another place and incidents of its own is part of the same hot spot, named by the place
    // holding most of the cluster's incidents (a tester: 78 hot cells in 7 touching groups read as 24 new hot spots,
    // edge cells named after 2 of their 30 incidents); apart, it is a hot spot of its own.
    expect(hotSpotsOfCells([at(1, 1, 'Stationen', 120), at(2, 1, 'Kiosken', 3)], 250).map((s) => [s.name, s.cells.length])).toEqual([['Stationen', 2]]);
    expect(hotSpotsOfCells([at(1, 1, 'Stationen', 120), at(3, 1, 'Kiosken', 3)], 250).map((s) => [s.name, s.cells.length])).toEqual([['Stationen', 1], ['Kiosken', 1]]);
    // An edge cell named after 2 of its 14 incidents does not name a cluster whose 257 others are in cells without a
    // place (a tester's "B Kvarter 186 – 11 rutor – 271"); a place holding most of the cluster's incidents does.
    const edge = [at(1, 1, null, 150), at(2, 1, null, 60), at(1, 2, null, 47), at(3, 2, 'Kvarter 186', 14)];
    expect(hotSpotsOfCells(edge, 250).map((s) => [s.name, s.cells.length])).toEqual([['Vasastan', 4]]);
    const core = [at(1, 1, 'Stationen', 150), at(2, 1, null, 60), at(1, 2, null, 47), at(3, 2, 'Kvarter 186', 14)];
    expect(hotSpotsOfCells(core, 250).map((s) => [s.name, s.cells.length])).toEqual([['Stationen', 4]]);
    // The tester's south-west square: 8 cells at "torget" (168) and four edge cells each named after a weak mode of
    // its own (30, 20, 16, 1) — one hot spot of 12 cells and 235 incidents, not five.
    const square = [
      ...[[1, 1, 30], [2, 1, 25], [3, 1, 20], [1, 2, 25], [2, 2, 22], [3, 2, 18], [1, 3, 15], [2, 3, 13]].map(([x, y, n]) => at(x, y, 'torget', n)),
      at(4, 1, 'Kvarter 33', 30), at(4, 2, 'Kvarter 116', 20), at(3, 3, 'Kvarter 219', 16), at(0, 0, 'Bakgrund Allén 152', 1),
    ];
    const spots = hotSpotsOfCells(square, 250);
    expect(spots.map((s) => [s.name, s.cells.length, s.cells.reduce((t, c) => t + c.current, 0)])).toEqual([['torget', 12, 235]]);
    // A cluster with no incident in the period (a faded hot spot) keeps its cells' places.
    expect(hotSpotsOfCells([at(1, 1, 'Skolparken', 0), at(2, 1, null, 0)], 250).map((s) => [s.name, s.cells.length])).toEqual([['Skolparken', 2]]);
  });

  it('names a cluster by its most common area, ties alphabetically', () => {
    const spots = hotSpotsOfCells([cell(1, 1, null, 'Öster'), cell(2, 1, null, 'Centrum'), cell(3, 1, null, 'Öster'), cell(9, 9, null, 'Öster'), cell(10, 9, null, 'Centrum')], 250);
    expect(spots.map((s) => s.name)).toEqual(['Öster', 'Centrum']);
  });
});

describe('withJoinedEdges', () => {
  const c = (ix: number, iy: number, group: string) => ({ ix, iy, group });
  it('gives a faded cell touching a persistent hot spot that hot spot’s group; a faded spot alone stays faded', () => {
    const cells = [c(1, 1, 'persistent'), c(2, 1, 'persistent'), c(3, 1, 'fading'), c(4, 2, 'fading'), c(20, 20, 'fading'), c(30, 30, 'other')];
    expect(withJoinedEdges(cells, 250).map((x) => x.group)).toEqual(['persistent', 'persistent', 'persistent', 'persistent', 'fading', 'other']);
  });
});

describe('the lägesbild’s hot-spot rows', () => {
  it('never name one place in two groups (the tester’s "Växjö — bestående" beside "Växjö — upphört")', async () => {
    const { buildReport } = await import('../../src/features/lagesbild/lagesbild.model');
    const { lagesbildPeriods } = await import('../../src/analysis/periods/compared-periods');
    const cell = (ix: number, iy: number, group: 'new' | 'persistent' | 'fading', pattern: 'new' | 'persistent' | 'historical') => ({ ix, iy, group, pattern, place: null, area: 'Växjö', current: 1, currentKey: 0 });
    const raw = {
      periods: lagesbildPeriods({ year: 2025, firstWeek: 39, lastWeek: 40 }), development: [], categories: [], areas: [], places: [], interventions: [], goals: [],
      hotSpots: { status: 'ok' as const, size: 1000, steps: 13, cells: [cell(487, 6303, 'persistent', 'persistent'), cell(488, 6303, 'fading', 'historical'), cell(500, 6350, 'new', 'new')] },
    };
    const rows = buildReport(raw as unknown as Parameters<typeof buildReport>[0], null).hotSpots.rows;
    expect(rows.map((r) => [r.name, r.group, r.cells])).toEqual([['Växjö', 'new', 1], ['Växjö (2)', 'persistent', 2]]);
  });
});

describe('a place that is a hot spot in a stronger group', () => {
  const build = async (cells: { ix: number; iy: number; group: 'new' | 'persistent' | 'fading'; pattern: string; place: string | null }[], size = 250) => {
    const { buildReport } = await import('../../src/features/lagesbild/lagesbild.model');
    const { lagesbildPeriods } = await import('../../src/analysis/periods/compared-periods');
    const raw = {
      periods: lagesbildPeriods({ year: 2026, firstWeek: 41, lastWeek: 42 }), development: [], categories: [], areas: [], places: [], interventions: [], goals: [],
      hotSpots: { status: 'ok' as const, size, steps: 13, cells: cells.map((c) => ({ ...c, area: 'Innerstaden', current: 2, currentKey: 0 })) },
    };
    return buildReport(raw as unknown as Parameters<typeof buildReport>[0], null).hotSpots.rows.map((r) => [r.name, r.group, r.cells, r.patterns]);
  };
  it('takes in a new cell of the same place: one persistent hot spot, not "new" beside "(2), persistent" (tester)', async () => {
    const rows = await build([
      { ix: 100, iy: 200, group: 'new', pattern: 'consecutive', place: 'Gustav Adolfs torg' },
      { ix: 101, iy: 200, group: 'persistent', pattern: 'persistent', place: 'Gustav Adolfs torg' },
      { ix: 101, iy: 201, group: 'persistent', pattern: 'intensifying', place: 'Gustav Adolfs torg' },
      { ix: 140, iy: 230, group: 'new', pattern: 'new', place: 'Möllevångstorget' },
    ]);
    expect(rows).toEqual([['Möllevångstorget', 'new', 1, ['new']], ['Gustav Adolfs torg', 'persistent', 3, ['persistent', 'intensifying']]]);
  });
  it('also when the new cell does not touch (same place within 5 km), a faded cell of the place, and a placeless new cell touching it', async () => {
    const rows = await build([
      { ix: 101, iy: 200, group: 'persistent', pattern: 'persistent', place: 'Stortorget' },
      { ix: 110, iy: 205, group: 'new', pattern: 'new', place: 'Stortorget' }, //          2.2 km away
      { ix: 90, iy: 195, group: 'fading', pattern: 'historical', place: 'Stortorget' }, //  2.8 km away
      { ix: 102, iy: 201, group: 'new', pattern: 'new', place: null }, //                   touching
      { ix: 400, iy: 400, group: 'new', pattern: 'new', place: 'Stortorget' }, //          75 km away: another Stortorget
    ]);
    expect(rows.map((r) => r.slice(1, 3))).toEqual([['new', 1], ['persistent', 4]]);
    expect(new Set(rows.map((r) => String(r[0]).replace(/ \(.*\)$/, '')))).toEqual(new Set(['Stortorget']));
  });
  it('leaves a faded place alone when no hot spot of that place is near (it has ceased)', async () => {
    const rows = await build([
      { ix: 101, iy: 200, group: 'persistent', pattern: 'persistent', place: 'Resecentrum' },
      { ix: 104, iy: 200, group: 'fading', pattern: 'historical', place: 'Skolparken' },
    ]);
    expect(rows.map((r) => r.slice(0, 3))).toEqual([['Resecentrum', 'persistent', 1], ['Skolparken', 'fading', 1]]);
  });
});

describe('one place name in two towns', () => {
  it('is two hot spots, told apart by area (Stortorget in Malmö and in Uppsala); nearby pieces of one place stay one', () => {
    const cell = (ix: number, iy: number, place: string | null, area: string | null) => ({ ix, iy, place, area });
    const spots = hotSpotsOfCells([cell(374, 6164, 'Stortorget', 'Malmö'), cell(375, 6164, 'Stortorget', 'Malmö'), cell(648, 6636, 'Stortorget', 'Uppsala'), cell(378, 6166, 'Stortorget', 'Malmö')], 1000);
    expect(spots.map((s) => [s.name, s.cells.length])).toEqual([['Stortorget (Malmö)', 3], ['Stortorget (Uppsala)', 1]]);
    const noAreas = hotSpotsOfCells([cell(374, 6164, 'Stortorget', null), cell(648, 6636, 'Stortorget', null)], 1000);
    expect(noAreas.map((s) => s.name)).toEqual(['Stortorget', 'Stortorget (2)']);
  });
});

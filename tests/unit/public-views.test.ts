// Public view in the views' models: what reaches a chart, a map layer or a table when small counts are hidden.
import { describe, expect, it } from 'vitest';
import type { TrendSeries } from '../../src/features/trends/trends.model';
import { publishTrend } from '../../src/features/trends/publish-trend';
import { areaFeatures, publishedCells } from '../../src/features/map/map-layers.model';
import { publishCounts } from '../../src/features/overview/overview.model';
import { numberLines } from '../../src/features/goals/goals.model';
import { publishPositions } from '../../src/lib/disclosure/publish-positions';
import { PROTECTED } from '../../src/lib/disclosure/publish';
import { publishGoal } from '../../src/analysis/goals/publish-goal';
import type { GoalEvaluation } from '../../src/analysis/goals/evaluate-goals';

const rule = { k: 5 };
const ZERO_KEYS = { located: 0, areaOnly: 0, unlocated: 0 };

function trend(): TrendSeries {
  // Two series over four weekly buckets; the buckets are 7 days apart.
  const buckets = [0, 7, 14, 21].map((from, i) => ({ from, to: from + 6, label: `v${i + 1}` }));
  return {
    buckets,
    series: new Map([['A', [10, 3, 12, 20]], ['B', [8, 9, 7, 11]]]),
    total: [18, 12, 19, 31],
    lastYear: [null, null, null, null],
    lastYearRanges: buckets.map((b) => ({ from: b.from - 364, to: b.to - 364 })),
    rolling: [null, 15, 15.5, 25],
    interventions: [2, 0, 6, 9],
    covered: [7, 7, 7, 7],
    // Keys of 0: no public-view noise, so what is tested here is the pattern of hiding (cell-key.test.ts tests the noise).
    keys: { series: new Map([['A', [0, 0, 0, 0]], ['B', [0, 0, 0, 0]]]), lastYear: [null, null, null, null], interventions: [0, 0, 0, 0] },
    weeks: buckets.map((b, i) => ({ weekDay: b.from, incidents: [18, 12, 19, 31][i], key: 0 })),
  };
}

describe('public view in the trend chart', () => {
  it('hides a small stacked value together with a complement in its bucket and its series', () => {
    const p = publishTrend(trend(), rule, 2);
    expect(p.series.get('A')![1]).toBeNull();
    // Bucket 2 (index 1) has A hidden: B in it is hidden too, else A = total − B. B is 9: hidden to protect A,
    // so marked PROTECTED ("dold"), never null ("<5", which would be false about 9).
    expect(p.series.get('B')![1]).toBe(PROTECTED);
    for (const values of p.series.values()) for (const v of values) if (typeof v === 'number') expect(v).toBeGreaterThanOrEqual(5);
    // The bucket's total (3 + 9 = 12, two hidden cells adding up to ≥ k) can be shown, and the mean over it.
    expect(p.total[1]).toBe(12);
    expect(p.rolling[1]).toBe(15);
    expect(p.interventions[0]).toBeNull();
  });

  it('shows no rolling mean over a hidden total', () => {
    const t = trend();
    t.series = new Map([['A', [10, 3, 12, 20]]]);
    t.keys.series = new Map([['A', [0, 0, 0, 0]]]);
    t.total = [10, 3, 12, 20];
    const p = publishTrend(t, rule, 2);
    // 3 is hidden, and 10 as its complement (the series' total is published); 12 and 20 are shown.
    expect(p.total).toEqual([PROTECTED, null, 12, 20]);
    expect(p.rolling).toEqual([null, null, null, 16]);
  });

  it('passes everything through without a rule', () => {
    expect(publishTrend(trend(), null, 2).series.get('A')).toEqual([10, 3, 12, 20]);
  });
});

describe('public view on the map', () => {
  it('leaves hidden cells off the count layer', () => {
    const cells = [{ ix: 0, iy: 0, n: 40 }, { ix: 1, iy: 0, n: 2 }, { ix: 2, iy: 0, n: 7 }, { ix: 3, iy: 0, n: 30 }];
    expect(publishedCells(cells, rule).map((c) => c.ix)).toEqual([0, 3]);
    expect(publishedCells(cells, null)).toHaveLength(4);
  });

  it('hides an area’s count and its rate', () => {
    const shapes = ['Centrum', 'Kvarnby', 'Hamnen'].map((name) => ({ name, kind: 'stadsdel', population: 1000, geometry: { type: 'Polygon', coordinates: [] }, label_lon: null, label_lat: null }));
    const { values } = areaFeatures(shapes, 'stadsdel', new Map([['Centrum', 50], ['Kvarnby', 3], ['Hamnen', 20]]), new Map(), 'rate', rule);
    expect(values.map((v) => [v.name, v.n, v.value])).toEqual([['Centrum', 50, 50], ['Kvarnby', null, null], ['Hamnen', PROTECTED, null]]);
  });

  it('an area wholly outside the located incidents is "no data", not 0, and stays out of the published list', () => {
    const box = (w: number, s: number) => ({ type: 'Polygon', coordinates: [[[w, s], [w + 0.1, s], [w + 0.1, s + 0.1], [w, s]]] });
    const shapes = [
      { name: 'Malmö', kind: 'kommun', population: 360_000, geometry: box(13.0, 55.55), label_lon: null, label_lat: null },
      { name: 'Lund', kind: 'kommun', population: 130_000, geometry: box(13.15, 55.68), label_lon: null, label_lat: null },
      { name: 'Kiruna', kind: 'kommun', population: 22_000, geometry: box(20.2, 67.8), label_lon: null, label_lat: null },
    ];
    const extent = { west: 12.9, south: 55.5, east: 13.3, north: 55.8 };
    const analyst = areaFeatures(shapes, 'kommun', new Map([['Malmö', 1875]]), new Map(), 'count', null, extent).values;
    // Lund is inside the data's extent with no incidents: a real 0. Kiruna is far outside: no data.
    expect(analyst.map((v) => [v.name, v.n, v.noData ?? false])).toEqual([['Malmö', 1875, false], ['Lund', 0, false], ['Kiruna', null, true]]);
    // Public view: Lund's 0 is hidden with its complement among the areas that have data; Kiruna is not part of it.
    const published = areaFeatures(shapes, 'kommun', new Map([['Malmö', 1875]]), new Map(), 'count', rule, extent).values;
    expect(published.map((v) => [v.name, v.n, v.noData ?? false])).toEqual([['Malmö', PROTECTED, false], ['Lund', null, false], ['Kiruna', null, true]]);
    // Without an extent (no located incidents) nothing is called "no data".
    expect(areaFeatures(shapes, 'kommun', new Map(), new Map(), 'count', null, null).values.every((v) => !v.noData)).toBe(true);
  });
});

describe('areas named by the rows without a boundary', () => {
  it('are rows with their counts and no feature, published with the others (a tester: ten areas in the file, an empty table)', () => {
    const box = { type: 'Polygon', coordinates: [[[13, 55], [13.1, 55], [13.1, 55.1], [13, 55]]] };
    const shapes = [{ name: 'Centrum', kind: '', population: 1000, geometry: box, label_lon: null, label_lat: null }];
    const counts = new Map([['Centrum', 50], ['Norrmalm', 450], ['Skärholmen', 327], ['Östermalm', 3]]);
    const analyst = areaFeatures(shapes, '', counts, new Map(), 'count', null);
    expect(analyst.values.map((v) => [v.name, v.n, v.noShape ?? false])).toEqual([['Centrum', 50, false], ['Norrmalm', 450, true], ['Skärholmen', 327, true], ['Östermalm', 3, true]]);
    expect(analyst.collection.features.map((f) => f.properties?.name)).toEqual(['Centrum']);
    // No boundary at all: every counted area is a row.
    expect(areaFeatures([], null, counts, new Map(), 'count', null).values.map((v) => v.name)).toEqual(['Centrum', 'Norrmalm', 'Skärholmen', 'Östermalm']);
    // Public view: the small one is hidden, and one more with it (a complement), as among drawn areas.
    const published = areaFeatures(shapes, '', counts, new Map(), 'count', rule).values;
    expect(published.filter((v) => typeof v.n !== 'number').length).toBeGreaterThanOrEqual(2);
  });
});

describe('public view in Översikt and Mål', () => {
  it('hides small weeks with a complement', () => {
    expect(publishCounts([{ category: 'A', incidents: 3, key: 0 }, { category: 'B', incidents: 9, key: 0 }, { category: 'C', incidents: 30, key: 0 }], rule).map((r) => r.incidents)).toEqual([null, PROTECTED, 30]);
  });

  it('writes a small actual as "<5" and hides the projection made from it, not the target', () => {
    const e = { rule: 'at_least', numbers: { actual: 3, expected: 2.5, projected: 3.6, target: 4, ended: false } } as unknown as GoalEvaluation;
    // The projection is "–", not "<5": a projection of a count below 5 need not be below 5 (4 at 30 % of the period is 13).
    expect(numberLines(publishGoal(e, rule), 'sv', rule).map((l) => l.value)).toEqual(['<5', '2,5', '–', '4']);
    expect(numberLines(publishGoal(e, null), 'sv', null).map((l) => l.value)).toEqual(['3', '2,5', '3,6', '4']);
    const early = { rule: 'at_least', share: 0.3, numbers: { actual: 4, expected: 1.2, projected: 4 / 0.3, target: 4, ended: false } } as unknown as GoalEvaluation;
    expect(numberLines(publishGoal(early, rule), 'sv', rule)[2].value).toBe('–');
  });
});

describe('parts shown beside their total (Karta’s position line, Översikt’s "without position")', () => {
  it('never leaves one part recomputable as the total minus the others', () => {
    let hiddenSeen = 0;
    for (let located = 0; located <= 12; located++) for (let areaOnly = 0; areaOnly <= 6; areaOnly++) for (let unlocated = 0; unlocated <= 12; unlocated++) {
      const p = publishPositions({ located, areaOnly, unlocated, keys: ZERO_KEYS }, rule);
      const truth = { located, areaOnly, unlocated };
      const parts = (['located', 'areaOnly', 'unlocated'] as const);
      const hidden = parts.filter((x) => typeof p[x] !== 'number');
      if (hidden.length) hiddenSeen++;
      if (typeof p.total !== 'number') continue;
      // The attacker: total − the shown parts = the sum of the hidden ones.
      const rest = p.total - parts.reduce((s, x) => s + (typeof p[x] === 'number' ? (p[x] as number) : 0), 0);
      if (hidden.length === 1) throw new Error(`${JSON.stringify(truth)}: ${hidden[0]} = ${rest}`);
      if (hidden.length > 1) expect(rest, JSON.stringify(truth)).toBeGreaterThanOrEqual(rule.k);
    }
    expect(hiddenSeen).toBeGreaterThan(0);
  });

  it('the issue’s case: 6 with position, 1 without, 7 in all', () => {
    const p = publishPositions({ located: 6, areaOnly: 0, unlocated: 1, keys: ZERO_KEYS }, rule);
    expect(p.total).toBe(7);
    expect(p.unlocated).toBeNull();
    // 6 is hidden only to protect the 1: "dold", not "<5".
    expect(p.located).toBe(PROTECTED);
  });

  it('a kind no row in the data has is 0, not "<5", and hides nothing to protect itself (police events have no positions)', () => {
    const none = new Set(['area', 'none'] as const);
    const p = publishPositions({ located: 0, areaOnly: 1200, unlocated: 40, keys: ZERO_KEYS }, rule, none);
    expect(p).toMatchObject({ located: 0, areaOnly: 1200, unlocated: 40, total: 1240 });
    // Without knowing the kinds, the 0 is a small count like any other.
    expect(publishPositions({ located: 0, areaOnly: 1200, unlocated: 40, keys: ZERO_KEYS }, rule).located).toBeNull();
    // The two parts that can occur still protect each other: a small one hides, and so does its complement.
    const small = publishPositions({ located: 0, areaOnly: 1200, unlocated: 3, keys: ZERO_KEYS }, rule, none);
    expect(small.located).toBe(0);
    expect(small.unlocated).toBeNull();
    expect(small.areaOnly).toBe(PROTECTED);
    // A count above 0 of a kind read as absent (kinds read before the data changed) is published as a part, not as 0.
    expect(publishPositions({ located: 2, areaOnly: 1200, unlocated: 40, keys: ZERO_KEYS }, rule, none).located).toBeNull();
  });
});

describe('order in public view (tester: the exact order told which "<5" was larger)', () => {
  it('sorts by the shown count, hidden ones last by name, the unnamed row last', async () => {
    const { sortByShown } = await import('../../src/lib/disclosure/publish');
    const rows = [
      { name: 'Trafikkontroll', shown: null },
      { name: 'Lägesbildsmöte', shown: null },
      { name: 'Norrmalm', shown: 60 },
      { name: 'Söderäng', shown: 61 },
      { name: null, shown: 90 },
      { name: 'Centrum', shown: PROTECTED },
    ];
    const order = sortByShown(rows, (r) => r.shown as never, (r) => r.name, rule).map((r) => r.name);
    expect(order).toEqual(['Söderäng', 'Norrmalm', 'Centrum', 'Lägesbildsmöte', 'Trafikkontroll', null]);
    // The analyst's view keeps the caller's (exact) order.
    expect(sortByShown(rows, (r) => r.shown as never, (r) => r.name, null).map((r) => r.name)).toEqual(rows.map((r) => r.name));
  });
});

describe('the trend chart’s tooltip (tester: a bucket-wide marker said "<5" about a hidden 5)', () => {
  it('marks each series by its own value, escapes names from files, and writes "–" for a mean it cannot show', async () => {
    const { trendChartOption } = await import('../../src/features/trends/trends.model');
    const p = publishTrend(trend(), rule, 2);
    p.series = new Map([['<img src=x>', p.series.get('A')!], ['B', p.series.get('B')!]]);
    const labels = { total: 'Händelser', lastYear: 'Förra året', rolling: 'Glidande medel', interventions: 'Insatser' };
    const option = trendChartOption(p, { stacked: true, showLastYear: false, showRolling: true, showInterventions: true, calendar: [], labels, hidden: '<5', protectedText: 'dold' }, 'sv') as { tooltip: { formatter: (params: unknown) => string } };
    const html = option.tooltip.formatter([
      { seriesName: '<img src=x>', dataIndex: 1, marker: '', axisValueLabel: 'v2' },
      { seriesName: 'B', dataIndex: 1, marker: '', axisValueLabel: 'v2' },
      { seriesName: 'Glidande medel', dataIndex: 0, marker: '', axisValueLabel: 'v2' },
      { seriesName: 'Insatser', dataIndex: 0, marker: '', axisValueLabel: 'v2' },
    ]);
    const lines = html.split('<br/>');
    expect(lines[1]).toBe('&lt;img src=x&gt;: <5'); // 3, small
    expect(lines[2]).toBe('B: dold'); // 9, hidden to protect the 3
    expect(lines[3]).toBe('Glidande medel: –');
    expect(lines[4]).toBe('Insatser: <5');
    expect(html).not.toContain('<img');
  });
});

// The Översikt page's numbers, through the real Mosaic coordinator with pre-aggregation, against plain SQL.
import { Coordinator, makeClient, type Selection } from '@uwdata/mosaic-core';
import type { FilterExpr, Query } from '@uwdata/mosaic-sql';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { FILTER_SOURCES, incidentSelection, resetAllFilters, setFilter, sharedSelection } from '../../src/data/selections';
import { incidentsByCategoryQuery, incidentsPerWeekQuery, interventionTotalsQuery } from '../../src/features/overview/overview.query';
import { INCIDENT_DAY_EXTENT } from '../../src/data/extent.query';
import { brushToDayRange, dayRangeToBrush, totalsFromCategories, weeklySeries } from '../../src/features/overview/overview.model';
import type { DayRange } from '../../src/lib/day-range';
import type { SqlRunner } from '../../src/data/sql-runner';
import { createExampleDatabase } from './support/example-database';
import { nodeConnector } from './support/node-connector';

type Rows = Record<string, number | string>[];

function client(coordinator: Coordinator, selection: Selection, query: (f: FilterExpr) => Query) {
  let resolveNext: (rows: Rows) => void = () => {};
  let latest: Rows = [];
  const c = makeClient({
    coordinator, selection, filterStable: true, query,
    queryResult: (data) => {
      latest = (data as { toArray(): Rows }).toArray().map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v])) as Rows[number]);
      resolveNext(latest);
    },
  });
  return {
    client: c,
    get rows() { return latest; },
    next: () => new Promise<Rows>((r) => { resolveNext = r; }),
  };
}

// Wait for the coordinator to deliver what the assertion expects (or fail after 10 s): no fixed sleeps.
const eventually = (assertion: () => Promise<void> | void) => vi.waitFor(assertion, { timeout: 10_000, interval: 20 });

describe('Översikt through the coordinator', () => {
  let runner: SqlRunner & { close(): void };
  let coordinator: Coordinator;
  let extent: DayRange;
  const sent: string[] = [];

  beforeAll(async () => {
    ({ runner } = await createExampleDatabase());
    coordinator = new Coordinator(nodeConnector(runner, sent), { consolidate: false, logger: null, preagg: { schema: 'mosaic', enabled: true } });
    const [e] = await runner.rows<{ first_day: number; last_day: number }>(INCIDENT_DAY_EXTENT);
    extent = { from: e.first_day, to: e.last_day };
  });
  afterAll(() => runner.close());

  const sqlCount = async (where: string, params: (string | number)[] = [], table = 'incidents') =>
    (await runner.rows<{ n: number }>(`SELECT count(*) AS n FROM ${table} WHERE ${where}`, params))[0].n;

  it('shows the same numbers as plain SQL, before and after a brush and a category click', async () => {
    const interventions = client(coordinator, sharedSelection, interventionTotalsQuery);
    const weeks = client(coordinator, incidentSelection, incidentsPerWeekQuery);
    const categories = client(coordinator, incidentSelection, incidentsByCategoryQuery);
    // The key figures are sums over the per-category rows (the selected category's row when one is chosen).
    const total = (selected?: string) => totalsFromCategories(categories.rows as never, selected);
    // As useMosaicClient's `owns` does: the brushed chart and the clicked chart draw those filters themselves.
    FILTER_SOURCES.period.clients.add(weeks.client);
    FILTER_SOURCES.category.clients.add(categories.client);
    const all = await sqlCount('true');
    const allInterventions = await sqlCount('true', [], 'interventions');
    await eventually(() => {
      expect(total().incidents).toBe(all);
      expect(interventions.rows[0]?.interventions).toBe(allInterventions);
      expect(weeks.rows.length).toBeGreaterThan(0);
      expect(categories.rows.length).toBeGreaterThan(0);
    });
    expect(total().without_position).toBe(await sqlCount(`location_precision = 'none'`));
    const weekSum = weeks.rows.reduce((s, r) => s + Number(r.incidents), 0);
    expect(weekSum).toBe(total().incidents);

    // Brush weeks 10–20 of the series, as the chart would.
    const series = weeklySeries(weeks.rows as never, extent, 'sv');
    const range = brushToDayRange([10, 20], series, extent)!;
    expect(dayRangeToBrush(range, series)).toEqual([10, 20]);
    // Several brush steps, so the coordinator switches to pre-aggregated tables.
    for (const step of [[10, 12], [10, 16], [10, 20]] as [number, number][]) {
      const r = brushToDayRange(step, series, extent)!;
      const expected = await sqlCount(`epoch_day BETWEEN ${r.from} AND ${r.to}`);
      setFilter('period', r);
      await eventually(() => expect(total().incidents).toBe(expected));
    }
    const inRange = `epoch_day BETWEEN ${range.from} AND ${range.to}`;
    const inRangeInterventions = await sqlCount(inRange, [], 'interventions');
    const inRangeIncidents = await sqlCount(inRange);
    await eventually(() => {
      expect(interventions.rows[0].interventions).toBe(inRangeInterventions);
      expect(categories.rows.reduce((s, r) => s + Number(r.incidents), 0)).toBe(inRangeIncidents);
    });
    // The brushed chart is not filtered by its own brush.
    expect(weeks.rows.reduce((s, r) => s + Number(r.incidents), 0)).toBe(weekSum);
    // Answered from pre-aggregated tables, binned by whole days, so still exact.
    expect(sent.some((s) => s.includes('FROM "mosaic"."preagg_'))).toBe(true);

    const drugs = await sqlCount(`${inRange} AND category = 'Narkotikabrott'`);
    setFilter('category', 'Narkotikabrott');
    await eventually(() => expect(total('Narkotikabrott').incidents).toBe(drugs));
    // Interventions answer to the period only, not to an incident category.
    expect(interventions.rows[0].interventions).toBe(inRangeInterventions);

    resetAllFilters();
    await eventually(() => {
      expect(total().incidents).toBe(all);
      expect(interventions.rows[0].interventions).toBe(allInterventions);
    });
  });
});

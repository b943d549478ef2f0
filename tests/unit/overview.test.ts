// The Översikt page's numbers, through the real Mosaic coordinator with pre-aggregation, against plain SQL.
import { Coordinator, makeClient, type Selection } from '@uwdata/mosaic-core';
import type { FilterExpr, Query } from '@uwdata/mosaic-sql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { categoryClause, incidentSelection, periodClause, periodSelection, resetAllFilters } from '../../src/data/selections';
import { incidentTotalsQuery, incidentsByCategoryQuery, incidentsPerWeekQuery, interventionTotalsQuery, INCIDENT_DAY_EXTENT } from '../../src/features/overview/overview.query';
import { brushToDayRange, dayRangeToBrush, weeklySeries } from '../../src/features/overview/overview.model';
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

const settle = () => new Promise((r) => setTimeout(r, 150));

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
    const totals = client(coordinator, incidentSelection, incidentTotalsQuery);
    const interventions = client(coordinator, periodSelection, interventionTotalsQuery);
    const weeks = client(coordinator, incidentSelection, incidentsPerWeekQuery);
    const categories = client(coordinator, incidentSelection, incidentsByCategoryQuery);
    await settle();
    expect(totals.rows[0].incidents).toBe(await sqlCount('true'));
    expect(totals.rows[0].without_position).toBe(await sqlCount(`location_precision = 'none'`));
    expect(interventions.rows[0].interventions).toBe(await sqlCount('true', [], 'interventions'));
    const weekSum = weeks.rows.reduce((s, r) => s + Number(r.incidents), 0);
    expect(weekSum).toBe(totals.rows[0].incidents);

    // Brush weeks 10–20 of the series, as the chart would.
    const series = weeklySeries(weeks.rows as never, extent, 'sv');
    const range = brushToDayRange([10, 20], series, extent)!;
    expect(dayRangeToBrush(range, series)).toEqual([10, 20]);
    // Several brush steps, so the coordinator switches to pre-aggregated tables.
    for (const step of [[10, 12], [10, 16], [10, 20]] as [number, number][]) {
      periodSelection.update(periodClause(brushToDayRange(step, series, extent)!, weeks.client, extent));
      await settle();
    }
    const inRange = `epoch_day BETWEEN ${range.from} AND ${range.to}`;
    expect(totals.rows[0].incidents).toBe(await sqlCount(inRange));
    expect(interventions.rows[0].interventions).toBe(await sqlCount(inRange, [], 'interventions'));
    const categorySum = categories.rows.reduce((s, r) => s + Number(r.incidents), 0);
    expect(categorySum).toBe(totals.rows[0].incidents);
    // The brushed chart is not filtered by its own brush.
    expect(weeks.rows.reduce((s, r) => s + Number(r.incidents), 0)).toBe(weekSum);
    // Answered from pre-aggregated tables, binned by whole days, so still exact.
    expect(sent.some((s) => s.includes('FROM "mosaic"."preagg_'))).toBe(true);

    incidentSelection.update(categoryClause('Narkotikabrott', categories.client));
    await settle();
    expect(totals.rows[0].incidents).toBe(await sqlCount(`${inRange} AND category = 'Narkotikabrott'`));
    // Interventions answer to the period only, not to an incident category.
    expect(interventions.rows[0].interventions).toBe(await sqlCount(inRange, [], 'interventions'));

    resetAllFilters();
    await settle();
    expect(totals.rows[0].incidents).toBe(await sqlCount('true'));
    expect(interventions.rows[0].interventions).toBe(await sqlCount('true', [], 'interventions'));
  });
});

// The category filter's chip note: "no incident has that category" (a misspelt link) in the analyst's view; in public
// view "fewer than k, possibly none" — "none" beside nothing told 0 from 1–4 (helper-64).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { categoryFoundSql } from '../../src/data/categories.query';
import { createSchemaRunner } from '../../scripts/node-runner';
import type { SqlRunner } from '../../src/data/sql-runner';

describe('categoryFoundSql', () => {
  let runner: SqlRunner & { close(): void };
  beforeAll(async () => {
    runner = await createSchemaRunner();
    const rows = [...Array(3).fill('Hets mot folkgrupp'), ...Array(7).fill('Stöld')].map((c, i) => `('r${i}', TIMESTAMP '2026-01-01', ${`'${c}'`}, 'point', 't', 0)`);
    await runner.exec(`INSERT INTO incidents (id, occurred_at, category, location_precision, source, epoch_day) VALUES ${rows.join(', ')}`);
  });
  afterAll(() => runner.close());

  const found = async (category: string, atLeast?: number) => (await runner.rows<{ found: boolean }>(categoryFoundSql(category, atLeast)))[0].found;

  it('finds a category with at least the asked number of incidents, exactly as written', async () => {
    expect(await found('Hets mot folkgrupp')).toBe(true);
    expect(await found('hets mot folkgrupp')).toBe(false);
    expect(await found('Finns inte')).toBe(false);
    // Public view (k = 5): 3 is "fewer than 5", as 0 is; 7 is not.
    expect(await found('Hets mot folkgrupp', 5)).toBe(false);
    expect(await found('Finns inte', 5)).toBe(false);
    expect(await found('Stöld', 5)).toBe(true);
    expect(await found('Stöld', 7)).toBe(true);
    expect(await found('Stöld', 8)).toBe(false);
  });
});

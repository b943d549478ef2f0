// The data fingerprint a shared link carries (?data=…): the same rows give the same fingerprint in any database and
// order, and any other rows, areas or interventions another — so a link opened on other data is said (helper-62).
import { afterEach, describe, expect, it } from 'vitest';
import { DATA_FINGERPRINT } from '../../src/data/data-fingerprint.query';
import { createSchemaRunner } from '../../scripts/node-runner';

type Runner = Awaited<ReturnType<typeof createSchemaRunner>>;
const ROWS = Array.from({ length: 50 }, (_, i) => ({ key: i % 7 === 0 ? `h:${i}` : `A-${i}`, day: 20_000 + i }));

async function database(order: number[], extra: string[] = []): Promise<Runner> {
  const runner = await createSchemaRunner();
  const values = order.map((i) => `('${ROWS[i].key}', TIMESTAMP '2024-10-01' + INTERVAL (${i}) DAY, 'Stöld', 'none', 'fil.csv', ${ROWS[i].day}, '${ROWS[i].key}')`);
  await runner.exec(`INSERT INTO incidents (id, occurred_at, category, location_precision, source, epoch_day, row_key) VALUES ${values.join(', ')}`);
  for (const sql of extra) await runner.exec(sql);
  return runner;
}

describe('the data fingerprint', () => {
  const open: Runner[] = [];
  afterEach(() => { for (const r of open.splice(0)) r.close(); });
  const fingerprint = async (order: number[], extra: string[] = []) => {
    const runner = await database(order, extra);
    open.push(runner);
    const [{ fingerprint: f }] = await runner.rows<{ fingerprint: string }>(DATA_FINGERPRINT);
    return f;
  };
  const all = ROWS.map((_, i) => i);

  it('is the same for the same rows in any order, whatever the browser’s noise keys', async () => {
    const f = await fingerprint(all);
    expect(f).toMatch(/^[0-9a-f]{8}$/);
    expect(await fingerprint([...all].reverse())).toBe(f);
    expect(await fingerprint(all, ['ALTER TABLE incidents ADD COLUMN IF NOT EXISTS record_key SMALLINT', 'UPDATE incidents SET record_key = epoch_day % 97'])).toBe(f);
  });

  it('differs when a row is missing or changed, or the interventions or areas differ', async () => {
    const f = await fingerprint(all);
    const others = [
      await fingerprint(all.slice(1)),
      await fingerprint(all, [`UPDATE incidents SET row_key = 'A-999' WHERE row_key = 'A-1'`]),
      // The same ids with other values (helper-63: a category renamed and dates moved gave the same fingerprint).
      await fingerprint(all, [`UPDATE incidents SET category = 'Inbrott' WHERE row_key = 'A-2'`]),
      await fingerprint(all, [`UPDATE incidents SET occurred_at = occurred_at + INTERVAL 30 DAY, epoch_day = epoch_day + 30 WHERE row_key = 'A-3'`]),
      await fingerprint(all, [`INSERT INTO interventions (started_at, type, source, epoch_day, row_key) VALUES (TIMESTAMP '2024-10-02', 'Trygghetsvandring', 'x', 20001, 'I-1')`]),
      await fingerprint(all, [`INSERT INTO areas (name, kind, geometry, source) VALUES ('Centrum', 'stadsdel', '{}', 'x')`]),
      await fingerprint(all, [`INSERT INTO areas (name, kind, geometry, source) VALUES ('Centrum', 'kommun', '{}', 'x')`]),
    ];
    for (const o of others) expect(o).not.toBe(f);
    expect(new Set(others).size).toBe(others.length);
  });
});

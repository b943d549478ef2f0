import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { literal, quoteIdentifier } from '../../src/data/sql-text';
import { createNodeRunner } from '../../scripts/node-runner';

describe('SQL text from untrusted names and values', () => {
  let runner: Awaited<ReturnType<typeof createNodeRunner>>;
  beforeAll(async () => { runner = await createNodeRunner(); });
  afterAll(() => runner.close());

  it('keeps hostile CSV headers as plain column names', async () => {
    const names = ['Datum', 'a"; DROP TABLE t; --', "O'Brien", '<img src=x onerror=alert(1)>', '=cmd|/c calc'];
    await runner.exec(`CREATE TABLE t (${names.map((n) => `${quoteIdentifier(n)} VARCHAR`).join(', ')})`);
    const cols = await runner.rows<{ column_name: string }>(`SELECT column_name FROM information_schema.columns WHERE table_name = 't' ORDER BY ordinal_position`);
    expect(cols.map((c) => c.column_name)).toEqual(names);
  });

  it('quotes literal values so they stay values', async () => {
    const value = "x'); DROP TABLE t; --";
    const [row] = await runner.rows<{ v: string }>(`SELECT ${literal(value)} AS v`);
    expect(row.v).toBe(value);
    expect(literal(null)).toBe('NULL');
    expect(() => literal(Number.NaN)).toThrow();
    expect(() => quoteIdentifier('a\u0000b')).toThrow();
  });
});

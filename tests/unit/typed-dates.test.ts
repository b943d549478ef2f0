// A Parquet file's date and timestamp columns are read from their typed values (typedDateExpr), not through their
// text: the result must be what the text path (dateTimeExpr over the cast text the preview shows) gives, value for value.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dateTimeExpr, monthNamesRead, timeGivenExpr, typedDateExpr, typedDateKind, typedTimeGivenExpr } from '../../src/data/import/value-conversions.query';
import { createNodeRunner } from '../../scripts/node-runner';

describe('typed dates read as their text would be', () => {
  let runner: Awaited<ReturnType<typeof createNodeRunner>>;
  beforeAll(async () => {
    runner = await createNodeRunner();
  });
  afterAll(() => runner.close());

  // Every year from 1 to 9999 is reachable; the ends, leap days, DST nights, midnight and fractions of a second are
  // written in; then values no text parse reads (beyond year 9999, before year 1, infinity).
  const specials = ['0001-01-01 00:00:00', '0099-12-31 23:59:59.999999', '0100-01-01 00:00:00', '2024-02-29 12:00:00', '2026-03-29 02:30:00',
    '2026-10-25 02:30:00.5', '2026-04-16 00:00:00', '9999-12-31 23:59:59.999999'];
  const outside = ['10000-01-01 00:00:00', '0001-12-31 (BC) 10:00:00', 'infinity', '-infinity'];

  async function compare(type: string, values: string) {
    const text = `trim(CAST(v AS VARCHAR))`;
    const read = monthNamesRead(text);
    const kind = typedDateKind(type);
    // Nanoseconds hold 1677–2262 only (DuckDB refuses the cast of anything else; Arrow would not have it either).
    const inRange = type === 'TIMESTAMP_NS' ? 'v IS NULL OR (isfinite(v) AND year(v) BETWEEN 1678 AND 2261)' : 'true';
    expect(kind).not.toBeNull();
    const rows = await runner.rows<{ v: string | null; text_at: string | null; typed_at: string | null; text_given: boolean | null; typed_given: boolean | null }>(
      `SELECT CAST(v AS VARCHAR) AS v, CAST(${dateTimeExpr(read, 'NULL::VARCHAR')} AS VARCHAR) AS text_at,
        CAST(${typedDateExpr('v')} AS VARCHAR) AS typed_at,
        ${timeGivenExpr(read, 'NULL::VARCHAR', false)} AS text_given, ${typedTimeGivenExpr('v', kind!)} AS typed_given
      FROM (SELECT CAST(v AS ${type}) AS v FROM (${values}) WHERE ${inRange})`);
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      expect({ v: r.v, at: r.typed_at }).toEqual({ v: r.v, at: r.text_at });
      // A time of day is stored for rows with a start only.
      if (r.text_at !== null) expect({ v: r.v, given: r.typed_given }).toEqual({ v: r.v, given: r.text_given });
    }
    return rows;
  }

  const randomMicros = `SELECT TIMESTAMP '0001-01-01' + to_microseconds((random() * 315537897599999999)::BIGINT) AS v FROM range(3000)`;
  const listed = (values: string[], type = 'TIMESTAMP') => `SELECT CAST(unnest([${values.map((v) => `'${v}'`).join(', ')}, NULL]) AS ${type}) AS v`;

  it('TIMESTAMP in microseconds, random over years 1–9999 and the special values', async () => {
    await runner.exec('SELECT setseed(0.18)');
    await compare('TIMESTAMP', randomMicros);
    const rows = await compare('TIMESTAMP', listed([...specials, ...outside.slice(0, 3)]));
    // The values no text parse reads are no date either way (the row is then rejected as 'bad-date').
    expect(rows.filter((r) => r.typed_at === null).map((r) => r.v)).toEqual(['10000-01-01 00:00:00', '0001-12-31 (BC) 10:00:00', 'infinity', null]);
  });

  it('TIMESTAMP_NS, _MS and _S, and DATE', async () => {
    await runner.exec('SELECT setseed(0.42)');
    const modern = `SELECT TIMESTAMP '1700-01-01' + to_microseconds((random() * 9000000000000000)::BIGINT) AS v FROM range(2000)`;
    for (const type of ['TIMESTAMP_NS', 'TIMESTAMP_MS', 'TIMESTAMP_S']) {
      await compare(type, modern);
      await compare(type, listed(specials));
    }
    const dates = await compare('DATE', `SELECT DATE '0001-01-01' + (random() * 3652058)::INTEGER AS v FROM range(2000)`);
    expect(dates.every((r) => r.v === null || r.typed_given === false)).toBe(true);
    await compare('DATE', listed(['2024-02-29', '0001-01-01', '9999-12-31', '10000-01-01', 'infinity'], 'DATE'));
  });

  it('leaves an instant with a time zone, and every other type, to the text path', () => {
    expect(['TIMESTAMP WITH TIME ZONE', 'TIME', 'VARCHAR', 'BIGINT', 'INTERVAL'].map(typedDateKind)).toEqual([null, null, null, null, null]);
    expect(['TIMESTAMP', 'TIMESTAMP_NS', 'TIMESTAMP_MS', 'TIMESTAMP_S', 'DATE'].map(typedDateKind)).toEqual(['timestamp', 'timestamp', 'timestamp', 'timestamp', 'date']);
  });
});

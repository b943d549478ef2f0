// Public view's noise (the cell key method, lib/disclosure/cell-key.ts): the p-table's published properties, the
// issue's linked-table attack (#20: a "dold" cell shown as a number in another view), and on the example data that
// the same records give the same shown number in two views.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KEY_RANGE, MAX_NOISE, P_TABLE, cellKey, noiseFor, perturbCount } from '../../src/lib/disclosure/cell-key';
import { publishList } from '../../src/lib/disclosure/publish';
import { buildReport } from '../../src/features/lagesbild/lagesbild.model';
import { loadReport } from '../../src/features/lagesbild/load-report';
import type { SqlRunner } from '../../src/data/sql-runner';
import { createExampleDatabase } from './support/example-database';
import { seededRandom } from './support/seeded-random';
import { evaluateGoals } from '../../src/analysis/goals/evaluate-goals';
import { publishGoal } from '../../src/analysis/goals/publish-goal';

const K = 5;

describe('the p-table', () => {
  it('each row is a distribution over 256 keys, noise within ±2, never below k', () => {
    for (const row of P_TABLE) expect(row.reduce((s, [, w]) => s + w, 0)).toBe(KEY_RANGE);
    for (let value = K; value < K + 6; value++) {
      for (let key = 0; key < KEY_RANGE; key++) {
        const d = noiseFor(value, key, K);
        expect(Math.abs(d)).toBeLessThanOrEqual(MAX_NOISE);
        expect(value + d).toBeGreaterThanOrEqual(K);
      }
    }
  });

  it('far from k the noise has mean 0 and variance 310/256 (≈ 1.21), counted over every key', () => {
    const noise = Array.from({ length: KEY_RANGE }, (_, key) => noiseFor(100, key, K));
    const mean = noise.reduce((s, d) => s + d, 0) / KEY_RANGE;
    const variance = noise.reduce((s, d) => s + (d - mean) ** 2, 0) / KEY_RANGE;
    expect(mean).toBe(0);
    expect(variance).toBeCloseTo(310 / 256, 10);
    // Zero noise is the most likely, but not more than 40 % of cells keep their exact count.
    expect(noise.filter((d) => d === 0).length / KEY_RANGE).toBeLessThan(0.41);
  });

  it('the bias at k and k + 1 is what the docs say (+0.70, +0.10)', () => {
    const mean = (value: number) => Array.from({ length: KEY_RANGE }, (_, key) => noiseFor(value, key, K)).reduce((s, d) => s + d, 0) / KEY_RANGE;
    expect(mean(K)).toBeCloseTo(179 / 256, 10);
    expect(mean(K + 1)).toBeCloseTo(26 / 256, 10);
  });

  it('the cell key is the key sum mod 256, for numbers and bigints; the same sum always gives the same count', () => {
    expect(cellKey(256 * 7 + 3)).toBe(3);
    expect(cellKey(BigInt(256 * 1000 + 255))).toBe(255);
    expect(perturbCount(40, 1234, K)).toBe(perturbCount(40, 1234 + 256, K));
    expect(perturbCount(3, 99, K)).toBe(3); // small counts are hidden, not perturbed
    // Keys of 0 leave every count as it is (d = 0 comes first in every row).
    for (let v = K; v < 50; v++) expect(perturbCount(v, 0, K)).toBe(v);
  });
});

describe('the linked-table attack of issue 20', () => {
  // One table: a small count c (hidden "<5"), the count d hidden to protect it ("dold"), a shown count s and the
  // shown total. Another view shows d as a number (the next period's "föregående" column): same records, same key.
  // The attacker computes total − s − d. Without noise that is c, every time (the tester's Rån = 468 − 442 − 22 = 4).
  it('without noise the attack always succeeds; with it the best guess is right far less often', () => {
    const random = seededRandom(20);
    const trials = 20_000;
    // Tally of (true c, attacker's estimate) over random record keys.
    const tally = new Map<string, number>();
    let exactWithoutNoise = 0;
    for (let t = 0; t < trials; t++) {
      const c = Math.floor(random() * K);
      const d = 22;
      const s = 442;
      const keys = [c, d, s].map(() => Math.floor(random() * KEY_RANGE));
      // Published as the app does: the list with its total, d hidden here but shown in the other view.
      const list = publishList([c, d, s], keys, { k: K }, true);
      expect(list.values[0]).toBeNull();
      const dElsewhere = perturbCount(d, keys[1], K);
      const estimate = (list.total as number) - (list.values[2] as number) - dElsewhere;
      if ((c + d + s) - s - d === c) exactWithoutNoise++;
      const key = `${c}:${estimate}`;
      tally.set(key, (tally.get(key) ?? 0) + 1);
    }
    expect(exactWithoutNoise).toBe(trials);
    // The attacker's best rule: for each estimate, guess the c seen most often with it (knowing the whole
    // distribution — more than a real attacker knows). Its success rate over all trials:
    const estimates = new Set([...tally.keys()].map((k) => Number(k.split(':')[1])));
    let best = 0;
    for (const e of estimates) best += Math.max(...Array.from({ length: K }, (_, c) => tally.get(`${c}:${e}`) ?? 0));
    const success = best / trials;
    // Guessing blind among 0–4 is right 20 % of the time; the noise keeps the best rule well short of certainty.
    expect(success).toBeLessThan(0.5);
    // And an estimate of exactly 1–3 (the middle) never pins c down: at least two values are each ≥ 15 % likely.
    for (const e of [1, 2, 3]) {
      const counts = Array.from({ length: K }, (_, c) => tally.get(`${c}:${e}`) ?? 0);
      const sum = counts.reduce((a, b) => a + b, 0);
      expect(counts.filter((n) => n / sum >= 0.15).length, `estimate ${e}`).toBeGreaterThanOrEqual(2);
    }
  });
});

describe('record keys', () => {
  it('are the same when the same rows are loaded again (the database rebuilt in memory), and spread over 0–255', async () => {
    const read = async () => {
      const { runner } = await createExampleDatabase();
      try {
        return await runner.rows<{ id: string; record_key: number }>('SELECT id, record_key FROM incidents ORDER BY id');
      } finally {
        runner.close();
      }
    };
    const first = await read();
    const second = await read();
    expect(second).toEqual(first);
    expect(first.every((r) => r.record_key >= 0 && r.record_key < KEY_RANGE)).toBe(true);
    // Uniform enough: every quarter of the range holds 20–30 % of the rows.
    for (let q = 0; q < 4; q++) {
      const share = first.filter((r) => Math.floor(r.record_key / 64) === q).length / first.length;
      expect(share).toBeGreaterThan(0.2);
      expect(share).toBeLessThan(0.3);
    }
  }, 240_000);
});

describe('goals in public view', () => {
  it('a cadence goal’s count of periods carries no noise (tester: "21 av 22" and "Risk" for a goal in step)', async () => {
    const { runner } = await createExampleDatabase();
    try {
      const evaluations = await evaluateGoals(runner);
      const cadence = evaluations.filter((e) => e.rule === 'cadence' && e.numbers);
      expect(cadence.length).toBeGreaterThan(0);
      for (const e of cadence) {
        const shown = publishGoal(e, { k: K });
        if (e.numbers!.actual >= K) expect(shown.numbers!.actual).toBe(e.numbers!.actual);
        if (!shown.verdictWithheld) expect(shown.verdict).toBe(e.verdict);
      }
    } finally {
      runner.close();
    }
  }, 120_000);
});

describe('the same records, the same shown number, in two lägesbilder (the example)', () => {
  let runner: SqlRunner & { close(): void };
  beforeAll(async () => {
    ({ runner } = await createExampleDatabase());
    // Deterministic record keys for the test (the app draws them at random once per row).
    await runner.exec('UPDATE incidents SET record_key = (hash(id) % 256)::SMALLINT; UPDATE interventions SET record_key = (hash(id) % 256)::SMALLINT');
  }, 120_000);
  afterAll(() => runner?.close?.());

  it('the "föregående" column of v. 45–46 is the published "denna period" of v. 43–44 wherever both are shown', async () => {
    const rule = { k: K };
    const later = buildReport(await loadReport(runner, { year: 2026, firstWeek: 45, lastWeek: 46 }), rule);
    const earlier = buildReport(await loadReport(runner, { year: 2026, firstWeek: 43, lastWeek: 44 }), rule);
    const truth = buildReport(await loadReport(runner, { year: 2026, firstWeek: 43, lastWeek: 44 }), null);
    let compared = 0;
    let moved = 0;
    for (const row of later.categories) {
      const same = earlier.categories.find((c) => c.name === row.name);
      const exact = truth.categories.find((c) => c.name === row.name);
      if (!same || !exact || typeof row.previous !== 'number' || typeof same.current !== 'number') continue;
      expect(row.previous, row.name ?? '').toBe(same.current);
      expect(Math.abs(same.current - (exact.current as number))).toBeLessThanOrEqual(MAX_NOISE);
      if (same.current !== exact.current) moved++;
      compared++;
    }
    expect(compared).toBeGreaterThan(3);
    // The noise is on: some shown counts differ from the exact ones.
    expect(moved).toBeGreaterThan(0);
    expect(later.total.previous).toBe(earlier.total.current);
  }, 120_000);
});

// The seeds' promises on Exempelkommun: the app's SQL evaluation against numbers computed here, independently,
// from the generator's own records.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../scripts/generate-example.mjs';
import { evaluateGoals, type GoalEvaluation } from '../../src/analysis/goals/evaluate-goals';
import { cumulativeSeries } from '../../src/features/goals/goals.model';
import type { SqlRunner } from '../../src/data/sql-runner';
import { createExampleDatabase } from './support/example-database';

const { incidents, interventions } = generate();
const AS_OF = '2026-11-15'; // the example's last day
const SHARE = 319 / 365; // 2026-01-01 .. 2026-11-15 of 2026
const in2026 = (t: string) => t >= '2026-01-01' && t <= `${AS_OF} 23:59:59`;
const in2025ToDate = (t: string) => t >= '2025-01-01' && t <= '2025-11-15 23:59:59';
const in2025 = (t: string) => t.startsWith('2025');

describe('the seed promises on the example data', () => {
  let runner: SqlRunner & { close(): void };
  let byId: Map<string, GoalEvaluation>;
  beforeAll(async () => {
    ({ runner } = await createExampleDatabase());
    byId = new Map((await evaluateGoals(runner)).map((e) => [e.goal.id, e]));
  });
  afterAll(() => runner.close());

  it('judges all seven, without problems, as of the last day of data', () => {
    expect([...byId.keys()]).toHaveLength(7);
    for (const e of byId.values()) {
      expect(e.problem).toBeUndefined();
      expect(e.share).toBeCloseTo(SHARE, 10);
    }
  });

  it('a goal that ended before the last day of data stops there; the page’s day is still the data’s', async () => {
    const [{ last }] = await runner.rows<{ last: number }>(`SELECT greatest((SELECT max(epoch_day) FROM incidents), (SELECT max(epoch_day) FROM interventions))::INTEGER AS last`);
    for (const e of byId.values()) expect([e.asOf, e.lastDay]).toEqual([last, last]);
    const oct = Math.round(Date.UTC(2026, 9, 31) / 86_400_000);
    await runner.exec(`UPDATE goals SET "end" = '2026-10-31' WHERE id = 'storande-trafik'`);
    try {
      const e = (await evaluateGoals(runner)).find((x) => x.goal.id === 'storande-trafik')!;
      expect([e.asOf, e.lastDay, e.numbers?.ended]).toEqual([oct, last, true]);
    } finally {
      await runner.exec(`UPDATE goals SET "end" = '2026-12-31' WHERE id = 'storande-trafik'`);
    }
  });

  it('biweekly lägesbild: every 14-day window so far holds a meeting → i fas', () => {
    const meetings = interventions.filter((i) => i.type === 'Lägesbildsmöte' && in2026(i.started_at));
    const jan1 = Date.UTC(2026, 0, 1);
    const passed = Math.floor(319 / 14);
    const covered = new Set(meetings.map((m) => Math.floor((Date.parse(`${m.started_at.slice(0, 10)}T00:00:00Z`) - jan1) / 86_400_000 / 14)).filter((k) => k < passed));
    const e = byId.get('lagesbild-varannan-vecka')!;
    // 26 periods: the year's leftover day belongs to the last (see below).
    expect(e.numbers).toMatchObject({ actual: covered.size, expected: passed, target: Math.floor(365 / 14) });
    expect(covered.size).toBe(passed);
    expect(e.verdict).toBe('on_track');
  });

  it('four follow-ups a year: three so far → risk (3 ÷ 0.874 = 3.4, within 20 % of 4)', () => {
    const n = interventions.filter((i) => i.type === 'Uppföljning brottsutsatt plats' && in2026(i.started_at)).length;
    expect(n).toBe(3);
    const e = byId.get('uppfoljning-brottsutsatta-platser')!;
    expect(e.numbers?.actual).toBe(3);
    expect(e.numbers?.projected).toBeCloseTo(3 / SHARE, 10);
    expect(e.verdict).toBe('at_risk');
  });

  it('dialogues per stadsdel (2) and ytterområde (1): every area shown, Kvarnby and Västerby behind', () => {
    const e = byId.get('medborgardialoger')!;
    const areas = Object.fromEntries(e.areas!.map((a) => [a.area, a]));
    expect(Object.keys(areas)).toHaveLength(10);
    for (const a of e.areas!) {
      const n = interventions.filter((i) => i.type === 'Medborgardialog' && i.area === a.area && in2026(i.started_at)).length;
      expect(a.actual, a.area).toBe(n);
      expect(a.target).toBe(a.kind === 'stadsdel' ? 2 : 1);
    }
    expect(areas['Kvarnby']).toMatchObject({ actual: 0, verdict: 'behind' });
    expect(areas['Västerby']).toMatchObject({ actual: 1, verdict: 'behind' }); // 1 ÷ 0.874 = 1.14 < 1.6
    expect(areas['Centrum'].verdict).toBe('met');
    expect(e.verdict).toBe('behind');
  });

  it('five newly known individuals prosecuted: the sum of the outcome column', () => {
    const sum = interventions.filter((i) => i.type === 'Riktad narkotikainsats' && in2026(i.started_at)).reduce((s, i) => s + (i.lagforda_ej_tidigare_kanda ?? 0), 0);
    const e = byId.get('lagfora-ej-tidigare-kanda')!;
    expect(e.numbers?.actual).toBe(sum);
    expect(e.verdict).toBe(sum >= 5 ? 'met' : sum / SHARE >= 5 ? 'on_track' : sum / SHARE >= 4 ? 'at_risk' : 'behind');
  });

  it('more drug interventions than last year: compared with all of 2025', () => {
    const now = interventions.filter((i) => i.type === 'Riktad narkotikainsats' && in2026(i.started_at)).length;
    const last = interventions.filter((i) => i.type === 'Riktad narkotikainsats' && in2025(i.started_at)).length;
    const lastToDate = interventions.filter((i) => i.type === 'Riktad narkotikainsats' && in2025ToDate(i.started_at)).length;
    const e = byId.get('oka-narkotikainsatser')!;
    expect(e.numbers).toMatchObject({ actual: now, target: last, expected: lastToDate });
    expect(now).toBeGreaterThan(last);
    expect(e.verdict).toBe('met');
  });

  it('traffic measures at the selected places: only those places count', () => {
    const n = interventions.filter((i) => i.type === 'Trafikkontroll' && (i.place === 'Ringvägen' || i.place === 'Lindbyrakan') && in2026(i.started_at)).length;
    const e = byId.get('storande-trafik')!;
    expect(e.numbers?.actual).toBe(n);
    expect(e.verdict).toBe(n >= 40 ? 'met' : n / SHARE >= 40 ? 'on_track' : n / SHARE >= 32 ? 'at_risk' : 'behind');
  });

  it('fewer disorder incidents at Resecentrum than last year', () => {
    const sel = (f: (t: string) => boolean) => incidents.filter((i) => i.category === 'Ordningsstörning' && i.place === 'Resecentrum' && f(i.occurred_at)).length;
    const e = byId.get('ordningsstorningar-resecentrum')!;
    expect(e.numbers).toMatchObject({ actual: sel(in2026), target: sel(in2025), expected: sel(in2025ToDate) });
    // Projected at last year's pace: actual × (all of 2025 ÷ 2025 to the same day).
    const projected = (sel(in2026) * sel(in2025)) / sel(in2025ToDate);
    expect(e.numbers!.projected).toBeCloseTo(projected, 9);
    expect(e.verdict).toBe(sel(in2026) >= sel(in2025) ? 'behind' : projected < sel(in2025) ? 'on_track' : projected <= 1.2 * sel(in2025) ? 'at_risk' : 'behind');
  });

  it('gives no verdict on "fewer than last period" with none in either period (it read "✗ Efter" on 0 against 0)', async () => {
    const { evaluateGoal } = await import('../../src/analysis/goals/evaluate-goals');
    const resecentrum = byId.get('ordningsstorningar-resecentrum')!;
    // No such category at all: 0 in 2025 and 0 in 2026.
    const goal = { ...resecentrum.goal, id: 'inga', filter: { ...resecentrum.goal.filter, category: ['Finns inte'] } };
    const columns = new Map((await runner.rows<{ column_name: string; data_type: string }>("SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'incidents'")).map((r) => [r.column_name, r.data_type]));
    const none = await evaluateGoal(runner, goal, resecentrum.asOf, columns);
    expect(none.problem).toEqual({ key: 'nothing-to-decrease' });
    expect(none.verdict).toBeUndefined();
    // Söderäng had none at Resecentrum in 2025 and has one in 2026: more than before is behind, not "nothing to judge".
    const soderang = await evaluateGoal(runner, resecentrum.goal, resecentrum.asOf, columns, [`"area" IN ('Söderäng')`]);
    expect(soderang.numbers).toMatchObject({ actual: 1, target: 0 });
    expect(soderang.verdict).toBe('behind');
    // The same goal with last year's rows keeps its verdict.
    expect((await evaluateGoal(runner, resecentrum.goal, resecentrum.asOf, columns)).verdict).toBe(resecentrum.verdict);
  });

  it('draws the cumulative line to the actual, and the expected line to the target', () => {
    const e = byId.get('storande-trafik')!;
    const points = cumulativeSeries(e);
    const asOfPoint = points.find((p) => p.label === AS_OF)!;
    expect(asOfPoint.actual).toBe(e.numbers!.actual);
    expect(points.at(-1)).toMatchObject({ label: '2026-12-31', actual: null, expected: 40 });
    expect(points.every((p, i) => i === 0 || (p.actual ?? Infinity) >= (points[i - 1].actual ?? 0))).toBe(true);
    // Increase/decrease: the expected line is the previous period's own pace, ending at its total.
    const drugs = byId.get('oka-narkotikainsatser')!;
    const line = cumulativeSeries(drugs);
    expect(line.at(-1)!.expected).toBe(drugs.numbers!.target);
    expect(line.find((p) => p.label === AS_OF)!.expected).toBe(drugs.numbers!.expected);
  });

  it('follows the cross-filter: a period narrows interventions, an area narrows incidents', async () => {
    const march = [Date.UTC(2026, 4, 1), Date.UTC(2026, 4, 31)].map((t) => t / 86_400_000);
    const filtered = new Map((await evaluateGoals(runner, { interventions: [`epoch_day BETWEEN ${march[0]} AND ${march[1]}`], incidents: [`"area" IN ('Söderäng')`] })).map((e) => [e.goal.id, e]));
    const mayFollowUps = interventions.filter((i) => i.type === 'Uppföljning brottsutsatt plats' && i.started_at.startsWith('2026-05')).length;
    expect(filtered.get('uppfoljning-brottsutsatta-platser')!.numbers!.actual).toBe(mayFollowUps);
    const inSoderang = incidents.filter((i) => i.category === 'Ordningsstörning' && i.place === 'Resecentrum' && i.area === 'Söderäng' && in2026(i.occurred_at)).length;
    expect(filtered.get('ordningsstorningar-resecentrum')!.numbers!.actual).toBe(inSoderang);
  });

  it('gives no verdict under a period filter that cuts the days a goal reads; one covering them all changes nothing', async () => {
    const day = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) / 86_400_000;
    const cut = { from: day(2025, 12, 29), to: day(2026, 3, 8) };
    const between = (p: { from: number; to: number }) => [`epoch_day BETWEEN ${p.from} AND ${p.to}`];
    const under = await evaluateGoals(runner, { incidents: between(cut), interventions: between(cut) }, undefined, cut);
    for (const e of under) {
      if (e.problem?.key === 'not-started') continue;
      expect(e.problem, e.goal.id).toMatchObject({ key: 'period-cut', from: '2025-12-29', to: '2026-03-08' });
      expect(e.numbers).toBeUndefined();
      expect(e.verdict).toBeUndefined();
    }
    // A decrease goal reads the previous year too: named in the problem.
    expect(under.find((e) => e.goal.id === 'ordningsstorningar-resecentrum')!.problem).toMatchObject({ readFrom: '2025-01-01' });
    // 2025-01-01 … 2026-12-31 covers every day a 2026 goal reads, its previous year included: judged as without it.
    const whole = { from: day(2025, 1, 1), to: day(2026, 12, 31) };
    const covered = new Map((await evaluateGoals(runner, { incidents: between(whole), interventions: between(whole) }, undefined, whole)).map((e) => [e.goal.id, e]));
    for (const [id, e] of byId) {
      expect(covered.get(id)!.problem, id).toEqual(e.problem);
      expect(covered.get(id)!.numbers, id).toEqual(e.numbers);
      expect(covered.get(id)!.verdict, id).toBe(e.verdict);
    }
  });

  it('counts distinct values, and lists the rows behind a number', async () => {
    const { goalWindows } = await import('../../src/analysis/goals/goal-period');
    const { goalRowsQuery } = await import('../../src/analysis/goals/goals.query');
    const goal = { ...byId.get('uppfoljning-brottsutsatta-platser')!.goal, id: 'platser', measure: 'distinct:place' };
    const { evaluateGoal } = await import('../../src/analysis/goals/evaluate-goals');
    const lastDay = byId.get('uppfoljning-brottsutsatta-platser')!.asOf;
    const e = await evaluateGoal(runner, goal, lastDay, new Map([['type', 'VARCHAR'], ['place', 'VARCHAR']]));
    const places = new Set(interventions.filter((i) => i.type === 'Uppföljning brottsutsatt plats' && in2026(i.started_at)).map((i) => i.place));
    expect(e.numbers!.actual).toBe(places.size);
    const { current } = goalWindows(goal, lastDay);
    const rows = await runner.rows<{ what: string; place: string }>(goalRowsQuery(goal, current, lastDay));
    expect(rows).toHaveLength(3);
    expect(new Set(rows.map((r) => r.place))).toEqual(places);
  });

  it('lists an incident read without a time of day by its date, not at 00:00', async () => {
    const { goalWindows } = await import('../../src/analysis/goals/goal-period');
    const { goalRowsQuery } = await import('../../src/analysis/goals/goals.query');
    const e = byId.get('ordningsstorningar-resecentrum')!;
    const { current } = goalWindows(e.goal, e.asOf);
    const [first] = await runner.rows<{ id: string; time: string }>(goalRowsQuery(e.goal, current, e.asOf, [], 1));
    expect(first.time).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    await runner.exec(`UPDATE incidents SET time_given = FALSE WHERE id = '${first.id}'`);
    try {
      const [again] = await runner.rows<{ id: string; time: string }>(goalRowsQuery(e.goal, current, e.asOf, [], 1));
      expect(again).toEqual({ ...again, id: first.id, time: first.time.slice(0, 10) });
    } finally {
      await runner.exec(`UPDATE incidents SET time_given = TRUE WHERE id = '${first.id}'`);
    }
  });

  it('judges "at most N per area" as at most, and the headline does not count a row in two kinds twice', async () => {
    // The dialogues goal turned into a ceiling: at most 1 per stadsdel, at most 3 per ytterområde.
    await runner.exec(`UPDATE goals SET direction = 'at_most', per_area = '{"stadsdel": 1, "ytterområde": 3}' WHERE id = 'medborgardialoger'`);
    const e = new Map((await evaluateGoals(runner)).map((x) => [x.goal.id, x])).get('medborgardialoger')!;
    expect(e.rule).toBe('at_most');
    for (const a of e.areas!) {
      const n = interventions.filter((i) => i.type === 'Medborgardialog' && i.area === a.area && in2026(i.started_at)).length;
      expect(a.actual, a.area).toBe(n);
      // Over the ceiling is behind; at or under it (with the year not over) is not.
      if (n > a.target) expect(a.verdict, a.area).toBe('behind');
      else expect(a.verdict, a.area).not.toBe('behind');
    }
    const stadsdelar = e.areas!.filter((a) => a.kind === 'stadsdel');
    expect(e.numbers!.actual).toBe(stadsdelar.reduce((s, a) => s + a.actual, 0));
    expect(e.numbers!.target).toBe(stadsdelar.length);
    await runner.exec(`UPDATE goals SET direction = 'at_least', per_area = '{"stadsdel": 2, "ytterområde": 1}' WHERE id = 'medborgardialoger'`);
  });

  // Counted here from the generator's meetings: the periods of 14 days from the window's first day that hold one, the
  // days left over at the year's end belonging to the last period (2026: 26 periods, the 26th 15 days long).
  const cadence = (year: number, lastDay: string) => {
    const from = Date.UTC(year, 0, 1) / 86_400_000;
    const to = Date.UTC(year, 11, 31) / 86_400_000;
    const total = Math.floor((to - from + 1) / 14);
    const period = (t: string) => Math.min(Math.floor((Date.parse(`${t.slice(0, 10)}T00:00:00Z`) / 86_400_000 - from) / 14), total - 1);
    const ended = lastDay >= `${year}-12-31`;
    const asOf = Math.min(to, Date.parse(`${lastDay}T00:00:00Z`) / 86_400_000);
    const passed = ended ? total : Math.min(total - 1, Math.floor((asOf - from + 1) / 14));
    const held = new Set(interventions.filter((i) => i.type === 'Lägesbildsmöte' && i.started_at.startsWith(String(year)) && period(i.started_at) < passed).map((i) => period(i.started_at)));
    return { total, passed, actual: held.size };
  };

  it('counts a cadence goal’s periods with the leftover days in the last period, not as a period of their own', async () => {
    const e = byId.get('lagesbild-varannan-vecka')!;
    const want = cadence(2026, AS_OF);
    expect(want.total).toBe(26);
    expect(e.numbers).toMatchObject({ target: want.total, expected: want.passed, actual: want.actual });
    // 2025, over: 26 periods, not 27 (a tester's "24 av 27" counted 31 December alone as a missed period).
    await runner.exec(`UPDATE goals SET start = '2025-01-01', "end" = '2025-12-31' WHERE id = 'lagesbild-varannan-vecka'`);
    try {
      const y2025 = new Map((await evaluateGoals(runner)).map((x) => [x.goal.id, x])).get('lagesbild-varannan-vecka')!;
      const want2025 = cadence(2025, '2025-12-31');
      expect(want2025.total).toBe(26);
      expect(y2025.numbers).toMatchObject({ target: 26, expected: 26, actual: want2025.actual, ended: true });
    } finally {
      await runner.exec(`UPDATE goals SET start = '2026-01-01', "end" = '2026-12-31' WHERE id = 'lagesbild-varannan-vecka'`);
    }
  });

  // A tester's goal for 2027 read "✗ Efter … Till och med 2027-01-01: 0", and a lägesbild of February 2025 judged the
  // 2026 goals "per 2025-02-28" on data from 2026.
  it('says a goal that begins after the day it is judged as of has not started, with no numbers and no verdict', async () => {
    await runner.exec(`UPDATE goals SET start = '2027-01-01', "end" = '2027-12-31' WHERE id = 'medborgardialoger'`);
    try {
      const later = new Map((await evaluateGoals(runner)).map((e) => [e.goal.id, e]));
      expect(later.get('medborgardialoger')).toMatchObject({ problem: { key: 'not-started', start: '2027-01-01' }, share: 0 });
      expect(later.get('medborgardialoger')!.verdict).toBeUndefined();
      expect(later.get('medborgardialoger')!.numbers).toBeUndefined();
      // The others, begun, are judged as before.
      expect([...later.values()].filter((e) => e.problem).map((e) => e.goal.id)).toEqual(['medborgardialoger']);
    } finally {
      await runner.exec(`UPDATE goals SET start = '2026-01-01', "end" = '2026-12-31' WHERE id = 'medborgardialoger'`);
    }
    // A past lägesbild (as of 2025-02-28): every 2026 goal has not started; none counts a row of 2026.
    const past = await evaluateGoals(runner, {}, Math.round(Date.UTC(2025, 1, 28) / 86_400_000));
    expect(past.map((e) => e.problem?.key)).toEqual(past.map(() => 'not-started'));
  });

  // The police renamed "Fylleri/LOB" to "Fylleri" on 2026-03-02: a goal on the old name read as kept.
  it('gives no verdict on a goal whose rows end inside the days it reads, until the new name joins its condition', async () => {
    const resecentrum = byId.get('ordningsstorningar-resecentrum')!;
    const renamed = "category = 'Ordningsstörning' AND epoch_day >= 20514"; // 2026-03-01 = epoch day 20513
    expect(Math.round(Date.UTC(2026, 2, 2) / 86_400_000)).toBe(20514);
    const lastBefore = incidents.filter((i) => i.category === 'Ordningsstörning' && i.place === 'Resecentrum' && i.occurred_at < '2026-03-02').map((i) => i.occurred_at.slice(0, 10)).sort().at(-1);
    await runner.exec(`UPDATE incidents SET category = 'Ordningsstörning, allmän' WHERE ${renamed}`);
    try {
      const after = new Map((await evaluateGoals(runner)).map((e) => [e.goal.id, e]));
      const e = after.get('ordningsstorningar-resecentrum')!;
      expect(e.problem).toEqual({ key: 'rows-boundary', begins: null, ends: lastBefore, dataFirst: expect.any(String), dataLast: AS_OF });
      expect(e.verdict).toBeUndefined();
      // Every other goal reads interventions or other categories: judged as before.
      expect([...after.values()].filter((x) => x.problem).map((x) => x.goal.id)).toEqual(['ordningsstorningar-resecentrum']);
      // Both names in the condition: the same numbers and verdict as before the rename.
      await runner.exec(`UPDATE goals SET filter = '{"category": ["Ordningsstörning", "Ordningsstörning, allmän"], "place": ["Resecentrum"]}' WHERE id = 'ordningsstorningar-resecentrum'`);
      const both = (await evaluateGoals(runner)).find((x) => x.goal.id === 'ordningsstorningar-resecentrum')!;
      expect(both.problem).toBeUndefined();
      expect(both.numbers).toEqual(resecentrum.numbers);
      expect(both.verdict).toBe(resecentrum.verdict);
    } finally {
      await runner.exec(`UPDATE incidents SET category = 'Ordningsstörning' WHERE category = 'Ordningsstörning, allmän'`);
      await runner.exec(`UPDATE goals SET filter = '${JSON.stringify(resecentrum.goal.filter)}' WHERE id = 'ordningsstorningar-resecentrum'`);
    }
    expect((await evaluateGoals(runner)).find((x) => x.goal.id === 'ordningsstorningar-resecentrum')!.verdict).toBe(resecentrum.verdict);
  });

  it('gives no verdict when the data begins after the first day a goal reads (the year before the data)', async () => {
    const first = interventions.map((i) => i.started_at.slice(0, 10)).sort()[0];
    const firstYear = Number(first.slice(0, 4));
    await runner.exec(`UPDATE goals SET start = '${firstYear}-01-01' WHERE id = 'oka-narkotikainsatser'`);
    try {
      const asOf = Math.round(Date.UTC(firstYear, 5, 30) / 86_400_000);
      const e = (await evaluateGoals(runner, {}, asOf)).find((x) => x.goal.id === 'oka-narkotikainsatser')!;
      expect(e.problem).toEqual({ key: 'data-begins-late', first, from: `${firstYear - 1}-01-01` });
      expect(e.verdict).toBeUndefined();
    } finally {
      await runner.exec(`UPDATE goals SET start = '2026-01-01' WHERE id = 'oka-narkotikainsatser'`);
    }
  });

  it('turns a goal that names a missing column into a problem, not a number', async () => {
    await runner.exec(`UPDATE goals SET measure = 'sum:finns_inte' WHERE id = 'lagfora-ej-tidigare-kanda'`);
    await runner.exec(`UPDATE goals SET filter = '{"typ": ["x"]}' WHERE id = 'storande-trafik'`);
    const again = new Map((await evaluateGoals(runner)).map((e) => [e.goal.id, e]));
    expect(again.get('lagfora-ej-tidigare-kanda')!.problem).toEqual({ key: 'unknown-column', column: 'finns_inte', dataset: 'interventions' });
    expect(again.get('storande-trafik')!.problem).toEqual({ key: 'unknown-column', column: 'typ', dataset: 'interventions' });
  });
});

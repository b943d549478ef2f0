// Public view on goals: an attacker sees everything a goal publishes (numbers, verdicts, the follow-up text, the
// lägesbild's goals row) and tries to work a hidden count out of it. Each test enumerates every raw count that
// could lie behind what is shown and checks that more than one value is left for each hidden count.
import { describe, expect, it } from 'vitest';
import type { GoalEvaluation } from '../../src/analysis/goals/evaluate-goals';
import { followUpText } from '../../src/features/goals/follow-up-report';
import { verdictFor, worst } from '../../src/analysis/goals/goal-verdict';
import { numberLines } from '../../src/features/goals/goals.model';
import { publishGoal } from '../../src/analysis/goals/publish-goal';
import { buildReport, type RawReport } from '../../src/features/lagesbild/lagesbild.model';
import { lagesbildPeriods } from '../../src/analysis/periods/compared-periods';
import { epochDayOf } from '../../src/lib/epoch-day';

const rule = { k: 5 };
const periods = lagesbildPeriods({ year: 2026, firstWeek: 45, lastWeek: 46 });
const goal = { id: 'x', promise: 'P', title: 'T', owner: 'Gemensam', dataset: 'interventions', filter: {}, measure: 'count', direction: 'at_least', target: 4, period: 'year', per_area: null, start: '2026-01-01', end: '2026-12-31', follow_up: null } as const;
const base = { goal, window: { from: 0, to: 364 }, previous: { from: -365, to: -1 }, asOf: epochDayOf(new Date(2026, 10, 15)) };

/** A goal evaluated as evaluate-goals.ts does, from a raw actual. */
function evaluation(direction: 'at_least' | 'at_most', actual: number, target: number, share: number): GoalEvaluation {
  const numbers = { actual, target, expected: target * share, projected: actual / share, ended: false };
  return { ...base, share, rule: direction, numbers, verdict: verdictFor(direction, numbers) } as GoalEvaluation;
}

function comparative(direction: 'increase' | 'decrease', actual: number, previousFull: number, previousToDate: number, share: number): GoalEvaluation {
  const numbers = { actual, target: previousFull, expected: previousToDate, projected: actual / share, ended: false };
  return { ...base, share, rule: direction, numbers, verdict: verdictFor(direction, numbers) } as GoalEvaluation;
}

function perArea(actuals: number[], targets: number[], share: number): GoalEvaluation {
  const areas = actuals.map((actual, i) => {
    const n = { actual, target: targets[i], expected: targets[i] * share, projected: actual / share, ended: false };
    return { area: `Område ${i + 1}`, kind: 'stadsdel', actual, target: targets[i], verdict: verdictFor('at_least', n) };
  });
  const actual = actuals.reduce((s, v) => s + v, 0);
  const target = targets.reduce((s, v) => s + v, 0);
  const numbers = { actual, target, expected: target * share, projected: actual / share, ended: false };
  return { ...base, share, rule: 'at_least', numbers, areas, verdict: worst(areas.map((a) => a.verdict)) } as GoalEvaluation;
}

/** Everything a reader of a goal sees, in every form it is published: the panel's lines and verdict, the text, the lägesbild row. */
function whatIsShown(e: GoalEvaluation): string {
  const g = publishGoal(e, rule);
  const report = buildReport({ goals: [e], categories: [], areas: [], interventions: [], places: [], development: [], hotSpots: { status: 'too-few', size: 250, steps: 0, cells: [] }, periods } as unknown as RawReport, rule);
  return JSON.stringify([
    numberLines(g, 'sv', rule).map((l) => l.value), g.verdict, g.verdictWithheld, g.areas, g.detailsShown,
    followUpText(e, 'sv', rule), followUpText(e, 'en', rule), report.goals,
  ]);
}

/** Raw values grouped by what is shown: a group with one value for a hidden count has given it away. */
function groupsByShown<T>(candidates: T[], show: (c: T) => string): T[][] {
  const groups = new Map<string, T[]>();
  for (const c of candidates) groups.set(show(c), [...(groups.get(show(c)) ?? []), c]);
  return [...groups.values()];
}

describe('a goal in public view cannot be worked back to a hidden count', () => {
  it('at least / at most: the verdict, projection and text do not narrow a hidden actual', () => {
    for (const direction of ['at_least', 'at_most'] as const) {
      for (const target of [1, 2, 3, 4, 6, 10]) {
        for (const share of [0.1, 0.5, 0.874, 0.99]) {
          const hidden = [0, 1, 2, 3, 4];
          const shown = new Set(hidden.map((a) => whatIsShown(evaluation(direction, a, target, share))));
          // The case: target 4, 87 % gone, "risk" fitted only 3. Now every hidden actual reads the same.
          expect(shown.size, `${direction} target ${target} share ${share}`).toBe(1);
        }
      }
    }
  });

  it('the issue’s example: the verdict is withheld, and says so', () => {
    const g = publishGoal(evaluation('at_least', 3, 4, 0.874), rule);
    expect(g.verdict).toBeNull();
    expect(g.verdictWithheld).toBe(true);
    expect(followUpText(evaluation('at_least', 3, 4, 0.874), 'sv', rule)).not.toMatch(/\b3\b/);
    // A shown actual keeps its verdict.
    expect(publishGoal(evaluation('at_least', 7, 10, 0.874), rule).verdict).toBe('at_risk');
  });

  it('increase / decrease: hidden counts of either period are not given away by the verdict', () => {
    for (const direction of ['increase', 'decrease'] as const) {
      const candidates: [number, number, number][] = [];
      for (let actual = 0; actual <= 12; actual++) for (let full = 0; full <= 12; full++) for (let toDate = 0; toDate <= full; toDate++) candidates.push([actual, full, toDate]);
      for (const group of groupsByShown(candidates, ([a, f, d]) => whatIsShown(comparative(direction, a, f, d, 0.6)))) {
        for (const index of [0, 1, 2]) {
          const values = new Set(group.map((c) => c[index]));
          if (group[0][index] < rule.k) expect(values.size, `${direction} ${JSON.stringify(group[0])} index ${index}`).toBeGreaterThan(1);
        }
      }
    }
  });

  it('per area: the list, the verdicts and "x of y" say nothing beyond the published counts', () => {
    const targets = [1, 2, 6];
    const candidates: number[][] = [];
    for (let a = 0; a <= 9; a++) for (let b = 0; b <= 9; b++) for (let c = 0; c <= 9; c++) candidates.push([a, b, c]);
    const countsOnly = (v: number[]) => { const g = publishGoal(perArea(v, targets, 0.874), rule); return JSON.stringify([g.numbers!.actual, g.areas!.map((a) => a.actual)]); };
    // Same partition: two area vectors that publish the same counts publish the same everything.
    const byCounts = groupsByShown(candidates, countsOnly).map((g) => JSON.stringify(g)).sort();
    const byAll = groupsByShown(candidates, (v) => whatIsShown(perArea(v, targets, 0.874))).map((g) => JSON.stringify(g)).sort();
    expect(byAll).toEqual(byCounts);
  });

  it('per area of two kinds, "at most": public view sums the first kind only and judges every area as at most', () => {
    // A tester's goal: at most 50 per kommun and 200 per län; Stockholm kommun 211, Sundbyberg 7, Stockholm län 602.
    const share = 0.5;
    const rows = [
      { area: 'Stockholm', kind: 'kommun', actual: 211, target: 50, key: 3000 },
      { area: 'Sundbyberg', kind: 'kommun', actual: 7, target: 50, key: 700 },
      { area: 'Stockholm', kind: 'län', actual: 602, target: 200, key: 9000 },
    ];
    const areas = rows.map((r) => ({ ...r, verdict: verdictFor('at_most', { actual: r.actual, target: r.target, expected: r.target * share, projected: r.actual / share, ended: false }) }));
    const perAreaGoal = { ...goal, direction: 'at_most', target: null, per_area: { kommun: 50, 'län': 200 } } as const;
    const numbers = { actual: 218, target: 100, expected: 50, projected: 436, ended: false };
    const e = { ...base, goal: perAreaGoal, share, rule: 'at_most', numbers, keys: { actual: 3700, target: 0, expected: 0 }, areas, verdict: worst(areas.map((a) => a.verdict)) } as unknown as GoalEvaluation;
    const exact = publishGoal(e, null);
    const shown = publishGoal(e, rule);
    expect(exact.areas!.map((a) => a.verdict)).toEqual(['behind', 'on_track', 'behind']);
    // Far from every threshold, the noise cannot move a verdict: public view says the same as the exact view.
    expect(shown.areas!.map((a) => a.verdict)).toEqual(exact.areas!.map((a) => a.verdict));
    expect(shown.verdict).toBe('behind');
    // The headline is the kommuner's total (218 with noise), never kommun + län (820).
    expect(typeof shown.numbers!.actual).toBe('number');
    expect(Math.abs((shown.numbers!.actual as number) - 218)).toBeLessThanOrEqual(5);
    // Each kind's list adds up to its own total: the län is not hidden to protect a kommun, nor the reverse.
    expect(shown.areas!.map((a) => typeof a.actual)).toEqual(['number', 'number', 'number']);
  });

  it('per area: a reader who takes every "<5" at its word cannot pin a hidden area down from the total', () => {
    const targets = [1, 2, 6];
    let hiddenSeen = 0;
    for (let a = 0; a <= 9; a++) for (let b = 0; b <= 9; b++) for (let c = 0; c <= 9; c++) {
      const g = publishGoal(perArea([a, b, c], targets, 0.874), rule);
      const shown = g.areas!.map((x) => x.actual);
      const hidden = shown.flatMap((v, i) => (typeof v !== 'number' ? [i] : []));
      if (hidden.length === 0) continue;
      hiddenSeen++;
      const total = g.numbers!.actual;
      // Every completion of the hidden areas with values below k that adds up to the shown total.
      const fits: number[][] = [];
      const walk = (i: number, acc: number[]) => {
        if (i === hidden.length) {
          const sum = acc.reduce((s, v) => s + v, 0) + shown.reduce<number>((s, v) => s + (typeof v === 'number' ? v : 0), 0);
          if (typeof total !== 'number' || sum === total) fits.push(acc);
          return;
        }
        // "<k" reads 0 … k − 1; "dold" (hidden to protect another) reads k or more.
        if (shown[hidden[i]] === null) for (let x = 0; x < rule.k; x++) walk(i + 1, [...acc, x]);
        else for (let x = rule.k; x <= 40; x++) walk(i + 1, [...acc, x]);
      };
      walk(0, []);
      // A leak is a single fit that is the truth. A single fit that is not (a complement of k or more also reads
      // "<k") only misleads; the one case left — every cell hidden, their sum exactly m·(k − 1) — is in
      // docs/reliability.md as not protected.
      const truth = [a, b, c];
      const documentedCase = hidden.length === 3 && total === 3 * (rule.k - 1);
      if (documentedCase) continue;
      const leaked = fits.length === 1 && hidden.every((area, j) => fits[0][j] === truth[area]);
      expect(leaked, `areas ${truth} recovered`).toBe(false);
    }
    expect(hiddenSeen).toBeGreaterThan(0);
  });

  it('the download and the screen are one text: without a rule the counts are there, with one they are not', () => {
    const e = perArea([1, 0, 20], [2, 1, 6], 0.874);
    expect(followUpText(e, 'sv', null)).toContain('Område 1 1 av 2');
    const text = followUpText(e, 'sv', rule);
    expect(text).not.toMatch(/Område 1 1 av 2|Område 2 0 av 1/);
    expect(text).toContain('Antalet visas inte för Område 1, Område 2');
  });
});

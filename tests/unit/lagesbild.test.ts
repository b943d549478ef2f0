// The lägesbild: which period it covers (ISO weeks, year boundaries, week 53), the report from the example
// against counts taken from the generator's own rows, the summary text from known numbers, and suppression.
import { epochDayOfIsoDate } from '../../src/lib/epoch-day';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../scripts/generate-example.mjs';
import { lagesbildPeriods } from '../../src/analysis/periods/compared-periods';
import { daysAfterStep } from '../../src/features/lagesbild/lagesbild-hot-spots.model';
import { buildReport, categoryBoundaryText, figureCategories, goalVerdictText, hotSpotWeeks, type CountRow, type Figure, type LagesbildReport, type RawReport } from '../../src/features/lagesbild/lagesbild.model';
import { lagesbildCsvRows } from '../../src/features/lagesbild/lagesbild-export';
import { reportT } from './support/swedish-t';
import { asBiweek, canStepPeriod, defaultReportPeriod, fromBiweek, parseReportPeriodKey, periodOf, reportPeriodKey, sameLastYear } from '../../src/analysis/periods/report-periods';
import type { BiweekPeriod } from '../../src/lib/iso-week';
import type { GoalEvaluation } from '../../src/analysis/goals/evaluate-goals';
import { summaryParagraphs } from '../../src/features/lagesbild/lagesbild-summary';
import { loadReport } from '../../src/features/lagesbild/load-report';
import { areasAlsoElsewhereSql } from '../../src/features/lagesbild/lagesbild.query';
import { epochDayOfIsoDate as d, isoDateOfEpochDay as iso } from '../../src/lib/epoch-day';
import type { SqlRunner } from '../../src/data/sql-runner';
import { createExampleDatabase } from './support/example-database';

const span = (r: { from: number; to: number }) => `${iso(r.from)}..${iso(r.to)}`;
// The two-week rhythm in ISO-week terms, through the general period functions (report-periods.ts).
const defaultLagesbildPeriod = (last: number, first?: number) => asBiweek(defaultReportPeriod('biweek', last, first));
const dayRangeOf = (p: BiweekPeriod) => { const r = fromBiweek(p); return { from: r.from, to: r.to }; };
const sameBiweekLastYear = (p: BiweekPeriod) => asBiweek(sameLastYear(fromBiweek(p)));
const periodKey = (p: BiweekPeriod) => reportPeriodKey(fromBiweek(p));
const parsePeriodKey = (text: string) => { const p = parseReportPeriodKey(text); return p && p.unit === 'biweek' ? asBiweek(p) : null; };
const canStep = (p: BiweekPeriod, steps: number, data: { from: number; to: number }) => canStepPeriod(fromBiweek(p), steps, data);

describe('the lägesbild period', () => {
  it('defaults to the latest two-week period the data fully covers', () => {
    // The example ends on Sunday 2026-11-15, the last day of week 46.
    expect(defaultLagesbildPeriod(d('2026-11-15'))).toEqual({ year: 2026, firstWeek: 45, lastWeek: 46 });
    // Data ending on a Saturday leaves that period incomplete.
    expect(defaultLagesbildPeriod(d('2026-11-14'))).toEqual({ year: 2026, firstWeek: 43, lastWeek: 44 });
    // Mid-period data (Monday of week 47) still means 45–46.
    expect(defaultLagesbildPeriod(d('2026-11-16'))).toEqual({ year: 2026, firstWeek: 45, lastWeek: 46 });
  });

  it('crosses year boundaries by ISO year, with week 53 in the last period', () => {
    // 2027-01-03 is the Sunday ending ISO week 53 of 2026.
    expect(defaultLagesbildPeriod(d('2027-01-03'))).toEqual({ year: 2026, firstWeek: 51, lastWeek: 53 });
    // 2026-01-04 ends week 1 of 2026, so the latest complete period is 2025's last.
    expect(defaultLagesbildPeriod(d('2026-01-04'))).toEqual({ year: 2025, firstWeek: 51, lastWeek: 52 });
    const p = lagesbildPeriods({ year: 2027, firstWeek: 1, lastWeek: 2 });
    expect(asBiweek(p.previousPeriod)).toEqual({ year: 2026, firstWeek: 51, lastWeek: 53 });
    expect(span(p.previous)).toBe('2026-12-14..2027-01-03');
    expect(span(p.current)).toBe('2027-01-04..2027-01-17');
  });

  it('compares with the period of the same name a year earlier, however long it is', () => {
    expect(sameBiweekLastYear({ year: 2026, firstWeek: 51, lastWeek: 53 })).toEqual({ year: 2025, firstWeek: 51, lastWeek: 52 });
    expect(sameBiweekLastYear({ year: 2027, firstWeek: 51, lastWeek: 52 })).toEqual({ year: 2026, firstWeek: 51, lastWeek: 53 });
    expect(span(lagesbildPeriods({ year: 2026, firstWeek: 45, lastWeek: 46 }).lastYear)).toBe('2025-11-03..2025-11-16');
  });

  it('names periods in the URL and refuses names that are not periods', () => {
    expect(periodKey({ year: 2026, firstWeek: 45, lastWeek: 46 })).toBe('2026-v45-46');
    expect(parsePeriodKey('2026-v51-53')).toEqual({ year: 2026, firstWeek: 51, lastWeek: 53 });
    expect(parsePeriodKey('2025-v51-53')).toBeNull(); // 2025 has 52 weeks
    expect(parsePeriodKey('2026-v46-47')).toBeNull();
    expect(parsePeriodKey('<script>')).toBeNull();
  });

  it('steps only within the data', () => {
    const data = { from: d('2024-01-01'), to: d('2026-11-15') };
    expect(canStep({ year: 2026, firstWeek: 45, lastWeek: 46 }, 1, data)).toBe(false);
    expect(canStep({ year: 2026, firstWeek: 45, lastWeek: 46 }, -1, data)).toBe(true);
    expect(canStep({ year: 2024, firstWeek: 1, lastWeek: 2 }, -1, data)).toBe(false);
  });
});

/** A hand-made report: the numbers are chosen, so every sentence can be checked word for word. */
function knownReport(): RawReport {
  // Keys of 0: no public-view noise, so the sentences can be checked word for word (the noise has its own tests).
  const row = (name: string, current: number, previous: number, last_year: number): CountRow => ({ name, current, previous, last_year, current_key: 0, previous_key: 0, last_year_key: 0 });
  return {
    periods: lagesbildPeriods({ year: 2026, firstWeek: 45, lastWeek: 46 }),
    development: [],
    categories: [row('Ordningsstörning', 120, 118, 125), row('Narkotikabrott', 37, 22, 30), row('Skadegörelse', 10, 25, 14), row('Rån', 3, 2, 4)],
    areas: [row('Centrum', 100, 95, 100), row('Hamnen', 70, 72, 73)],
    places: [row('Resecentrum', 45, 40, 50), row('Stora torget', 30, 31, 28), row('Krogstråket', 28, 20, 22)],
    interventions: [row('Trygghetsvandring', 5, 3, 4), row('Riktad narkotikainsats', 4, 2, 0), row('Medborgardialog', 2, 1, 1)],
    hotSpots: {
      status: 'ok', size: 250, steps: 13, lastStep: { year: 2026, firstWeek: 45, lastWeek: 46 },
      cells: [
        { ix: 1, iy: 1, pattern: 'persistent', group: 'persistent', place: 'Resecentrum', area: 'Centrum', current: 20, currentKey: 0 },
        { ix: 2, iy: 1, pattern: 'new', group: 'new', place: 'Hamnen', area: 'Hamnen', current: 9, currentKey: 0 },
        { ix: 3, iy: 1, pattern: 'historical', group: 'fading', place: 'Skolparken', area: 'Söder', current: 1, currentKey: 0 },
        { ix: 4, iy: 1, pattern: 'sporadic', group: 'other', place: null, area: 'Norrmalm', current: 4, currentKey: 0 },
        { ix: 4, iy: 2, pattern: 'oscillating', group: 'other', place: null, area: 'Norrmalm', current: 3, currentKey: 0 },
      ],
    },
    goals: [],
  };
}

describe('the summary text', () => {
  it('writes the numbers, the changes and the test from known figures', () => {
    const [first, second, third] = summaryParagraphs(buildReport(knownReport(), null), 'sv');
    // 170 against 167 (+2 %) and 173 (−2 %); neither is more than chance.
    expect(first).toBe(
      'Under v. 45–46 2026 registrerades 170 händelser, 2\u00a0% fler än föregående period (v. 43–44 2026: 167) och 2\u00a0% färre än samma period förra året (v. 45–46 2025: 173). ' +
      'Skillnaden mot föregående period och förra året ryms inom vad slumpen kan ge.',
    );
    // Exact two-sided p (binomial, minimum likelihood; computed separately in Python with math.comb):
    // Skadegörelse 25 → 10: p = 0.0167, more than chance; Narkotikabrott 22 → 37: p = 0.0674, not (the old
    // one-sample rule z = 2(√37 − √22) = 2.78 called it significant).
    expect(second).toBe(
      'Vanligast var Ordningsstörning (120). Tydliga förändringar mot föregående period: Skadegörelse minskade från 25 till 10 (−60\u00a0%). ' +
      'Flest händelser registrerades vid Resecentrum (45), Stora torget (30) och Krogstråket (28).',
    );
    expect(third).toBe(
      'Hot spot-analysen (Gi*, tvåveckorsperioder t.o.m. v. 45–46 2026) visar en ny hot spot (Hamnen) och en bestående (Resecentrum). En tidigare hot spot har upphört (Skolparken). ' +
      'Under perioden genomfördes 11 insatser, flest av typen Trygghetsvandring (5).',
    );
  });

  it('gives no percentage for a category rising from 0 (it read "ökade från 0 till 36 (– per dag)")', () => {
    const raw = knownReport();
    raw.categories = [...raw.categories, { name: 'Fylleri', current: 36, previous: 0, last_year: 0, current_key: 0, previous_key: 0, last_year_key: 0 }];
    const [, second] = summaryParagraphs(buildReport(raw, null), 'sv');
    expect(second).toContain('Fylleri ökade från 0 till 36');
    expect(second).not.toContain('–');
    expect(second).not.toMatch(/Fylleri ökade från 0 till 36 \(/);
  });

  it('takes no change from a category the export renamed inside the compared periods (Fylleri/LOB → Fylleri, March 2026)', async () => {
    const raw = knownReport();
    const { previous, current, lastYear } = raw.periods;
    const row = (name: string, c: number, p: number, y: number): CountRow => ({ name, current: c, previous: p, last_year: y, current_key: 0, previous_key: 0, last_year_key: 0 });
    raw.categories = [...raw.categories, row('Fylleri', 38, 12, 0), row('Fylleri/LOB', 0, 29, 40)];
    raw.dataExtent = { from: lastYear.from - 300, to: current.to };
    // The old name's last row four days into the previous period, the new name's first the day after (in the SQL's order).
    const switchDay = previous.from + 4;
    raw.categorySpans = [
      { name: 'Fylleri', rows: 50, first_day: switchDay + 1, last_day: current.to },
      { name: 'Fylleri/LOB', rows: 420, first_day: lastYear.from - 300, last_day: switchDay },
      { name: 'Skadegörelse', rows: 900, first_day: lastYear.from - 300, last_day: current.to },
    ];
    const report = buildReport(raw, null);
    const fylleri = report.categories.find((c) => c.name === 'Fylleri')!;
    expect([fylleri.vsPrevious, fylleri.vsLastYear]).toEqual([null, null]);
    expect(report.categories.find((c) => c.name === 'Skadegörelse')!.vsPrevious).not.toBeNull();
    expect(report.categoryBoundaries).toEqual([
      { name: 'Fylleri', begins: switchDay + 1, ends: null, previous: true },
      { name: 'Fylleri/LOB', begins: null, ends: switchDay, previous: true },
    ]);
    const [, second] = summaryParagraphs(report, 'sv');
    expect(second).not.toContain('Fylleri ökade');
    expect(second).not.toContain('Fylleri/LOB minskade');
    expect(second).toContain('Fylleri och Fylleri/LOB börjar eller slutar i datan under perioderna');
    expect(second).toContain('Tydliga förändringar mot föregående period: Skadegörelse minskade från 25 till 10');
    // The note over the table and the CSV's row give the days; public view names the categories without them.
    const t = await reportT();
    expect(categoryBoundaryText(report, t)).toContain(`Fylleri (i datan från ${iso(switchDay + 1)}), Fylleri/LOB (i datan till ${iso(switchDay)})`);
    const { rows } = lagesbildCsvRows(report, t, 'sv');
    expect(rows.some((r) => String(r[1]).startsWith('Kategorier som börjar eller slutar i datan'))).toBe(true);
    // Public view names a category without its days, and only one with no "<5" window: Fylleri's last year (0) and
    // Fylleri/LOB's current period (0) read "<5", and naming them as beginning or ending told those were 0 (helper-65).
    const publicReport = buildReport(raw, { k: 5 });
    expect(publicReport.categoryBoundaries).toEqual([]);
    expect(categoryBoundaryText(publicReport, t)).toBeNull();
    expect(publicReport.categories.find((c) => c.name === 'Fylleri')!.vsPrevious).toBeNull(); // still no change shown
    const renamedLater = { ...raw, categories: raw.categories.map((c) => (c.name === 'Fylleri' ? { ...c, last_year: 9 } : c.name === 'Fylleri/LOB' ? { ...c, current: 6 } : c)) };
    const shownBoth = buildReport(renamedLater, { k: 5 });
    expect(shownBoth.categoryBoundaries.every((b) => b.begins === null && b.ends === null)).toBe(true);
    expect(categoryBoundaryText(shownBoth, t)).toContain(': Fylleri, Fylleri/LOB.');
    // A category small in every window is not listed in public view, and no note names it as beginning or ending in
    // the period: that said it had an incident there (helper-63: "Smällar" named in the one week it had one event).
    raw.categories = [...raw.categories, row('Smällar', 3, 0, 0)];
    raw.categorySpans = [...raw.categorySpans, { name: 'Smällar', rows: 400, first_day: current.from + 2, last_day: current.to }];
    expect(buildReport(raw, null).categoryBoundaries.map((b) => b.name)).toContain('Smällar');
    const hidden = buildReport(raw, { k: 5 });
    expect(hidden.categories.map((c) => c.name)).not.toContain('Smällar');
    expect(hidden.categoryBoundaries.map((b) => b.name)).not.toContain('Smällar');
    expect(summaryParagraphs(hidden, 'sv').join(' ')).not.toContain('Smällar');
  });

  it('says why a goal has no verdict: not begun, 0 against 0 (withheld in public view), on the page and in the CSV', async () => {
    const t = await reportT();
    const raw = knownReport();
    const base = { window: { from: 0, to: 0 }, previous: { from: 0, to: 0 }, asOf: 0, share: 0 };
    const goal = (id: string, title: string) => ({ id, title }) as unknown as GoalEvaluation['goal'];
    raw.goals = [
      { ...base, goal: goal('nytt', 'Nytt löfte'), rule: 'at_least', problem: { key: 'not-started', start: '2027-01-01' } },
      { ...base, goal: goal('noll', 'Färre rån'), rule: 'decrease', problem: { key: 'nothing-to-decrease' } },
    ];
    const analyst = buildReport(raw, null);
    expect(analyst.goals.map((g) => goalVerdictText(g, t, null))).toEqual(['Inte påbörjat (börjar 2027-01-01)', 'Bedöms inte (inga i någon av perioderna)']);
    const csv = lagesbildCsvRows(analyst, t, 'sv');
    expect(csv.rows.map((r) => r[1])).toContain('Nytt löfte (Inte påbörjat (börjar 2027-01-01))');
    // Public view: "none in either period" states two counts below k.
    raw.goalsLatest = raw.goals;
    const published = buildReport(raw, { k: 5 });
    expect(goalVerdictText(published.goals[1], t, published.rule)).toBe(t('disclosure.verdictWithheld'));
  });

  it('names every category sharing the largest count, and no place by alphabet at a tied cut-off (a tester: "Vanligast var Misshandel (506)" beside Skadegörelse 506)', () => {
    const row = (name: string, current: number): CountRow => ({ name, current, previous: current, last_year: current, current_key: 0, previous_key: 0, last_year_key: 0 });
    const raw = knownReport();
    const tied = { ...raw, categories: [row('Misshandel', 506), row('Skadegörelse', 506), row('Stöld', 300)], places: [row('Kiosken', 3), row('Torget', 2), row('Bakgrund Allén 23', 2), row('Bakgrund Gränd 7', 2), row('Parken', 2)] };
    const second = summaryParagraphs(buildReport(tied, null), 'sv')[1];
    expect(second).toContain('Vanligast var Misshandel och Skadegörelse (506 vardera).');
    expect(second).toContain('Flest händelser registrerades vid Kiosken (3) och flera platser med 2 vardera.');
    expect(summaryParagraphs(buildReport(tied, null), 'en')[1]).toContain('The most common were Misshandel and Skadegörelse (506 each).');
    // No tie past the cut-off: the three are named as before.
    const untied = { ...raw, places: [row('Kiosken', 3), row('Torget', 2), row('Parken', 2), row('Gränd', 1)] };
    expect(summaryParagraphs(buildReport(untied, null), 'sv')[1]).toContain('Flest händelser registrerades vid Kiosken (3), Torget (2) och Parken (2).');
    // All tied: no name at all.
    const allTied = { ...raw, places: [row('A', 2), row('B', 2), row('C', 2), row('D', 2)] };
    expect(summaryParagraphs(buildReport(allTied, null), 'sv')[1]).toContain('Flest händelser registrerades vid flera platser med 2 vardera.');
  });

  it('public view names no hidden place by alphabet, leads the cards with shown counts, says the numbers carry noise and claims no intervention (a tester)', () => {
    const row = (name: string, current: number, previous: number): CountRow => ({ name, current, previous, last_year: 0, current_key: 0, previous_key: 0, last_year_key: 0 });
    // The tester's v. 23–24: Misshandel 9 beside 2 the period before; Skolan 4 ahead of Idrottshallen 3 and Köpcentret 2.
    const raw = {
      ...knownReport(),
      categories: [row('Misshandel', 9, 2), row('Stöld', 5, 14), row('Bedrägeri', 3, 2), row('Klotter', 3, 3), row('Inbrott', 1, 2), row('Narkotikabrott', 2, 1), row('Ofredande', 2, 2), row('Olaga hot', 1, 1), row('Rån', 1, 1), row('Skadegörelse', 2, 2)],
      places: [row('Biblioteket', 5, 1), row('Skolan', 4, 1), row('Idrottshallen', 3, 1), row('Köpcentret', 2, 1), row('Torget', 2, 1)],
      interventions: [],
    };
    const rule = { k: 5 };
    const report = buildReport(raw, rule);
    // A category's two periods are never added up on screen, so 9 is not hidden to protect the 2 beside it.
    const misshandel = report.categories.find((c) => c.name === 'Misshandel')!;
    expect(typeof misshandel.current).toBe('number');
    expect(Math.abs((misshandel.current as number) - 9)).toBeLessThanOrEqual(2);
    // Cards: only shown counts, largest first — never a "<5" in second place by its name.
    const cards = figureCategories(report, 4);
    expect(cards.map((c) => c.name)).toEqual(report.categories.filter((c) => typeof c.current === 'number').slice(0, 4).map((c) => c.name));
    expect(cards.every((c) => typeof c.current === 'number')).toBe(true);
    expect(cards.map((c) => c.name)).toContain('Misshandel');
    expect(figureCategories(buildReport(raw, null), 4).map((c) => c.name)).toEqual(['Misshandel', 'Stöld', 'Bedrägeri', 'Klotter']);
    const [first, second, third] = summaryParagraphs(report, 'sv');
    // Places whose count is hidden are neither named nor listed, nor said to exist: listed, they said "at least one"
    // (helper-62); before, the summary added "och flera platser med färre än 5 vardera".
    expect(second).toMatch(/Flest händelser registrerades vid Biblioteket \(\d\)\./);
    expect(second).not.toMatch(/Idrottshallen|Köpcentret|Skolan|Torget|färre än/);
    expect(report.places.map((p) => p.name)).toEqual(['Biblioteket']);
    // Public view lists only rows with a count that is not small: a category below 5 in every period is left out, not
    // "<5 <5 <5" (a count hidden to protect another, "dold", is 5 or more and keeps its row).
    expect(report.categories.every((c) => [c.current, c.previous, c.lastYear].some((v) => v !== null && v !== undefined))).toBe(true);
    for (const small of ['Bedrägeri', 'Klotter', 'Inbrott', 'Olaga hot', 'Rån']) expect(report.categories.map((c) => c.name)).not.toContain(small);
    expect(buildReport(raw, null).categories.map((c) => c.name)).toContain('Rån');
    expect(first).toContain('Antalen i publik visning har ett litet brus (högst ±2), så antal och procent här är ungefärliga.');
    expect(third).toContain('Insatser under perioden: färre än 5, kanske inga.');
    expect(third).not.toContain('genomfördes');
    expect(summaryParagraphs(report, 'en')[2]).toContain('Interventions in the period: fewer than 5, possibly none.');
    // The analyst's view names the three by their exact counts, and says nothing of noise.
    const exact = summaryParagraphs(buildReport(raw, null), 'sv');
    expect(exact[1]).toContain('Flest händelser registrerades vid Biblioteket (5), Skolan (4) och Idrottshallen (3).');
    expect(exact.join(' ')).not.toContain('brus');
    expect(exact[2]).toContain('Inga insatser registrerades under perioden.');
  });

  it('says "per dag" when the periods differ in length (a tester read 1 108 against 1 168 as −5 %, the text said −8 %)', () => {
    const raw = knownReport();
    raw.periods = lagesbildPeriods(periodOf(d('2026-10-15'), 'month'));
    // October (31 days) against September (30) and October 2025 (31): the first comparison is per day, the second not.
    raw.categories = [{ name: 'Stöld', current: 1108, previous: 1168, last_year: 1108, current_key: 0, previous_key: 0, last_year_key: 0 }];
    const report = buildReport(raw, null);
    const perDay = 1108 / 31 / (1168 / 30) - 1; // −8.2 %; the counts' own ratio is −5.1 %
    expect(report.total.vsPrevious!.change).toBeCloseTo(perDay, 12);
    expect(report.total.vsLastYear!.change).toBe(0);
    const [first] = summaryParagraphs(report, 'sv');
    expect(first).toContain('8\u00a0% färre per dag än föregående period (september 2026: 1\u00a0168)');
    expect(first).toContain('lika många som samma period förra året');
    expect(summaryParagraphs(report, 'en')[0]).toContain('8% fewer per day than the previous period');
    // Equal lengths (two ISO weeks each): no "per dag" anywhere.
    expect(summaryParagraphs(buildReport(knownReport(), null), 'sv').join(' ')).not.toContain('per dag');
    // A category's change in the second paragraph says it too.
    raw.categories = [{ name: 'Stöld', current: 300, previous: 500, last_year: 300, current_key: 0, previous_key: 0, last_year_key: 0 }];
    expect(summaryParagraphs(buildReport(raw, null), 'sv')[1]).toContain('Stöld minskade från 500 till 300 (−42\u00a0% per dag)');
  });

  it('makes no comparison with a window before the data: the first year has no "last year"', () => {
    const raw = { ...knownReport(), dataExtent: { from: epochDayOfIsoDate('2025-12-01'), to: epochDayOfIsoDate('2026-11-15') } };
    const report = buildReport(raw, null);
    expect(report.total.vsLastYear).toBeNull();
    expect(report.categories.every((c) => c.vsLastYear === null)).toBe(true);
    expect(report.total.vsPrevious).not.toBeNull();
    const [first] = summaryParagraphs(report, 'sv');
    expect(first).not.toContain('större än slumpen');
  });

  it('says "färre än 5" and gives no comparison for hidden counts in public mode', () => {
    const raw = knownReport();
    raw.categories = [raw.categories[3]]; // only Rån: 3, 2, 4
    const report = buildReport(raw, { k: 5 });
    expect(report.total.current).toBeNull();
    expect(report.total.vsPrevious).toBeNull();
    const [first] = summaryParagraphs(report, 'sv');
    expect(first).toBe('Under v. 45–46 2026 registrerades färre än 5 händelser. Jämförelser med små antal visas inte.');
  });

  it('publishes each top place on its own: no total adds up to them, so a large place is never hidden to protect another', () => {
    // Tester: Mårtenstorget (12, new) was "dold" in the places table while the hot-spot table showed its count, and
    // the summary's "Flest händelser … vid" then skipped it. Places: a new one (12, 0, 0) beside small previous counts.
    const raw = knownReport();
    const placeRow = (name: string, current: number, previous: number, last_year: number): CountRow => ({ name, current, previous, last_year, current_key: 0, previous_key: 0, last_year_key: 0 });
    raw.places = [placeRow('Mårtenstorget', 12, 0, 0), placeRow('Sergels torg', 12, 11, 9), placeRow('Stortorget', 8, 3, 7)];
    const report = buildReport(raw, { k: 5 });
    const m = report.places.find((p) => p.name === 'Mårtenstorget')!;
    expect(m.current).toBe(12); // record keys 0: no noise
    expect([m.previous, m.lastYear]).toEqual([null, null]); // 0 is below k: "<5", never "dold"
    expect(report.places.find((p) => p.name === 'Stortorget')!.previous).toBeNull();
    expect(report.places.find((p) => p.name === 'Stortorget')!.current).toBe(8);
    const [, second] = summaryParagraphs(report, 'sv');
    expect(second).toContain('Mårtenstorget (12)');
  });

  it('hides the complement too: one hidden category cannot be recomputed from the total', () => {
    const report = buildReport(knownReport(), { k: 5 });
    // Rån is small in every period: public view leaves the row out (a row of "<5" alone said "at least one").
    expect(report.categories.map((c) => c.name)).not.toContain('Rån');
    expect(buildReport(knownReport(), null).categories.map((c) => c.name)).toContain('Rån');
    // Each period column had one small cell (Rån's): another listed cell in it is hidden as well, so the total less the
    // shown counts is the sum of at least two cells, not Rån's count.
    for (const column of ['current', 'previous', 'lastYear'] as const) {
      expect(report.categories.filter((c) => typeof c[column] !== 'number').length).toBeGreaterThanOrEqual(1);
    }
    expect(report.total.current).toBe(170);
    for (const f of [...report.categories, ...report.interventions, ...report.places]) {
      for (const v of [f.current, f.previous, f.lastYear]) if (typeof v === 'number') expect(v).toBeGreaterThanOrEqual(5);
    }
    expect(report.hotSpots.rows.find((r) => r.name === 'Skolparken')!.current).toBeNull();
    expect(report.hotSpots.rows.find((r) => r.name === 'Resecentrum')!.current).toBe(20);
  });

  it('public view: rows with every count below k are one pooled row, always there, and what is hidden does not tell whether one exists (helper-63)', async () => {
    // Left out one by one, the small rows' sum under each column total was protected by hiding a listed count ("dold")
    // only when a small row existed: the pattern said that one did. knownReport's Rån is 3, 2, 4 in the three windows.
    const kinds = (f: Figure) => [f.current, f.previous, f.lastYear].map((v) => (typeof v === 'number' ? 'shown' : v === null ? '<k' : v === undefined ? '–' : 'dold')).join(' ');
    const pattern = (raw: RawReport) => {
      const report = buildReport(raw, { k: 5 });
      return { categories: report.categories.map((f) => `${f.name}: ${kinds(f)}`), pooled: kinds(report.pooled!.categories), total: kinds(report.total) };
    };
    const withRan = knownReport();
    const ranIndex = withRan.categories.findIndex((c) => c.name === 'Rån');
    const withoutRan = { ...withRan, categories: withRan.categories.filter((_, i) => i !== ranIndex) };
    const ones = { ...withRan, categories: withRan.categories.map((c, i) => (i === ranIndex ? { ...c, current: 1, previous: 1, last_year: 1 } : c)) };
    const twoSmall = { ...withRan, categories: [...withRan.categories, { name: 'Fylleri', current: 1, previous: 0, last_year: 0, current_key: 0, previous_key: 0, last_year_key: 0 }] };
    expect(pattern(withoutRan)).toEqual(pattern(withRan));
    expect(pattern(ones)).toEqual(pattern(withRan));
    expect(pattern(twoSmall)).toEqual(pattern(withRan));
    // A pooled sum of k or more is a count like any other: shown (Rån's 4 and another 2 last year).
    const poolOfSix = { ...twoSmall, categories: twoSmall.categories.map((c) => (c.name === 'Fylleri' ? { ...c, last_year: 2 } : c)) };
    expect(pattern(poolOfSix).pooled).toBe('<k <k shown');
    const report = buildReport(withRan, { k: 5 });
    // The pooled row holds Rån's counts (hidden) and no name; no listed row is a small row.
    expect(report.pooled!.categories).toMatchObject({ name: null, pooled: true, current: null, previous: null, lastYear: null, vsPrevious: null, vsLastYear: null });
    expect(report.categories.map((c) => c.name)).not.toContain('Rån');
    // Every table has one, zero or not; the analyst's view has none.
    expect(report.pooled!.areas.pooled).toBe(true);
    expect(report.pooled!.interventions.pooled).toBe(true);
    expect(buildReport(withRan, null).pooled).toBeNull();
    // The CSV lists it under its label in each table.
    const { rows } = lagesbildCsvRows(report, await reportT(), 'sv');
    expect(rows.filter((r) => r[1] === 'Övriga, färre än 5 i varje period (summerat)').map((r) => r[0])).toEqual(['Kategori', 'Område', 'Typ']);
    // The page draws it in each table too, also where both its counts read "<5" (the areas table dropped it, CI).
    const { createElement } = await import('react');
    const { renderToStaticMarkup } = await import('react-dom/server');
    const { LagesbildDocument } = await import('../../src/features/lagesbild/lagesbild-document.view');
    const html = renderToStaticMarkup(createElement(LagesbildDocument, { report, summary: [], assessment: '', outlines: [], t: await reportT(), language: 'sv', standalone: true }));
    const tableOf = (testId: string) => html.split(`data-testid="${testId}"`)[1].split('</table>')[0];
    for (const table of ['lb-categories', 'lb-areas', 'lb-interventions']) expect(tableOf(table)).toContain('Övriga, färre än 5 i varje period (summerat)');
  });

  it('gathers hot-spot cells by place and group, recurring ones into one line', () => {
    const h = buildReport(knownReport(), null).hotSpots;
    expect(h.rows.map((r) => `${r.group}:${r.name}:${r.current}`)).toEqual(['new:Hamnen:9', 'persistent:Resecentrum:20', 'fading:Skolparken:1']);
    expect(h.recurring).toEqual({ cells: 2, current: 7 }); // one summed row, naming no place (see the CSV export test)
    expect(h.cells.filter((c) => c.row === -1)).toHaveLength(2);
  });

  it('writes a p below the doubles’ range as "<1e-300" in the CSV, never 0 or 5e-324 (1 882 against 85 underflows)', async () => {
    const t = await reportT();
    const raw = knownReport();
    const row = (name: string, current: number, previous: number): CountRow => ({ name, current, previous, last_year: previous, current_key: 0, previous_key: 0, last_year_key: 0 });
    raw.categories = [row('Bedrägeri', 1882, 85), row('Rån', 30, 12)];
    const report = buildReport(raw, null);
    expect(report.categories[0].vsPrevious!.p).toBeLessThan(1e-300); // 5e-324 here: the tail underflows
    const csv = lagesbildCsvRows(report, t, 'sv');
    const pColumn = csv.header.indexOf(t('lagesbild.csv.pPrevious'));
    const cells = Object.fromEntries(csv.rows.filter((r) => r[0] === 'Kategori').map((r) => [r[1], r[pColumn]]));
    expect(cells['Bedrägeri']).toBe('<1e-300');
    // An ordinary p stays a number: 30 against 12, p = 0.00792 (exact binomial, 42 trials at one half, minimum likelihood; Python's math.comb).
    expect(cells['Rån']).toBe(0.00792);
  });

  it('the exported HTML file says hot spots beyond the table are not in it, never "se CSV-filen eller Karta" (its reader has neither)', async () => {
    const { createElement } = await import('react');
    const { renderToStaticMarkup } = await import('react-dom/server');
    const { LagesbildDocument } = await import('../../src/features/lagesbild/lagesbild-document.view');
    const { HOT_SPOT_ROWS } = await import('../../src/features/lagesbild/lagesbild-hot-spot-table.view');
    const t = await reportT();
    const raw = knownReport();
    // Two more new hot spots than the table's rows, apart from each other (no two cells touch).
    raw.hotSpots.cells = Array.from({ length: HOT_SPOT_ROWS + 2 }, (_, i) => ({ ix: i * 3, iy: 1, pattern: 'new' as const, group: 'new' as const, place: `Plats ${i}`, area: 'Centrum', current: 20 - i, currentKey: 0 }));
    const report = buildReport(raw, null);
    const render = (standalone: boolean) => renderToStaticMarkup(createElement(LagesbildDocument, { report, summary: [], assessment: '', outlines: [], t: t, language: 'sv', standalone }));
    expect(render(false)).toContain('… och 2 till (se CSV-filen eller Karta)');
    const file = render(true);
    expect(file).toContain('… och 2 hot spots till, som inte står med i den här filen');
    expect(file).not.toContain('CSV-filen');
    // The area table has no last-year column: the page points to the CSV for it, the file says it lacks it (helper-65).
    expect(render(false)).toContain('Förra årets antal per område – och områden som bara hade händelser då – finns i CSV-filen');
    expect(file).toContain('förra årets antal per område står inte i den här filen');
  });

  it('the one-page brief (the I korthet slide) says "no hot spots" only where the analysis ran, else why it did not (helper-62)', async () => {
    const { createElement } = await import('react');
    const { renderToStaticMarkup } = await import('react-dom/server');
    const { LagesbildBrief } = await import('../../src/features/lagesbild/lagesbild-brief.view');
    const t = await reportT();
    const brief = (status: 'ok' | 'no-positions' | 'too-short', cells = false) => {
      const raw = knownReport();
      raw.hotSpots = { ...raw.hotSpots, status, ...(cells ? {} : { cells: [] }) };
      return renderToStaticMarkup(createElement(LagesbildBrief, { report: buildReport(raw, null), summary: [], assessment: '', outlines: [], t: t, language: 'sv' }));
    };
    expect(brief('no-positions')).toContain('Händelserna saknar position');
    expect(brief('no-positions')).not.toContain('Inga hot spots');
    expect(brief('too-short')).not.toContain('Inga hot spots');
    expect(brief('ok')).toContain('Inga hot spots i perioden.');
    expect(brief('ok', true)).not.toContain('Inga hot spots');
  });

  it('the categories slide says what the page says of the interventions: hidden in public view, none, or the table (a tester saw an empty table)', async () => {
    const { createElement } = await import('react');
    const { renderToStaticMarkup } = await import('react-dom/server');
    const { SlideContent } = await import('../../src/features/lagesbild/slide-content.view');
    const { default: i18next } = await import('i18next');
    const { initReactI18next } = await import('react-i18next');
    const { sv } = await import('../../src/lib/i18n/sv');
    await i18next.use(initReactI18next).init({ lng: 'sv', resources: { sv: { translation: sv } }, interpolation: { escapeValue: false } });
    const slide = (report: LagesbildReport) => renderToStaticMarkup(createElement(SlideContent, { slide: 'categories', report, assessment: '', outlines: [], datasetName: 'Test', zoom: null }));
    const none = { ...knownReport(), interventions: [] };
    const publicNone = slide(buildReport(none, { k: 5 }));
    expect(publicNone).toContain('data-testid="slide-interventions-table-hidden"');
    expect(publicNone).toContain('färre än 5 under perioden (även 0)');
    expect(publicNone).not.toContain('data-testid="slide-interventions-table"');
    // Public view, a total of 8 in four types of 3, 3, 1 and 1: no type is listed, and the slide says they were all
    // small — not "Inga insatser" beside the total (helper-63).
    const iRow = (name: string, current: number): CountRow => ({ name, current, previous: 0, last_year: 0, current_key: 0, previous_key: 0, last_year_key: 0 });
    const smallTypes = slide(buildReport({ ...knownReport(), interventions: [iRow('Trygghetsvandring', 3), iRow('Samtal', 3), iRow('Städning', 1), iRow('Belysning', 1)] }, { k: 5 }));
    expect(smallTypes).toContain('data-testid="slide-interventions-table-small"');
    expect(smallTypes).toContain('Varje insatstyp hade färre än 5');
    expect(smallTypes).not.toContain('Inga insatser');
    const analystNone = slide(buildReport(none, null));
    expect(analystNone).toContain('data-testid="slide-interventions-table-none"');
    expect(analystNone).toContain('Inga insatser');
    const withSome = slide(buildReport(knownReport(), null));
    expect(withSome).toContain('data-testid="slide-interventions-table"');
    expect(withSome).toContain('Trygghetsvandring');
    // Ten categories: eight on the slide, the other two counted under it (they were cut without a word).
    const row = (name: string, current: number): CountRow => ({ name, current, previous: current, last_year: 0, current_key: 0, previous_key: 0, last_year_key: 0 });
    const ten = { ...knownReport(), categories: Array.from({ length: 10 }, (_, i) => row(`Kategori ${i}`, 20 - i)) };
    const tenSlide = slide(buildReport(ten, null));
    expect(tenSlide).toContain('… och 2 kategorier till');
    expect(tenSlide).toContain('Kategori 7');
    expect(tenSlide).not.toContain('Kategori 8<');
    expect(withSome).not.toContain('slide-categories-more');
  });

  it('says which days of the period the hot-spot analysis leaves out (a tester: October’s "inga nya hot spots" missed a hot spot from the 20th)', () => {
    const october = { from: d('2025-10-01'), to: d('2025-10-31') };
    const step = { year: 2025, firstWeek: 41, lastWeek: 42 }; // 2025-10-06 – 2025-10-19
    expect(daysAfterStep(step, october, { from: d('2024-09-02'), to: d('2025-11-16') })).toBe(12);
    expect(daysAfterStep(step, october, { from: d('2024-09-02'), to: d('2025-10-25') })).toBe(6); // the data ends first
    expect(daysAfterStep(step, october, { from: d('2024-09-02'), to: d('2025-10-19') })).toBe(0);
    expect(daysAfterStep({ year: 2025, firstWeek: 43, lastWeek: 44 }, { from: d('2025-10-20'), to: d('2025-11-02') }, null)).toBe(0);
    expect(daysAfterStep(null, october, null)).toBe(0);
    // The summary says so under a month; a two-week period that is the last step says nothing.
    const raw = knownReport();
    raw.periods = lagesbildPeriods(periodOf(d('2026-11-15'), 'month')); // November 2026, data to the 15th
    raw.dataExtent = { from: d('2024-01-01'), to: d('2026-11-15') };
    raw.hotSpots = { ...raw.hotSpots, lastStep: { year: 2026, firstWeek: 45, lastWeek: 46 } }; // ends Sunday 15 November
    expect(buildReport(raw, null).hotSpots.daysAfterLastStep).toBe(0);
    raw.hotSpots = { ...raw.hotSpots, lastStep: { year: 2026, firstWeek: 43, lastWeek: 44 } }; // ends 1 November
    expect(summaryParagraphs(buildReport(raw, null), 'sv')[2]).toContain('Periodens sista 14 dagar efter v. 43–44 2026 ingår inte i hot spot-analysen, som räknar hela tvåveckorsperioder.');
    expect(summaryParagraphs(buildReport(knownReport(), null), 'sv').join(' ')).not.toContain('ingår inte i hot spot-analysen');
  });

  it('writes English too', () => {
    const [first] = summaryParagraphs(buildReport(knownReport(), null), 'en');
    expect(first.startsWith('In wk 45–46 2026, 170 incidents were recorded, 2% more than the previous period (wk 43–44 2026: 167)')).toBe(true);
  });
});

describe('a lägesbild of one source', () => {
  it('counts only that source’s rows (categories, interventions, development) and every row without one', async () => {
    const { runner } = await createExampleDatabase();
    try {
      // Split the example into two sources: every third incident and intervention comes from "Polisens händelser".
      await runner.exec(`UPDATE incidents SET source = 'Polisens händelser' WHERE rowid % 3 = 0; UPDATE interventions SET source = 'Polisens händelser' WHERE rowid % 3 = 0`);
      const period = { year: 2026, firstWeek: 45, lastWeek: 46 };
      const police = buildReport(await loadReport(runner, period, 'Polisens händelser'), null);
      const all = buildReport(await loadReport(runner, period), null);
      const w = police.periods.current;
      const sql = async (table: string, where: string) => (await runner.rows<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM ${table} WHERE epoch_day BETWEEN ${w.from} AND ${w.to} AND ${where}`))[0].n;
      expect(police.total.current).toBe(await sql('incidents', `source = 'Polisens händelser'`));
      expect(police.interventionTotal.current).toBe(await sql('interventions', `source = 'Polisens händelser'`));
      expect(all.total.current).toBe(await sql('incidents', 'TRUE'));
      expect(police.total.current as number).toBeLessThan(all.total.current as number);
      const stold = police.categories.find((c) => c.name === 'Stöld')?.current;
      expect(stold).toBe(await sql('incidents', `source = 'Polisens händelser' AND category = 'Stöld'`));
      expect(police.development.at(-1)?.current).toBe(police.total.current);
      expect(police.source).toBe('Polisens händelser');
      expect(all.source).toBeUndefined();
    } finally {
      runner.close();
    }
  }, 120_000);
});

describe('the example’s lägesbild', () => {
  let runner: SqlRunner & { close(): void };
  let raw: RawReport;
  beforeAll(async () => {
    ({ runner } = await createExampleDatabase());
    raw = await loadReport(runner, { year: 2026, firstWeek: 45, lastWeek: 46 });
  }, 120_000);
  afterAll(() => runner?.close?.());

  it('counts what the generator wrote in each window', () => {
    const { incidents, interventions } = generate();
    const inRange = (ts: string, r: { from: number; to: number }) => { const day = d(ts.slice(0, 10)); return day >= r.from && day <= r.to; };
    const report = buildReport(raw, null);
    expect(report.total.current).toBe(incidents.filter((r: { occurred_at: string }) => inRange(r.occurred_at, raw.periods.current)).length);
    expect(report.total.previous).toBe(incidents.filter((r: { occurred_at: string }) => inRange(r.occurred_at, raw.periods.previous)).length);
    expect(report.total.lastYear).toBe(incidents.filter((r: { occurred_at: string }) => inRange(r.occurred_at, raw.periods.lastYear)).length);
    expect(report.interventionTotal.current).toBe(interventions.filter((r: { started_at: string }) => inRange(r.started_at, raw.periods.current)).length);
    const drugs = incidents.filter((r: { occurred_at: string; category: string }) => r.category === 'Narkotikabrott' && inRange(r.occurred_at, raw.periods.current)).length;
    expect(report.categories.find((c) => c.name === 'Narkotikabrott')?.current ?? 0).toBe(drugs);
  });

  it('finds the example’s rows placed alike in the period and the one before: its area changes stand', () => {
    const report = buildReport(raw, null);
    // Levels as the generator places its rows: kommun and stadsdel for a point inside, none for rows without a position.
    expect(raw.placementLevels!.length).toBeGreaterThan(1);
    expect(raw.placementLevels!.reduce((s, l) => s + l.current, 0)).toBe(report.total.current);
    expect(report.areaPlacementShift).toBeNull();
    expect(report.areas.some((a) => a.vsPrevious !== null)).toBe(true);
    // Every category of the example runs through its data: none begins or ends, and every change stands.
    expect(raw.categorySpans!.length).toBeGreaterThan(3);
    expect(report.categoryBoundaries).toEqual([]);
  });

  it('sums the development chart into the same two-week periods, this year and last', () => {
    const { incidents } = generate();
    const report = buildReport(raw, null);
    const last = report.development[report.development.length - 1];
    expect(last.period).toEqual(raw.periods.period);
    expect(last.current).toBe(report.total.current);
    expect(last.lastYear).toBe(report.total.lastYear);
    const first = raw.development[0];
    const range = lagesbildPeriods(first.period).current;
    const count = incidents.filter((r: { occurred_at: string }) => { const day = d(r.occurred_at.slice(0, 10)); return day >= range.from && day <= range.to; }).length;
    expect(first.current).toBe(count);
    expect(raw.development).toHaveLength(13);
  });

  it('says when the area table counts an incident in one area that the area filter counts in another too', async () => {
    // Independently of the SQL: the tokens of area_names parsed here, each area's membership count against the table's.
    const rows = await runner.rows<{ area: string | null; area_names: string | null }>(
      `SELECT area, area_names FROM incidents WHERE epoch_day BETWEEN ${raw.periods.current.from} AND ${raw.periods.current.to}`);
    const names = (r: { area_names: string | null }) => (r.area_names ?? '').split('\u001f').filter(Boolean).map((t) => t.split('\u001e')[1]);
    const member = new Map<string, number>();
    for (const r of rows) for (const n of names(r)) member.set(n, (member.get(n) ?? 0) + 1);
    const report = buildReport(raw, null);
    const larger = report.areas.filter((f) => f.name !== null && (member.get(f.name) ?? 0) > (f.current as number));
    // The example's Bergsjö (ytterområde) overlaps the stadsdelar at its edge: the filter counts more there.
    expect(larger.map((f) => f.name)).toContain('Bergsjö');
    expect(rows.some((r) => names(r).some((n) => n !== (r.area ?? '')))).toBe(true);
    expect(report.areasAlsoElsewhere).toBe(true);
    // Rows each in at most their own area: nothing to say.
    const [none] = await runner.rows<{ also_elsewhere: boolean }>(areasAlsoElsewhereSql(raw.periods, `len(string_split(trim(area_names, chr(31)), chr(31))) <= 1 AND area IS NOT NULL`));
    expect(none.also_elsewhere).toBe(false);
    const [outside] = await runner.rows<{ also_elsewhere: boolean }>(areasAlsoElsewhereSql(raw.periods, `area IS NULL AND area_names <> ''`));
    expect(outside.also_elsewhere).toBe(rows.some((r) => r.area === null && names(r).length > 0));
  });

  it('finds the example’s persistent hot spot at Resecentrum', () => {
    expect(raw.hotSpots.status).toBe('ok');
    const persistent = raw.hotSpots.cells.filter((c) => c.group === 'persistent').map((c) => c.place);
    expect(persistent).toContain('Resecentrum');
  });

  it('names each hot-spot cell by the incidents of its latest step (the count it shows), the half year’s only for a cell without any', async () => {
    // By hand: every row's cell, the place holding the unique largest share of a cell's rows in the latest step ("no
    // place" competing like a place), against the names loadReport gave. A tester's hot spot read "Skolgården" (its
    // half year) where the step had Kiosk Ost 12 and Skolgården 4.
    const size = raw.hotSpots.size;
    const latest = fromBiweek(raw.hotSpots.lastStep!);
    const rows = await runner.rows<{ ix: number; iy: number; place: string | null; latest: boolean }>(
      `SELECT floor(grid_e / ${size})::INTEGER AS ix, floor(grid_n / ${size})::INTEGER AS iy, place, epoch_day BETWEEN ${latest.from} AND ${latest.to} AS latest FROM incidents WHERE grid_e IS NOT NULL AND epoch_day <= ${latest.to}`);
    const modeOf = (list: (string | null)[]) => {
      const counts = new Map<string | null, number>();
      for (const p of list) counts.set(p, (counts.get(p) ?? 0) + 1);
      const top = Math.max(...counts.values());
      const best = [...counts].filter(([, n]) => n === top);
      return best.length === 1 ? best[0][0] : null;
    };
    const named = raw.hotSpots.cells.filter((c) => c.current > 0);
    expect(named.length).toBeGreaterThan(3);
    let differs = 0;
    for (const c of named) {
      const mine = rows.filter((r) => r.ix === c.ix && r.iy === c.iy);
      const inLatest = mine.filter((r) => r.latest);
      expect(inLatest).toHaveLength(c.current);
      expect(c.place, `${c.ix}:${c.iy}`).toBe(modeOf(inLatest.map((r) => r.place)));
      if (modeOf(mine.map((r) => r.place)) !== c.place) differs++;
    }
    // At least one cell's half year would have named it otherwise (the test tells the two apart).
    expect(differs).toBeGreaterThan(0);
  });

  it('judges the goals as of the period’s last day', () => {
    expect(raw.goals.length).toBeGreaterThan(0);
    for (const g of raw.goals) if (!g.problem) expect(g.asOf).toBeLessThanOrEqual(raw.periods.current.to);
    const earlier = lagesbildPeriods({ year: 2026, firstWeek: 21, lastWeek: 22 });
    return loadReport(runner, earlier.period).then((r) => {
      for (const g of r.goals) if (!g.problem) expect(g.asOf).toBe(earlier.current.to);
    });
  });

  it('ends the hot-spot steps with the latest two weeks that have ended in the period and the data, and counts them', async () => {
    // November 2026: the example stops on the 15th. The steps ended with v. 47–48 (no data: "too few located
    // incidents"); they end with v. 45–46, and the table's counts say so (hotSpotWeeks).
    const november = await loadReport(runner, parseReportPeriodKey('2026-11')!);
    expect(november.hotSpots.status).toBe('ok');
    expect(november.hotSpots.lastStep).toEqual({ year: 2026, firstWeek: 45, lastWeek: 46 });
    expect(hotSpotWeeks(buildReport(november, null), 'sv')).toBe('v. 45–46 2026');
    // October, wholly in the data: its last whole two weeks by the 31st are v. 41–42 (5–18 October), and each hot
    // cell's count is of those days — against a count of the table by the same cells and days.
    const october = await loadReport(runner, parseReportPeriodKey('2026-10')!);
    expect(october.hotSpots.lastStep).toEqual({ year: 2026, firstWeek: 41, lastWeek: 42 });
    const size = october.hotSpots.size;
    const cells = october.hotSpots.cells;
    expect(cells.length).toBeGreaterThan(0);
    const counted = await runner.rows<{ ix: number; iy: number; n: number }>(
      `SELECT floor(grid_e / ${size})::INTEGER AS ix, floor(grid_n / ${size})::INTEGER AS iy, count(*)::INTEGER AS n FROM incidents
       WHERE epoch_day BETWEEN ${d('2026-10-05')} AND ${d('2026-10-18')} AND grid_e IS NOT NULL GROUP BY ALL`);
    const byCell = new Map(counted.map((r) => [`${r.ix}:${r.iy}`, r.n]));
    for (const c of cells) expect(c.current).toBe(byCell.get(`${c.ix}:${c.iy}`) ?? 0);
    // A period wholly after the data (a link) has nothing to analyse — not "too few located incidents" (a tester).
    const after = await loadReport(runner, parseReportPeriodKey('2027-01')!);
    expect(after.hotSpots.status).toBe('after-data');
    expect(summaryParagraphs(buildReport(after, null), 'sv').join(' ')).toContain('perioden börjar efter datans sista dag');
    // The summary names the two weeks the hot spots are judged at.
    expect(summaryParagraphs(buildReport(october, null), 'sv').join(' ')).toContain('Hot spot-analysen (Gi*, tvåveckorsperioder t.o.m. v. 41–42 2026)');
  }, 60_000);

  it('names no new or persistent hot spot without incidents of its own in the latest step; says how many cells are left out', async () => {
    // v. 33–34 2026: Gi* marks a cell at Hamnstaden hot with no incident of its own in those weeks (its neighbours
    // have many). The summary read "Nya hot spots: Hamnstaden" with a 0 in the table beside it (the Karta lists no such cell).
    // That cell touches the persistent hot spot Hamnen and is now its edge (withJoinedEdges); v. 7–8 2026 has a
    // live hot spot with no incident of its own that touches none, and the rest of this test reads that period.
    const week33 = buildReport(await loadReport(runner, { year: 2026, firstWeek: 33, lastWeek: 34 }), null);
    expect(week33.hotSpots.rows.map((r) => r.name)).not.toContain('Hamnstaden');
    expect(week33.hotSpots.rows.find((r) => r.name === 'Hamnen')).toMatchObject({ group: 'persistent' });
    expect(summaryParagraphs(week33, 'sv').join(' ')).not.toContain('Hamnstaden');
    const raw33 = await loadReport(runner, { year: 2026, firstWeek: 7, lastWeek: 8 });
    const live = (c: { group: string }) => c.group === 'new' || c.group === 'persistent';
    // Independently of the model: the live hot cells with no incident then, from the raw cells' own counts.
    const emptyCells = raw33.hotSpots.cells.filter((c) => live(c) && c.current === 0);
    expect(emptyCells.length).toBeGreaterThan(0);
    const report = buildReport(raw33, null);
    expect(report.hotSpots.rows.filter(live).every((r) => (r.current as number) > 0)).toBe(true);
    expect(report.hotSpots.rows.map((r) => r.name)).not.toContain('Hamnstaden');
    const left = report.hotSpots.surroundingsOnly ?? 0;
    expect(left).toBeGreaterThan(0);
    expect(left).toBeLessThanOrEqual(emptyCells.length);
    // Every live hot cell is still on the map: a row's cell, or one without a letter.
    const onMap = new Set(report.hotSpots.cells.map((c) => `${c.ix}:${c.iy}`));
    expect(raw33.hotSpots.cells.filter((c) => c.group !== 'other' && !onMap.has(`${c.ix}:${c.iy}`))).toEqual([]);
    expect(report.hotSpots.cells.filter((c) => c.row === -1 && c.group !== 'other').length).toBe(left);
    // …and drawn apart from "Ny"/"Bestående" (a tester saw a "Ny" cell on the map of a text with no new hot spot).
    expect(report.hotSpots.cells.filter((c) => c.unlisted).length).toBe(left);
    expect(summaryParagraphs(report, 'sv').join(' ')).not.toContain('Hamnstaden');
    // Public view: leaving out only the zeros would tell "<5" apart from 0, and keeping them named a new hot spot the
    // analyst's text did not (a tester). It leaves out every live hot spot whose count is hidden, 0 and 1–4 alike.
    const shown = buildReport(raw33, { k: 5 });
    expect(shown.hotSpots.rows.map((r) => r.name)).not.toContain('Hamnstaden');
    expect(shown.hotSpots.surroundingsOnly).toBe(0);
    // Independently: the named live hot spots are the analyst's with at least 5 incidents of their own (exact).
    const liveNames = (r: LagesbildReport, min: number) => r.hotSpots.rows.filter((x) => live(x) && typeof x.current === 'number' && x.current >= min).map((x) => x.name).sort();
    expect(liveNames(shown, 0)).toEqual(liveNames(report, 5));
    expect(shown.hotSpots.rows.filter(live).length).toBe(liveNames(report, 5).length);
    // Those left out: every raw live cell not in a named row is on the map, unlisted, and counted.
    const hidden = shown.hotSpots.hiddenSpots!;
    expect(hidden.spots).toBeGreaterThanOrEqual(report.hotSpots.rows.filter((x) => live(x) && (x.current as number) < 5).length + 1);
    expect(shown.hotSpots.cells.filter((c) => c.unlisted).length).toBe(hidden.cells);
    const namedCells = shown.hotSpots.cells.filter((c) => c.row >= 0).length;
    expect(namedCells + hidden.cells).toBe(shown.hotSpots.cells.filter((c) => c.group !== 'other').length);
    // The text names no hidden one and says how many there are, and that the named ones are those with at least 5.
    const publicText = summaryParagraphs(shown, 'sv').join(' ');
    expect(publicText).not.toContain('Hamnstaden');
    expect(publicText).toContain('visar, bland hot spots med minst 5 egna händelser,');
    expect(publicText).toContain(hidden.spots === 1 ? 'Ytterligare en ny eller bestående hot spot har färre än 5 egna händelser' : `Ytterligare ${hidden.spots} nya eller bestående hot spots har färre än 5 egna händelser`);
    expect(summaryParagraphs(shown, 'en').join(' ')).toContain('among hot spots with at least 5 incidents of their own');
    // The analyst's text has no such clause, and says the hot spots without incidents of their own are there.
    expect(summaryParagraphs(report, 'sv').join(' ')).not.toContain('bland hot spots med minst');
    expect(report.hotSpots.surroundingSpots).toBeGreaterThan(0);
    expect(summaryParagraphs(report, 'sv').join(' ')).toMatch(/Därtill (en ny eller bestående hot spot|\d+ nya eller bestående hot spots) utan egna händelser de veckorna/);
    expect(publicText).not.toContain('utan egna händelser de veckorna');
    // The CSV export: no row names a left-out hot spot; their row gives no count ("<5" would misstate their sum).
    const t = await reportT();
    const { rows } = lagesbildCsvRows(shown, t, 'sv');
    const hiddenRow = rows.find((r) => String(r[1]).startsWith('Hot spot'));
    expect(hiddenRow?.[1]).toContain(`färre än 5 egna händelser`);
    expect(rows.some((r) => r[0] === hiddenRow?.[0] && String(r[1]).startsWith('Hamnstaden'))).toBe(false);
    expect(hiddenRow?.[2]).toBeNull();
    // Every hot-spot row of the export names what the page names, and nothing else: the recurring row named its
    // places ("Återkommande hot spots (Gustav Adolfs torg, Lundavägen 30, …)"), a named hot spot among them and places
    // public view withholds (a tester).
    const spotRows = rows.filter((r) => r[0] === hiddenRow?.[0] && r !== hiddenRow).map((r) => String(r[1]));
    const pageNames = [...shown.hotSpots.rows.map((r) => `${r.name} (${t(`lagesbild.group.${r.group}`)})`), ...(shown.hotSpots.recurring.cells > 0 ? [t('lagesbild.recurringShort')] : [])];
    expect(spotRows).toEqual(pageNames);
    expect(shown.hotSpots.recurring.cells).toBeGreaterThan(0);
  }, 60_000);

  it('says no row is the largest beside a count hidden to protect another (public view)', async () => {
    // v. 45–46 2026: an intervention type is "dold"; "flest av typen Uppsökande verksamhet (6)" bounded it to 5–6.
    const raw = await loadReport(runner, { year: 2026, firstWeek: 45, lastWeek: 46 });
    const shown = buildReport(raw, { k: 5 });
    expect(shown.interventions.some((i) => typeof i.current === 'object' && i.current !== null)).toBe(true);
    expect(summaryParagraphs(shown, 'sv').join(' ')).not.toContain('flest av typen');
    expect(summaryParagraphs(buildReport(raw, null), 'sv').join(' ')).toContain('flest av typen');
  }, 60_000);

  it('marks a month the data ends inside: its coverage, its development bar, and goals judged as of the data’s last day', async () => {
    // The example ends 2026-11-15: November has 15 of its 30 days (a tester read 509 beside 1 000 as a halving).
    const november = await loadReport(runner, parseReportPeriodKey('2026-11')!);
    for (const rule of [null, { k: 5 }]) {
      const report = buildReport(november, rule);
      expect(report.coverage).toEqual({ covered: 15, days: 30, first: d('2026-11-01'), last: d('2026-11-15') });
      const last = report.development[report.development.length - 1];
      expect(last.partial).toEqual({ covered: 15, days: 30 });
      expect(report.development.slice(0, -1).every((p) => p.partial === undefined)).toBe(true);
      expect(iso(report.goalsAsOf)).toBe('2026-11-15');
      expect(report.goalsLatestInPublic).toBe(false);
    }
    // A whole period has none of it.
    const october = buildReport(await loadReport(runner, parseReportPeriodKey('2026-10')!), null);
    expect(october.coverage).toBeNull();
    expect(iso(october.goalsAsOf)).toBe('2026-10-31');
  }, 60_000);

  it('says "no comparison" for the first period of the data, and the date public view judges the goals as of (testers)', async () => {
    // The example starts 2024-01-01: v. 1–2 2024 has no period before it with data.
    const first = await loadReport(runner, { year: 2024, firstWeek: 1, lastWeek: 2 });
    const text = summaryParagraphs(buildReport(first, null), 'sv').join(' ');
    expect(text).toContain('Ingen jämförelse med föregående period: datan täcker den inte.');
    expect(text).not.toContain('jämfört med föregående period');
    // Public view judges the goals as of the data's last day (2026-11-15) whichever period is open: the text says so.
    const t2 = await loadReport(runner, parseReportPeriodKey('2026-T2')!);
    const shown = summaryParagraphs(buildReport(t2, { k: 5 }), 'sv').join(' ');
    expect(shown).toContain('Medborgarlöftena per 2026-11-15:');
    expect(summaryParagraphs(buildReport(t2, null), 'sv').join(' ')).toContain('Medborgarlöftena:');
  }, 60_000);

  it('runs no emerging analysis over periods before the data, and none with fewer than ten periods of data', async () => {
    // The example starts 2024-01-01 (v. 1): by v. 13–14 there are 7 two-week periods of data, by v. 19–20 ten.
    const early = await loadReport(runner, { year: 2024, firstWeek: 13, lastWeek: 14 });
    expect(early.hotSpots.status).toBe('too-short');
    expect(early.dataExtent?.from).toBe(d('2024-01-01'));
    const tenth = await loadReport(runner, { year: 2024, firstWeek: 19, lastWeek: 20 });
    expect(tenth.hotSpots).toMatchObject({ status: 'ok', steps: 10 });
    // And no comparison with 2023, which the data does not reach.
    expect(buildReport(early, null).total.vsLastYear).toBeNull();
    // The development's periods before the data began are no data ("–"), not 0 — nor "<5" in public view (a tester).
    for (const rule of [null, { k: 5 }]) {
      const points = buildReport(early, rule).development;
      const before = points.filter((p) => p.period.to < d('2024-01-01'));
      expect(before.length).toBeGreaterThan(0);
      for (const p of before) expect([p.current, p.lastYear]).toEqual([undefined, undefined]);
      for (const p of points.filter((q) => q.period.from >= d('2024-01-01'))) {
        expect(p.current === undefined).toBe(false);
        expect(p.lastYear).toBeUndefined(); // 2023: before the data too
      }
    }
    // The summary gives the panel's reason (it said "too few located incidents", tester).
    const text = summaryParagraphs(buildReport(early, null), 'sv').join(' ');
    expect(text).toContain('behöver minst 10 tvåveckorsperioder med data');
    expect(text).not.toContain('För få händelser med position');
  }, 60_000);
});

describe('the default lägesbild period', () => {
  it('is the latest complete two-week period, unless the data is shorter: then the period holding it', async () => {
    const { epochDayOf, calendarDate } = await import('../../src/lib/epoch-day');
    const day = (y: number, m: number, d: number) => epochDayOf(calendarDate(y, m - 1, d));
    // Data 5–6 March 2025 (ISO week 10): the latest complete period (v. 7–8) ends before the data.
    const short = defaultLagesbildPeriod(day(2025, 3, 6), day(2025, 3, 5));
    expect(dayRangeOf(short).from).toBeLessThanOrEqual(day(2025, 3, 5));
    expect(dayRangeOf(short).to).toBeGreaterThanOrEqual(day(2025, 3, 6));
    // A year of data ending mid-period: the complete period before it.
    const long = defaultLagesbildPeriod(day(2025, 3, 6), day(2024, 3, 1));
    expect(dayRangeOf(long).to).toBeLessThan(day(2025, 3, 6));
    expect(dayRangeOf(long).to).toBeGreaterThanOrEqual(day(2025, 3, 6) - 14);
  });
});

describe('a window before the data began (tester: 2024 periods lost their totals in public view)', () => {
  it('is "no data" ("–"), stays out of the suppressed table, and the period total is shown', () => {
    const raw = knownReport();
    // The data begins after last year's window: its column is all zeros in SQL, which is no data, not nothing.
    raw.categories = raw.categories.map((c) => ({ ...c, last_year: 0 }));
    raw.dataExtent = { from: raw.periods.previous.from, to: raw.periods.current.to };
    const report = buildReport(raw, { k: 5 });
    expect(report.total.lastYear).toBeUndefined();
    expect(report.total.vsLastYear).toBeNull();
    expect(typeof report.total.current).toBe('number');
    expect(report.categories.every((c) => c.lastYear === undefined)).toBe(true);
    // The same report with last year's zeros counted as data hides the total as a complement.
    const counted = buildReport({ ...raw, dataExtent: { from: raw.periods.lastYear.from, to: raw.periods.current.to } }, { k: 5 });
    expect(typeof counted.total.lastYear).not.toBe('number');
  });
});

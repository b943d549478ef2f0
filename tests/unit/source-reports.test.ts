// Which sources reported (#19 item 3): the status of each source from its reports in the period and the baseline,
// and on the example with one source that stops reporting, the counts against SQL and the summary's warning.
import { describe, expect, it } from 'vitest';
import { BASELINE_PERIODS, baselineWindow, sourceReports, type SourceReportRow } from '../../src/features/lagesbild/source-reports.model';
import { buildReport } from '../../src/features/lagesbild/lagesbild.model';
import { loadReport } from '../../src/features/lagesbild/load-report';
import { summaryParagraphs } from '../../src/features/lagesbild/lagesbild-summary';
import { createExampleDatabase } from './support/example-database';
import { publishCount } from '../../src/lib/disclosure/publish';
import { MAX_NOISE } from '../../src/lib/disclosure/cell-key';
import { poissonDraw, seededRandom } from './support/seeded-random';

const period = { from: 1000, to: 1013 }; // two weeks
const row = (source: string, current: number, baseline: number, firstDay = 0, lastDay: number | null = 1013): SourceReportRow =>
  ({ source, current, current_key: 0, baseline, baseline_key: 0, first_day: firstDay, last_day: lastDay });

describe('source status', () => {
  it('baseline = the six periods of the same length before', () => {
    expect(baselineWindow(period)).toEqual({ from: 1000 - BASELINE_PERIODS * 14, to: 999 });
  });

  it('silent, clearly low, as usual, new', () => {
    const r = sourceReports([
      row('Tyst', 0, 120, 0, 990),
      row('Låg', 6, 120), // usual 20 per period, 6 is a quarter or more below and beyond chance
      row('Lite lägre', 15, 120), // usual 20, 15: within chance
      row('Ny', 30, 10, 990), // first day inside the baseline, less than one period before: new
    ], period, null);
    expect(r.map((s) => s.status)).toEqual(['silent', 'low', 'ok', 'new']);
    expect(r[1].usual).toBe(20);
  });

  it('clearly more or less than usual: beyond chance and by a quarter or more (testers: 1 882 and 75 against 85,5 and 40 read "som vanligt")', () => {
    // The testers' sources (usual 85,5 = 513 / 6; 40 = 240 / 6), one double within chance, a small significant drift.
    const r = sourceReports([row('Hopp', 1882, 513), row('Fastighetsbolaget', 75, 240), row('Trygghetsvärdar', 22, 240), row('Dubbelt', 4, 12), row('Stor', 1100, 6000)], period, null);
    expect(r.map((s) => s.status)).toEqual(['high', 'high', 'low', 'ok', 'ok']);
    // The exact test says 4 against a usual 2 is within chance (p well above 5 %): not flagged.
    expect(r[3].usual).toBe(2);
  });

  it('error rate: a source reporting at its usual rate is flagged in at most 5 % of periods, either way (simulated)', () => {
    // Usual level λ per period; the baseline is six periods' Poisson(6λ), the period Poisson(λ): no change at all. The
    // exact test is two-sided at 95 %, and the flags also need a quarter's change, so together at most ~5 %.
    const u = seededRandom(20261203);
    for (const lambda of [5, 20, 85.5, 400]) {
      let flagged = 0;
      const runs = 2000;
      for (let i = 0; i < runs; i++) {
        const [r] = sourceReports([row('Källa', poissonDraw(lambda, u), poissonDraw(6 * lambda, u))], period, null);
        if (r.status === 'low' || r.status === 'high' || r.status === 'silent') flagged++;
      }
      expect(flagged / runs, `λ = ${lambda}`).toBeLessThanOrEqual(0.05);
    }
    // And it finds the testers' changes in (nearly) every period: 75 a period against a usual 40.
    let found = 0;
    for (let i = 0; i < 500; i++) if (sourceReports([row('Källa', poissonDraw(75, u), poissonDraw(240, u))], period, null)[0].status === 'high') found++;
    expect(found / 500).toBeGreaterThan(0.95);
  });

  it('a source that began during the baseline is judged per day it existed', () => {
    // 3 periods (42 days) of the baseline, 60 reports: usually 20 per period; 20 now is as usual.
    const [s] = sourceReports([row('Halv', 20, 60, 1000 - 42)], period, null);
    expect(s.usual).toBe(20);
    expect(s.status).toBe('ok');
  });

  it('public view: a hidden count is no zero; it is low only when the usual level is at least 2k', () => {
    const r = sourceReports([row('Tyst', 0, 120), row('Liten', 2, 30)], period, { k: 5 });
    expect(r[0].current).toBeNull();
    expect(r[0].status).toBe('low'); // "<5" against usually 20 (≥ 10): under half, whatever it is
    // "<5" against usually 5: could be 4 or 0 — neither low nor "as usual" (a tester read "som vanligt" beside a
    // source that reported nothing): not said.
    expect(r[1].status).toBe('withheld');
    // The usual level hidden (fewer than k in six periods): no level to compare with, whatever the period shows.
    const hiddenUsual = sourceReports([row('Sällan', 7, 3), row('Sällan, tyst', 0, 3)], period, { k: 5 });
    expect(hiddenUsual.map((x) => x.usual)).toEqual([null, null]);
    expect(hiddenUsual.map((x) => x.status)).toEqual(['withheld', 'withheld']);
    // A source whose first report is in the period, its count hidden: "new" would say it reported at least once
    // (1–4, where "<5" also stands for 0). Withheld; one that began in the baseline is new whatever it shows.
    const fresh = sourceReports([row('Ny i perioden', 2, 0, 1005), row('Ny i basen', 2, 3, 990), row('Ny, synlig', 30, 0, 1005)], period, { k: 5 });
    expect(fresh.map((x) => x.status)).toEqual(['withheld', 'new', 'new']);
    expect(sourceReports([row('Ny i perioden', 2, 0, 1005)], period, null)[0].status).toBe('new');
    // Without a rule the same counts are judged: 0 against a usual 0,5 is silent.
    expect(sourceReports([row('Sällan, tyst', 0, 3)], period, null)[0].status).toBe('silent');
  });

  it('public view: with the period’s count hidden, no last day that tells 0 (before the period) from 1–4 (in it)', () => {
    const r = sourceReports([row('I perioden', 1, 30, 0, 1005), row('Före', 0, 30, 0, 990), row('Efter', 2, 30, 0, 1020), row('Synlig', 12, 120, 0, 1005)], period, { k: 5 });
    expect(r.map((s) => s.lastDay)).toEqual([null, null, 1020, 1005]);
    // The analyst's view shows every last day.
    expect(sourceReports([row('I perioden', 1, 30, 0, 1005), row('Före', 0, 30, 0, 990)], period, null).map((s) => s.lastDay)).toEqual([1005, 990]);
  });

  it('public view: no count per source at all, only the status judged on the published counts (testers recovered hidden ones)', () => {
    // 11 in all beside 7 shown left 4 for the hidden source; one period's usual level beside the next's gave its count.
    const r = sourceReports([row('Stor', 480, 3000), row('Liten', 2, 30), row('Tyst', 0, 120)], period, { k: 5 });
    expect(r.map((s) => [s.current, s.usual])).toEqual([[null, null], [null, null], [null, null]]);
    expect(r.map((s) => s.status)).toEqual(['ok', 'withheld', 'low']);
    // The status is the published counts' (cell-key noise included): over many key sums, the same as judged on
    // publishCount's values.
    for (let key = 0; key < 64; key++) {
      const shown = publishCount(480, key * 7919, { k: 5 }) as number;
      expect(Math.abs(shown - 480)).toBeLessThanOrEqual(MAX_NOISE);
      expect(sourceReports([{ ...row('Källa', 480, 3000), current_key: key * 7919 }], period, { k: 5 })[0].status).toBe(sourceReports([row('Källa', shown, 3000)], period, null)[0].status);
    }
  });

  it('a period the data covers only in part is judged on the days it covers', () => {
    // A month (30 days) with data for 15 of them: 526 reports against a usual 1 275 per month is as usual per day.
    const month = { from: 2000, to: 2029 };
    const [s] = sourceReports([{ source: 'Exempel', current: 526, current_key: 0, baseline: 1275 * 6, baseline_key: 0, first_day: 0, last_day: 2014 }], month, null, { from: 0, to: 2014 });
    expect(s.usual).toBeCloseTo(1275 / 2, 6);
    expect(s.status).toBe('ok');
    // Judged on all 30 days it was "clearly less" (the tester's case).
    expect(sourceReports([{ source: 'Exempel', current: 526, current_key: 0, baseline: 1275 * 6, baseline_key: 0, first_day: 0, last_day: 2014 }], month, null)[0].status).toBe('low');
  });
});

describe('the example with a source that stopped reporting', () => {
  it('flags it, counts it as SQL does, and the summary warns that fewer incidents may be its silence', async () => {
    const { runner } = await createExampleDatabase();
    try {
      const reportPeriod = { year: 2026, firstWeek: 45, lastWeek: 46 };
      const raw0 = await loadReport(runner, reportPeriod);
      const stop = raw0.periods.current.from - 20; // Bostadsbolaget's last report: 20 days before the period
      await runner.exec(`UPDATE incidents SET source = 'Bostadsbolaget' WHERE rowid % 5 = 0 AND epoch_day < ${stop}`);
      const report = buildReport(await loadReport(runner, reportPeriod), null);
      const housing = report.sources.find((s) => s.source === 'Bostadsbolaget')!;
      expect(housing.status).toBe('silent');
      expect(housing.current).toBe(0);
      const [{ last }] = await runner.rows<{ last: number }>(`SELECT max(epoch_day)::INTEGER AS last FROM incidents WHERE source = 'Bostadsbolaget'`);
      expect(housing.lastDay).toBe(last);
      const other = report.sources.find((s) => s.source !== 'Bostadsbolaget')!;
      const w = report.periods.current;
      const [{ n }] = await runner.rows<{ n: number }>(`SELECT (SELECT count(*) FROM incidents WHERE source = '${other.source}' AND epoch_day BETWEEN ${w.from} AND ${w.to})
        + (SELECT count(*) FROM interventions WHERE source = '${other.source}' AND epoch_day BETWEEN ${w.from} AND ${w.to}) AS n`);
      expect(other.current).toBe(Number(n));
      expect(other.status).toBe('ok');
      // With the silent source chosen in "Källa", every source is still judged on the whole data's days: its usual
      // level and status as without a choice (the chosen source's last day cut them — 540 read 38,6; a tester).
      const chosen = buildReport(await loadReport(runner, reportPeriod, 'Bostadsbolaget'), null);
      expect(chosen.sources).toEqual(report.sources);
      // And the chosen source's own period runs to the data's last day, not to its own last report: no part-covered
      // period, and its silence is the sources panel's to say.
      expect(chosen.coverage).toEqual(report.coverage);
      const raw = await loadReport(runner, reportPeriod, 'Bostadsbolaget');
      const [{ last: dataLast }] = await runner.rows<{ last: number }>(`SELECT max(epoch_day)::INTEGER AS last FROM incidents`);
      expect(raw.dataExtent?.to).toBe(dataLast);
      expect(summaryParagraphs(report, 'sv')[0]).toMatch(/Obs: Bostadsbolaget \(senast \d{4}-\d{2}-\d{2}\) rapporterade ingenting under perioden/);
      // The example's own source, named in English in the English summary (a tester found it Swedish there).
      const { EXAMPLE_SOURCE } = await import('../../src/lib/source-label');
      const exampleSilent = { ...report, sources: report.sources.map((x) => (x.source === other.source ? { ...x, source: EXAMPLE_SOURCE, status: 'silent' as const } : x)) };
      expect(summaryParagraphs(exampleSilent, 'en')[0]).toContain('Exempelkommun (invented)');
      expect(summaryParagraphs(exampleSilent, 'sv')[0]).toContain('Exempelkommun (påhittad)');
      // A source reporting clearly more than usual is said too: more incidents may be its reporting, not more crime.
      const exampleBusy = { ...report, sources: report.sources.map((x) => (x.source === other.source ? { ...x, status: 'high' as const } : x)) };
      expect(summaryParagraphs(exampleBusy, 'sv')[0]).toMatch(/Obs: Exempelkommun \(påhittad\) \(senast \d{4}-\d{2}-\d{2}\) rapporterade tydligt mer än vanligt – fler händelser kan bero på det, inte på fler brott\.$/);
      expect(summaryParagraphs(exampleBusy, 'en')[0]).toContain('reported clearly more than usual – more incidents may be down to that');
      // Public view with a source's count hidden: the summary says it is not shown, not that all sources were as usual.
      const publicReport = buildReport(await loadReport(runner, reportPeriod), { k: 5 });
      const hidden = { ...publicReport, sources: publicReport.sources.map((x) => (x.source === 'Bostadsbolaget' ? { ...x, current: null, status: 'withheld' as const } : x)) };
      expect(summaryParagraphs(hidden, 'sv')[0]).toContain('Antalet rapporter från Bostadsbolaget visas inte (färre än 5), så här sägs inte om källan rapporterade som vanligt.');
      expect(summaryParagraphs(hidden, 'en')[0]).toContain('The number of reports from Bostadsbolaget is not shown (fewer than 5), so whether it reported as usual is not said here.');
    } finally {
      runner.close();
    }
  }, 120_000);
});

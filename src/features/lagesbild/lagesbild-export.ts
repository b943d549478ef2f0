// The lägesbild's exports: every figure of the period as Excel CSV, and the whole lägesbild as one
// self-contained HTML file (inline CSS and SVG, no scripts, aggregates only) that can be mailed and opened offline.
import { formatPeriod, reportPeriodKey } from '../../analysis/periods/report-periods';
import type { TFunction } from 'i18next';
import { csvCount } from '../../lib/disclosure/format-count';
import { formatCount, type Language } from '../../lib/format';
import type { CountChange } from '../../lib/statistics/count-change';
import { categoryBoundaryText, goalVerdictText, hotSpotWeeks, placementShiftText, placesTiedText, type Figure, type LagesbildReport } from './lagesbild.model';
import { figureName, pooledRow } from './published-rows.model';

const ratio = (c: CountChange | null) => (c && c.change !== null ? Math.round(c.change * 1000) / 1000 : null);
const z = (c: CountChange | null) => (c ? Math.round(c.z * 100) / 100 : null);
// A p below the doubles' range is computed as 0 (1 882 against a usual 85, say): "0" would claim certainty, so the
// cell says how small it is instead.
const pValue = (c: CountChange | null) => (c ? (c.p < 1e-300 ? '<1e-300' : Number(c.p.toPrecision(3))) : null);

/** One row per figure: section, name, the three periods' counts, changes (as fractions, per day), the test's z and p. */
export function lagesbildCsvRows(report: LagesbildReport, t: TFunction, language: Language): { header: string[]; rows: unknown[][] } {
  const p = report.periods;
  const header = [
    t('lagesbild.csv.section'), t('lagesbild.csv.name'),
    formatPeriod(p.period, language), formatPeriod(p.previousPeriod, language), formatPeriod(p.lastYearPeriod, language),
    t('lagesbild.csv.changePrevious'), t('lagesbild.csv.zPrevious'), t('lagesbild.csv.pPrevious'), t('lagesbild.csv.changeLastYear'), t('lagesbild.csv.zLastYear'), t('lagesbild.csv.pLastYear'),
  ];
  const row = (section: string, f: Figure, name: string) => [
    section, name, csvCount(f.current, report.rule, language), csvCount(f.previous, report.rule, language), csvCount(f.lastYear, report.rule, language),
    ratio(f.vsPrevious), z(f.vsPrevious), pValue(f.vsPrevious), ratio(f.vsLastYear), z(f.vsLastYear), pValue(f.vsLastYear),
  ];
  // Hot spots are counted in the analysis's latest two weeks, not the period whose column they stand in: said in the name.
  const spotSection = `${t('lagesbild.hotSpots')} (${hotSpotWeeks(report, language)})`;
  const rows: unknown[][] = [
    row(t('lagesbild.allIncidents'), report.total, t('lagesbild.total')),
    ...[...report.categories, ...pooledRow(report, 'categories')].map((f) => row(t('overview.category'), f, figureName(f, report, t))),
    // Why some category rows have no change (categoryBoundaryText): one row, no counts.
    ...(report.categoryBoundaries.length ? [[t('overview.category'), categoryBoundaryText(report, t), null, null, null, null, null, null, null, null, null]] : []),
    ...[...report.areas, ...pooledRow(report, 'areas')].map((f) => row(t('lagesbild.area'), f, figureName(f, report, t))),
    // Why the area rows have no change against the period before (placementShiftText): one row, no counts.
    ...(['previous', 'lastYear'] as const).flatMap((against) => {
      const text = placementShiftText(report, t, language, against);
      return text ? [[t('lagesbild.area'), text, null, null, null, null, null, null, null, null, null]] : [];
    }),
    ...report.places.map((f) => row(t('lagesbild.place'), f, f.name ?? '')),
    // The places left out at a tie: one row with no counts in the columns (the name says the count each has).
    ...(report.placesTied ? [[t('lagesbild.place'), placesTiedText(report, t, language, true), null, null, null, null, null, null, null, null, null]] : []),
    row(t('lagesbild.interventions'), report.interventionTotal, t('lagesbild.total')),
    ...[...report.interventions, ...pooledRow(report, 'interventions')].map((f) => row(t('lagesbild.type'), f, figureName(f, report, t))),
    ...report.hotSpots.rows.map((r) => [spotSection, `${r.name} (${t(`lagesbild.group.${r.group}`)})`, csvCount(r.current, report.rule, language), null, null, null, null, null, null, null, null]),
    ...(report.hotSpots.recurring.cells > 0
      ? [[spotSection, t('lagesbild.recurringShort'), csvCount(report.hotSpots.recurring.current, report.rule, language), null, null, null, null, null, null, null, null]]
      : []),
    // Analyst view only (hotSpotSummary): the hot cells left out of the rows for having no incident of their own.
    ...(report.hotSpots.surroundingsOnly
      ? [[spotSection, t('lagesbild.surroundingsOnlyRow', { count: report.hotSpots.surroundingsOnly, formatted: formatCount(report.hotSpots.surroundingsOnly, language) }), 0, null, null, null, null, null, null, null, null]]
      : []),
    // Public view only: the new or persistent hot spots left out for a hidden count. No count: each has fewer than k,
    // their sum need not ("<5" for the row would misstate it, and an exact sum would give the small ones away).
    ...(report.rule && report.hotSpots.hiddenSpots?.spots
      ? [[spotSection, t('lagesbild.hiddenSpotsRow', { count: report.hotSpots.hiddenSpots.spots, formatted: formatCount(report.hotSpots.hiddenSpots.spots, language), k: report.rule.k }), null, null, null, null, null, null, null, null, null]]
      : []),
    ...report.goals.map((g) => [t('lagesbild.goal'), `${g.title} (${goalVerdictText(g, t, report.rule)})`, csvCount(g.actual, report.rule, language), null, null, null, null, null, null, null, null]),
  ];
  return { header, rows };
}

export function exportFileName(report: LagesbildReport, extension: string): string {
  return `lagesbild-${reportPeriodKey(report.periods.period)}${report.rule ? '-publik' : ''}.${extension}`;
}

/** A complete HTML document around the rendered lägesbild: inline styles only, no script, no external reference. */
export function standaloneHtml(body: string, css: string, title: string, language: Language): string {
  const escape = (s: string) => s.replace(/[&<>"]/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[ch]!);
  return `<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${escape(title)}</title>
<style>${css}</style>
</head>
<body class="lb-standalone">
${body}
</body>
</html>
`;
}

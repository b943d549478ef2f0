// The lägesbild's notes beside its numbers, shared by the document, the brief and the slides: how much of the period
// the data covers, and the hot spots left out of the table.
import type { TFunction } from 'i18next';
import { isoDateOfEpochDay } from '../../lib/epoch-day';
import { formatCount, type Language } from '../../lib/format';
import { hotSpotWeeks, type LagesbildReport } from './lagesbild.model';

/**
 * The data covers only part of the period (report.coverage): said in the document's and the brief's heading, so that
 * what is printed, saved as HTML or shown on a slide says it too (the page's own note stays with the page).
 */
export function CoverageNote({ report, t }: { report: LagesbildReport; t: TFunction }) {
  const c = report.coverage;
  if (!c) return null;
  return <p className="lb-coverage" data-testid="lb-coverage">{t('lagesbild.partialData', { covered: c.covered, days: c.days, first: isoDateOfEpochDay(c.first), last: isoDateOfEpochDay(c.last) })}</p>;
}

/**
 * The hot cells left out of the table (hotSpotSummary): with no incident of their own in the latest step, or in public
 * view with a hidden count — not rows, but said, under the table (not inside its scroll box, where a tester missed it).
 */
export function SurroundingsOnlyNote({ report, t, language }: { report: LagesbildReport; t: TFunction; language: Language }) {
  const n = report.hotSpots.surroundingsOnly ?? 0;
  const spots = report.hotSpots.surroundingSpots ?? n;
  const hidden = report.hotSpots.hiddenSpots;
  const period = hotSpotWeeks(report, language);
  return (
    <>
      {/* Both views count hot spots and their cells alike (a tester compared "1 ruta" with "en … hot spot"). */}
      {n > 0 && <p className="hint" data-testid="lb-hot-spots-surroundings-only">{t('lagesbild.surroundingsOnly', { count: spots, formatted: formatCount(spots, language), cells: t('lagesbild.cellCount', { count: n, formatted: formatCount(n, language) }), period })}</p>}
      {report.rule && hidden && hidden.spots > 0 && (
        <p className="hint" data-testid="lb-hot-spots-hidden">{t('lagesbild.hiddenSpots', { count: hidden.spots, formatted: formatCount(hidden.spots, language), cells: t('lagesbild.cellCount', { count: hidden.cells, formatted: formatCount(hidden.cells, language) }), k: report.rule.k, period })}</p>
      )}
    </>
  );
}

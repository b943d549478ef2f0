// The lägesbild's hot-spot table: the named new, persistent and fading hot spots of the period, lettered as on its
// map, the recurring ones summed in one line, and why there is none when the analysis could not run.
import type { TFunction } from 'i18next';
import { formatShownCount } from '../../lib/disclosure/format-count';
import type { EmergingPattern } from '../../lib/statistics/emerging-hot-spots';
import { formatCount, type Language } from '../../lib/format';
import { hotSpotWeeks, type LagesbildReport } from './lagesbild.model';
import { MIN_HOT_SPOT_STEPS, type HotSpotGroup } from './lagesbild-hot-spots.model';
import { GroupSwatch } from './report-map.view';
import { markerLetter as markerFor } from './report-map.model';

/** Hot spots named in the table and lettered on the map; the rest are in the CSV (and on the Karta page). */
export const HOT_SPOT_ROWS = 12;

/** `standalone`: the self-contained HTML file, whose reader has neither the app nor its CSV: nothing points to them. */
export function HotSpotTable({ report, t, language, standalone = false }: { report: LagesbildReport; t: TFunction; language: Language; standalone?: boolean }) {
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={t('lagesbild.hotSpotTable', { period: hotSpotWeeks(report, language) })}>
      <table className="data-table" data-testid="lb-hot-spots">
        <caption>{t('lagesbild.hotSpotCaption', { period: hotSpotWeeks(report, language) })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('lagesbild.marker')}</th>
            <th scope="col">{t('lagesbild.place')}</th>
            <th scope="col">{t('lagesbild.pattern')}</th>
            <th scope="col" className="numeric">{t('lagesbild.cells')}</th>
            <th scope="col" className="numeric">{t('lagesbild.incidents')}</th>
          </tr>
        </thead>
        <tbody>
          {report.hotSpots.rows.slice(0, HOT_SPOT_ROWS).map((r, i) => (
            <tr key={`${r.group}-${r.name}`}>
              <td><GroupSwatch group={r.group} /> {markerFor(i)}</td>
              <th scope="row">{r.name}</th>
              <td>{t(`lagesbild.group.${r.group}`)}{patternNote(r.group, r.patterns, t)}</td>
              <td className="numeric" data-not-count="">{formatCount(r.cells, language)}</td>
              <td className="numeric">{formatShownCount(r.current, report.rule, language)}</td>
            </tr>
          ))}
          {report.hotSpots.rows.length > HOT_SPOT_ROWS && (
            <tr>
              <td />
              <th scope="row" colSpan={4}>{t(standalone ? 'lagesbild.moreHotSpotsStandalone' : 'lagesbild.moreHotSpots', { count: report.hotSpots.rows.length - HOT_SPOT_ROWS })}</th>
            </tr>
          )}
          {report.hotSpots.recurring.cells > 0 && (
            <tr>
              <td><GroupSwatch group="other" /></td>
              <th scope="row">{t('lagesbild.recurringShort')}</th>
              <td>{t('lagesbild.group.other')}</td>
              <td className="numeric" data-not-count="">{formatCount(report.hotSpots.recurring.cells, language)}</td>
              <td className="numeric">{formatShownCount(report.hotSpots.recurring.current, report.rule, language)}</td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}

/** Why there is no hot-spot analysis (status other than 'ok'), in the reader's words. */
export function hotSpotStatusText(report: LagesbildReport, t: TFunction): string {
  const status = report.hotSpots.status;
  return t(status === 'too-few' ? 'lagesbild.hotSpotsTooFew' : status === 'too-short' ? 'lagesbild.hotSpotsTooShort' : status === 'after-data' ? 'lagesbild.hotSpotsAfterData' : 'lagesbild.hotSpotsNoPositions', { count: MIN_HOT_SPOT_STEPS });
}

/** The ArcGIS patterns behind a group, when they say more than the group's name ("Ny (sammanhängande)"). */
function patternNote(group: HotSpotGroup, patterns: EmergingPattern[], t: TFunction): string {
  const own: Record<HotSpotGroup, EmergingPattern | null> = { new: 'new', persistent: 'persistent', fading: 'historical', other: null };
  const extra = patterns.filter((p) => p !== own[group]);
  return extra.length ? ` (${extra.map((p) => t(`map.pattern.${p}`).toLowerCase()).join(', ')})` : '';
}

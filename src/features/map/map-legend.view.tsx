// What the colours mean, in words (never colour alone).
import { useTranslation } from 'react-i18next';
import { BIN_COLOURS, COUNT_COLOURS, PATTERN_COLOURS, countClasses } from './map.model';
import { formatCount, formatDecimal } from '../../lib/format';
import { useLanguage } from '../../lib/i18n/i18n';
import type { LayerKind } from './map-layers.model';
import type { EmergingPattern } from '../../lib/statistics/emerging-hot-spots';

const BINS = [3, 2, 1, 0, -1, -2, -3] as const;
const PATTERNS = Object.keys(PATTERN_COLOURS) as EmergingPattern[];

/**
 * `counts`: for the count layers (Rutor, Områden), the colour classes' breaks (countBreaks over the values drawn, as
 * published) and whether they are whole counts or rates per 1 000 inhabitants — the legend then gives each colour's
 * range in numbers, and grey for an area whose value is not shown.
 */
export function MapLegend({ kind, counts }: { kind: LayerKind; counts?: { breaks: number[]; integers: boolean; unit: string; grey?: boolean } }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const classes = counts ? countClasses(counts.breaks, counts.integers, (v) => (counts.integers ? formatCount(v, language) : formatDecimal(v, 1, language))) : [];
  const items: [string, string][] =
    kind === 'hotspots' ? BINS.map((b) => [BIN_COLOURS[b], t(`map.bin.${b}`)])
      : kind === 'emerging' ? [...PATTERNS.map((p) => [PATTERN_COLOURS[p], t(`map.pattern.${p}`)] as [string, string]), ['#4575b5', t('map.pattern.cold')]]
        : kind === 'points' ? [['#1d3557', t('map.legend.cluster')]]
          : kind === 'heat' ? [['#feb24c', t('map.legend.lowDensity')], ['#bd0026', t('map.legend.highDensity')]]
            : classes.length > 0 ? [...classes, ...(counts?.grey ? [['#e0e0e0', t('map.legend.noValue')] as [string, string]] : [])]
              : [[COUNT_COLOURS[0], t('map.legend.few')], [COUNT_COLOURS[3], ''], [COUNT_COLOURS[6], t('map.legend.many')]];
  return (
    <ul className="map-legend" aria-label={t('map.legend.title')} data-testid="map-legend">
      {classes.length > 0 && counts && <li className="map-legend-unit">{counts.unit}</li>}
      {items.map(([colour, text], i) => (
        <li key={i}><span className="swatch" style={{ background: colour }} aria-hidden="true" />{text}</li>
      ))}
    </ul>
  );
}

// What the colours mean, in words (never colour alone).
import { useTranslation } from 'react-i18next';
import { BIN_COLOURS, COUNT_COLOURS, PATTERN_COLOURS } from './map.model';
import type { LayerKind } from './map-layers.model';
import type { EmergingPattern } from '../../lib/statistics/emerging-hot-spots';

const BINS = [3, 2, 1, 0, -1, -2, -3] as const;
const PATTERNS = Object.keys(PATTERN_COLOURS) as EmergingPattern[];

export function MapLegend({ kind }: { kind: LayerKind }) {
  const { t } = useTranslation();
  const items: [string, string][] =
    kind === 'hotspots' ? BINS.map((b) => [BIN_COLOURS[b], t(`map.bin.${b}`)])
      : kind === 'emerging' ? [...PATTERNS.map((p) => [PATTERN_COLOURS[p], t(`map.pattern.${p}`)] as [string, string]), ['#4575b5', t('map.pattern.cold')]]
        : kind === 'points' ? [['#1d3557', t('map.legend.cluster')]]
          : kind === 'heat' ? [['#feb24c', t('map.legend.lowDensity')], ['#bd0026', t('map.legend.highDensity')]]
            : [[COUNT_COLOURS[0], t('map.legend.few')], [COUNT_COLOURS[3], ''], [COUNT_COLOURS[6], t('map.legend.many')]];
  return (
    <ul className="map-legend" aria-label={t('map.legend.title')}>
      {items.map(([colour, text], i) => (
        <li key={i}><span className="swatch" style={{ background: colour }} aria-hidden="true" />{text}</li>
      ))}
    </ul>
  );
}

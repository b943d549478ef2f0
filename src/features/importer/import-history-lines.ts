// An import's stored settings and mapping as the history shows them: plain text lines, labelled as on the import
// form (never HTML: names come from the file).
import { crsLabel, delimiterLabel, encodingLabel, quoteLabel } from './import-labels';

/** The mapping as plain text lines (never HTML: names come from the file). */
export function mappingLines(json: string | null, t: (key: string, o?: Record<string, unknown>) => string): string[] {
  if (!json) return [];
  let m: Record<string, unknown>;
  try { m = JSON.parse(json) as Record<string, unknown>; } catch { return [json]; }
  if (!m || typeof m !== 'object') return [];
  if (m.format === 'polisen-events') {
    const types = (m.excludedTypes as string[] | undefined) ?? [];
    const places = (m.excludedLocations as string[] | undefined) ?? [];
    return [t('importer.historyLeftOutTypes', { list: types.join(', ') || '–' }), t('importer.historyLeftOutPlaces', { list: places.join(', ') || '–' })];
  }
  // Labelled as on the import form, never the stored keys (occurred_at, nameKey, crs …).
  const lines: string[] = [];
  const mapping = m.mapping as Record<string, unknown> | undefined;
  if (mapping) lines.push(Object.entries(mapping).filter(([, v]) => typeof v === 'string' && v).map(([k, v]) => `${t(`importer.fields.${k}`, { defaultValue: k })} ← ${String(v)}`).join(', '));
  if (typeof m.nameKey === 'string' || 'kindKey' in m) {
    const area: string[] = [];
    if (typeof m.nameKey === 'string') area.push(`${t('importer.areaName')} ← ${m.nameKey}`);
    if (typeof m.kindKey === 'string') area.push(`${t('importer.areaKind')} ← ${m.kindKey}`);
    else if (typeof m.fixedKind === 'string' && m.fixedKind) area.push(`${t('importer.areaKind')}: ${m.fixedKind}`);
    if (typeof m.populationKey === 'string') area.push(`${t('importer.areaPopulation')} ← ${m.populationKey}`);
    if (typeof m.crs === 'string') area.push(`${t('importer.coordinates')}: ${crsLabel(m.crs)}`);
    lines.push(area.join(', '));
    return lines;
  }
  const settings: string[] = [];
  if (typeof m.encoding === 'string') settings.push(`${t('importer.encoding')}: ${encodingLabel(m.encoding, t)}`);
  if (typeof m.delimiter === 'string') settings.push(`${t('importer.delimiter')}: ${delimiterLabel(m.delimiter, t)}`);
  if (typeof m.quote === 'string') settings.push(`${t('importer.quote')}: ${quoteLabel(m.quote, t)}`);
  if (typeof m.header === 'boolean') settings.push(t(m.header ? 'importer.historyHeader' : 'importer.historyNoHeader'));
  if (typeof m.skipLines === 'number' && m.skipLines > 0) settings.push(t('importer.historySkipped', { count: m.skipLines }));
  if (typeof m.decimal === 'string') settings.push(`${t('importer.decimal')}: ${m.decimal === ',' ? t('importer.decimalComma') : t('importer.decimalPoint')}`);
  const coords = m.coordinates as { crs?: string; order?: string } | null | undefined;
  if (coords?.crs) settings.push(`${t('importer.coordinates')}: ${crsLabel(coords.crs)}`);
  if (settings.length) lines.push(settings.join(', '));
  return lines;
}

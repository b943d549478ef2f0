// Public view leaves a hidden count out of a chart: no bar, or a shorter stack. Unmarked, that read as 0 or as a fall
// (helper-66: a hidden week among real zero weeks, a stacked bar at 180 of 285 where two parts were hidden). Each run
// of buckets with a hidden value gets a pale band behind it, labelled "<5" or "dold" (both when both), as an ECharts
// markArea (https://echarts.apache.org/en/option.html#series-bar.markArea) on the chart's first series.
import { isProtected, type PublishedCount } from './disclosure/publish';

export type HiddenKind = 'small' | 'protected' | 'both';

/** A band is labelled when it spans at least 1/LABELLED_SHARE of the chart's buckets (every band of a short chart). */
const LABELLED_SHARE = 25;

/** Per bucket, whether any of its drawn values is hidden: below k ("small"), to protect another ("protected"), or both. */
export function hiddenKinds(columns: readonly (readonly (PublishedCount | undefined)[])[], buckets: number): (HiddenKind | null)[] {
  return Array.from({ length: buckets }, (_, i) => {
    const small = columns.some((c) => c[i] === null);
    const protect = columns.some((c) => isProtected(c[i]));
    return small && protect ? 'both' : small ? 'small' : protect ? 'protected' : null;
  });
}

/**
 * Runs of equal hidden kinds as a markArea (category axis: bucket indices); undefined when nothing is hidden.
 * `text`: the label of each kind ("<5", "dold", "<5 / dold").
 */
export function hiddenBands(kinds: readonly (HiddenKind | null)[], text: Record<HiddenKind, string>, categories?: readonly string[]): Record<string, unknown> | undefined {
  // By the category's own name where the axis has one (ECharts resolves a name on a category axis exactly).
  const at = (i: number) => categories?.[i] ?? i;
  const data: [Record<string, unknown>, Record<string, unknown>][] = [];
  const minLabelled = Math.max(1, Math.ceil(kinds.length / LABELLED_SHARE));
  for (let i = 0; i < kinds.length; i++) {
    const kind = kinds[i];
    if (!kind) continue;
    let end = i;
    while (end + 1 < kinds.length && kinds[end + 1] === kind) end++;
    // A label on every narrow band of a long chart ran together (helper-67); the tooltip and the table say each week.
    const labelled = end - i + 1 >= minLabelled;
    data.push([{ xAxis: at(i), name: text[kind], ...(labelled ? {} : { label: { show: false } }) }, { xAxis: at(end) }]);
    i = end;
  }
  if (!data.length) return undefined;
  // Mid-height: the calendar's day names sit at the top (helper-67: they ran into the band labels).
  return { silent: true, itemStyle: { color: 'rgba(108,117,125,0.16)' }, label: { position: 'inside', fontSize: 10, color: '#4a5563' }, data };
}

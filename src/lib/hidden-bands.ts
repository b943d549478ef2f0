// Public view leaves a hidden count out of a chart: no bar, or a shorter stack. Unmarked, that read as 0 or as a fall
// (helper-66: a hidden week among real zero weeks, a stacked bar at 180 of 285 where two parts were hidden). Each run
// of buckets with a hidden value gets a pale band behind it, labelled "<5" or "dold" (both when both), as an ECharts
// markArea (https://echarts.apache.org/en/option.html#series-bar.markArea) on the chart's first series.
import { isProtected, type PublishedCount } from './disclosure/publish';

export type HiddenKind = 'small' | 'protected' | 'both';

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
export function hiddenBands(kinds: readonly (HiddenKind | null)[], text: Record<HiddenKind, string>): Record<string, unknown> | undefined {
  const data: [Record<string, unknown>, Record<string, unknown>][] = [];
  for (let i = 0; i < kinds.length; i++) {
    const kind = kinds[i];
    if (!kind) continue;
    let end = i;
    while (end + 1 < kinds.length && kinds[end + 1] === kind) end++;
    data.push([{ xAxis: i, name: text[kind] }, { xAxis: end }]);
    i = end;
  }
  if (!data.length) return undefined;
  return { silent: true, itemStyle: { color: 'rgba(108,117,125,0.13)' }, label: { position: 'insideTop', fontSize: 10, color: '#4a5563' }, data };
}

// Public view leaves a hidden count out of a chart: no bar, or a shorter stack. Unmarked, that read as 0 or as a fall
// (helper-66: a hidden week among real zero weeks, a stacked bar at 180 of 285 where two parts were hidden). Each
// bucket with a hidden value gets a pale bar of its own behind the data, as tall as the chart's tallest shown bar, and
// a run of them wide enough carries the label "<5" or "dold" (both when both). A bar series on the same category axis
// (barGap −100 %: drawn in the data's place), not an ECharts markArea: in the app's charts (brush, many categories)
// markArea's bands were drawn over the wrong weeks (helper-67), while its option named the right ones.
import { isProtected, type PublishedCount } from './disclosure/publish';

export type HiddenKind = 'small' | 'protected' | 'both';

/** A run is labelled when it spans at least 1/LABELLED_SHARE of the chart's buckets (every run of a short chart). */
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
 * The pale bars behind hidden buckets as an ECharts bar series named `name` (the legend's word), `height` tall (the
 * tallest shown bar, at least 1); undefined when nothing is hidden. `text`: the label of each kind ("<5", "dold", "<5 / dold"),
 * drawn on the middle bar of each run of at least 1/LABELLED_SHARE of the buckets.
 */
export function hiddenBarSeries(kinds: readonly (HiddenKind | null)[], text: Record<HiddenKind, string>, height: number, name: string): Record<string, unknown> | undefined {
  if (!kinds.some((k) => k !== null)) return undefined;
  const minLabelled = Math.max(1, Math.ceil(kinds.length / LABELLED_SHARE));
  const labelAt = new Map<number, string>();
  for (let i = 0; i < kinds.length; i++) {
    const kind = kinds[i];
    if (!kind) continue;
    let end = i;
    while (end + 1 < kinds.length && kinds[end + 1] === kind) end++;
    if (end - i + 1 >= minLabelled) labelAt.set(Math.floor((i + end) / 2), text[kind]);
    i = end;
  }
  const h = Math.max(1, height);
  return {
    type: 'bar', name, silent: true, barGap: '-100%', z: 1, itemStyle: { color: 'rgba(108,117,125,0.18)' },
    // The tooltip reads the data series; this one has no value of its own to report.
    tooltip: { show: false },
    data: kinds.map((k, i) => (k === null ? null : { value: h, label: labelAt.has(i) ? { show: true, position: 'inside', formatter: labelAt.get(i), fontSize: 10, color: '#4a5563' } : { show: false } })),
  };
}

/** The labels of the three kinds from public view's two marks: "<5", "dold" and "<5 / dold". */
export function hiddenText(small: string, protectedText = small): Record<HiddenKind, string> {
  return { small, protected: protectedText, both: `${small} / ${protectedText}` };
}

/**
 * A chart's bar series with the hidden bars (if any) last: ECharts takes the category gap shared by all bars on an
 * axis from the last bar series, so `gap` goes there.
 */
export function withHiddenBars(bars: Record<string, unknown>[], hidden: Record<string, unknown> | undefined, gap: string): Record<string, unknown>[] {
  const all = hidden ? [...bars, hidden] : bars;
  return all.map(({ barCategoryGap: _gap, ...s }, i) => (i === all.length - 1 ? { ...s, barCategoryGap: gap } : s));
}

// Public view: hidden values in a chart are pale labelled bars, never a bare gap (helper-66), drawn by the same
// category axis as the data (helper-67: markArea bands landed on the wrong weeks).
import { describe, expect, it } from 'vitest';
import { PROTECTED, type PublishedCount } from '../../src/lib/disclosure/publish';
import { hiddenBarSeries, hiddenKinds } from '../../src/lib/hidden-bars';
import { weeklyChartOption, weeklySeries } from '../../src/features/overview/overview.model';
import { trendChartOption, trendSeries } from '../../src/features/trends/trends.model';
import { publishTrend } from '../../src/features/trends/publish-trend';
import { epochDayOfIsoDate } from '../../src/lib/epoch-day';

const text = { small: '<5', protected: 'dold', both: '<5 / dold' };
type Bars = { name: string; barGap?: string; barCategoryGap?: string; data: ({ value: number; label: { show: boolean; formatter?: string } } | null)[] };
const labels = (bars: Bars) => bars.data.map((d) => (d === null ? '' : d.label.show ? d.label.formatter! : '·'));

describe('hidden bars', () => {
  it('one pale bar per bucket with a hidden value, as tall as the tallest shown, a label on each run', () => {
    const total: PublishedCount[] = [12, null, null, PROTECTED, 30, 0, null];
    const kinds = hiddenKinds([total], total.length);
    expect(kinds).toEqual([null, 'small', 'small', 'protected', null, null, 'small']);
    const bars = hiddenBarSeries(kinds, text, 30, 'Dolt antal') as Bars;
    expect(bars.data.map((d) => d?.value ?? null)).toEqual([null, 30, 30, 30, null, null, 30]);
    expect(labels(bars)).toEqual(['', '<5', '·', 'dold', '', '', '<5']); // the run's middle bar (rounded down)
    expect(bars.barGap).toBe('-100%'); // in the data's place, not beside it
    // A stacked bucket with one part hidden is marked though its total is shown; both kinds in one bucket say both.
    expect(hiddenKinds([[5, 7, 9], [null, 8, PROTECTED], [6, 6, null]], 3)).toEqual(['small', null, 'both']);
    expect(hiddenBarSeries(hiddenKinds([[1, 2, 0]], 3), text, 2, 'x')).toBeUndefined();
    // A long chart labels only its wide runs (150 weeks: 6 or more), so the labels do not run together.
    const long = Array.from({ length: 150 }, (_, i) => (i < 6 || i === 10 ? null : 7)) as PublishedCount[];
    const longLabels = labels(hiddenBarSeries(hiddenKinds([long], 150), text, 7, 'x') as Bars);
    expect(longLabels.flatMap((l, i) => (l && l !== '·' ? [`${i}:${l}`] : []))).toEqual(['2:<5']);
    expect(longLabels[10]).toBe('·');
  });

  it('Översikt\'s weekly chart and Trender\'s chart carry them in public view, as the last bar series', () => {
    const d = epochDayOfIsoDate;
    const extent = { from: d('2026-01-05'), to: d('2026-01-25') };
    const series = weeklySeries([], extent, 'sv').map((p, i) => ({ ...p, incidents: [40, null, PROTECTED][i] as PublishedCount }));
    const weekly = weeklyChartOption(series, 'sv', '<5', 'dold') as { series: Bars[] };
    expect(weekly.series).toHaveLength(2);
    expect(labels(weekly.series[1])).toEqual(['', '<5', 'dold']);
    expect(weekly.series[1].data[1]!.value).toBe(40);
    expect(weekly.series[1].barCategoryGap).toBe('10%');
    expect((weeklyChartOption(series.map((p) => ({ ...p, incidents: 9 })), 'sv', '<5', 'dold') as { series: Bars[] }).series).toHaveLength(1);
    const rows = [
      { epoch_day: d('2026-01-05'), series: 'Stöld', n: 40, key: 11 }, { epoch_day: d('2026-01-06'), series: 'Rån', n: 2, key: 5 },
      { epoch_day: d('2026-01-12'), series: 'Stöld', n: 30, key: 7 }, { epoch_day: d('2026-01-13'), series: 'Rån', n: 20, key: 9 },
    ];
    const published = publishTrend(trendSeries(rows, [], { from: d('2026-01-05'), to: d('2026-01-18') }, 'week', 2, 'sv'), { k: 5 }, 2);
    expect(published.series.get('Rån')![0]).toBeNull();
    expect(published.series.get('Stöld')![0]).toBe(PROTECTED);
    const option = (hidden?: string) => trendChartOption(published, { stacked: true, showLastYear: false, showRolling: false, showInterventions: false, calendar: [], labels: { total: 'Händelser', lastYear: 'Förra året', rolling: 'Glidande', interventions: 'Insatser', hiddenSeries: 'Dolt antal' }, hidden, protectedText: 'dold' }, 'sv') as { series: Bars[] };
    // Rån's 2 in the first week is hidden ("<5") with Stöld's 40 beside it ("dold", else 42 − 40 gave it), and a part
    // of the second week protects it too: both weeks have a pale bar, each saying what is hidden in it.
    const bars = option('<5').series;
    expect(bars.map((s) => s.name)).toEqual(['Stöld', 'Rån', 'Dolt antal']);
    expect(labels(bars[2])).toEqual(['<5 / dold', 'dold']);
    expect(bars.slice(0, 2).every((s) => s.barCategoryGap === undefined)).toBe(true);
    expect(option(undefined).series.map((s) => s.name)).toEqual(['Stöld', 'Rån']); // the analyst's view
  });
});

// Public view: hidden values in a chart are marked by labelled bands, never a bare gap (helper-66).
import { describe, expect, it } from 'vitest';
import { PROTECTED, type PublishedCount } from '../../src/lib/disclosure/publish';
import { hiddenBands, hiddenKinds } from '../../src/lib/hidden-bands';
import { weeklyChartOption, weeklySeries } from '../../src/features/overview/overview.model';
import { publishTrend, trendChartOption, trendSeries } from '../../src/features/trends/trends.model';
import { epochDayOfIsoDate } from '../../src/lib/epoch-day';

const text = { small: '<5', protected: 'dold', both: '<5 / dold' };

describe('hidden bands', () => {
  it('marks each run of buckets with a hidden value, of one kind, and nothing when all is shown', () => {
    const total: PublishedCount[] = [12, null, null, PROTECTED, 30, 0, null];
    const kinds = hiddenKinds([total], total.length);
    expect(kinds).toEqual([null, 'small', 'small', 'protected', null, null, 'small']);
    const bands = hiddenBands(kinds, text) as { data: [{ xAxis: number; name: string }, { xAxis: number }][] };
    expect(bands.data.map(([a, b]) => [a.xAxis, b.xAxis, a.name])).toEqual([[1, 2, '<5'], [3, 3, 'dold'], [6, 6, '<5']]);
    // A stacked bucket with one part hidden is marked though its total is shown; both kinds in one bucket say both.
    expect(hiddenKinds([[5, 7, 9], [null, 8, PROTECTED], [6, 6, null]], 3)).toEqual(['small', null, 'both']);
    expect(hiddenBands(hiddenKinds([[1, 2, 0]], 3), text)).toBeUndefined();
    // A long chart labels only its wide bands (150 weeks: runs of 6 or more), so the labels do not run together.
    const long = Array.from({ length: 150 }, (_, i) => (i < 6 || i === 10 ? null : 7)) as PublishedCount[];
    const longBands = hiddenBands(hiddenKinds([long], 150), text, long.map((_, i) => `v${i}`)) as { data: [{ xAxis: string; label?: { show: boolean } }, { xAxis: string }][] };
    expect(longBands.data.map(([a, b]) => [a.xAxis, b.xAxis, a.label?.show ?? true])).toEqual([['v0', 'v5', true], ['v10', 'v10', false]]);
  });

  it('Översikt\'s weekly chart and Trender\'s chart carry them in public view', () => {
    const d = epochDayOfIsoDate;
    const extent = { from: d('2026-01-05'), to: d('2026-01-25') };
    const series = weeklySeries([], extent, 'sv').map((p, i) => ({ ...p, incidents: [40, null, PROTECTED][i] as PublishedCount }));
    const weekly = weeklyChartOption(series, 'sv', '<5', 'dold') as { series: { markArea?: { data: unknown[] } }[] };
    expect(weekly.series[0].markArea!.data).toHaveLength(2);
    const rows = [
      { epoch_day: d('2026-01-05'), series: 'Stöld', n: 40, key: 11 }, { epoch_day: d('2026-01-06'), series: 'Rån', n: 2, key: 5 },
      { epoch_day: d('2026-01-12'), series: 'Stöld', n: 30, key: 7 }, { epoch_day: d('2026-01-13'), series: 'Rån', n: 20, key: 9 },
    ];
    const published = publishTrend(trendSeries(rows, [], { from: d('2026-01-05'), to: d('2026-01-18') }, 'week', 2, 'sv'), { k: 5 }, 2);
    const option = (hidden?: string) => trendChartOption(published, { stacked: true, showLastYear: false, showRolling: false, showInterventions: false, calendar: [], labels: { total: 'Händelser', lastYear: 'Förra året', rolling: 'Glidande', interventions: 'Insatser' }, hidden, protectedText: 'dold' }, 'sv') as { series: { markArea?: { data: [{ xAxis: number | string }, { xAxis: number | string }][] } }[] };
    // Rån's 2 in the first week is hidden ("<5") with Stöld's 40 beside it ("dold", else 42 − 40 gave it), and a part
    // of the second week protects it too: two bands, each saying what is hidden in it.
    expect(published.series.get('Rån')![0]).toBeNull();
    expect(published.series.get('Stöld')![0]).toBe(PROTECTED);
    // By the axis' own category names.
    const [w1, w2] = published.buckets.map((b) => b.label);
    expect(option('<5').series[0].markArea!.data.map(([a, b]) => [a.xAxis, b.xAxis, (a as { name?: string }).name])).toEqual([[w1, w1, '<5 / dold'], [w2, w2, 'dold']]);
    expect(option(undefined).series[0].markArea).toBeUndefined(); // the analyst's view
  });
});

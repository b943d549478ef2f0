// The lägesbild's summary in plain language, written from the (published) numbers by fixed templates — never
// guesswork: every sentence says a number, a comparison the change test (count-change.ts) marks as more than chance, or that
// there is nothing to say. Hidden counts are written "färre än 5", and no change is given for them.
import { formatPeriod } from '../../analysis/periods/report-periods';
import { formatCount, formatPercent, type Language } from '../../lib/format';
import { isPerDay, type CountChange } from '../../lib/statistics/count-change';
import { isProtected, shownNumber, type PublishedCount } from '../../lib/disclosure/publish';
import { MAX_NOISE } from '../../lib/disclosure/cell-key';
import { hotSpotWeeks, notableChanges, verdictCounts, type Figure, type LagesbildReport } from './lagesbild.model';
import { MIN_HOT_SPOT_STEPS, type HotSpotRow } from './lagesbild-hot-spots.model';
import type { SourceReport } from './source-reports.model';
import { isoDateOfEpochDay } from '../../lib/epoch-day';
import { sourceLabel } from '../../lib/source-label';
import { svReports } from '../../lib/i18n/sv-reports';
import { enReports } from '../../lib/i18n/en-reports';

/** Hot spots named in a sentence; more are "m.fl.". */
const NAMED = 4;

/** Words.places's `tiedAt` when the shared count is not shown. */
const SAME = 'same';

interface Words {
  count(n: PublishedCount, k: number | null, one: string, many: string): string;
  list(items: string[]): string;
  /** A list that names at most NAMED items. */
  some(items: string[]): string;
  total(period: string, n: string): string;
  versus(c: CountChange, label: string, previousText: string, which: 'previous' | 'lastYear'): string;
  noComparison: string;
  significance(previous: boolean | null, lastYear: boolean | null): string;
  /** `more`: how many further categories changed as clearly (counted, not named). */
  changes(items: string[], more: number): string;
  noChanges: string;
  /** As noChanges, after categoryBoundaries has named some: "no other category". */
  noOtherChanges: string;
  /** Categories that begin or end in the data within the compared span (LagesbildReport.categoryBoundaries): not judged. */
  categoryBoundaries(names: string[]): string;
  /** Public view: some category's change can't be judged (a count is hidden), so "nothing changed" would claim too much. */
  changesWithheld: string;
  /** `perDay`: the periods differ in length, so `pct` is the change per day (count-change.ts isPerDay). */
  /** `pct` null: from 0 there is no percentage (it read "ökade från 0 till 36 (– per dag)", a tester). */
  categoryChange(name: string, from: string, to: string, pct: string | null, up: boolean, perDay: boolean): string;
  /** The categories sharing the largest count (several when tied: naming one said it was larger than the others). */
  largest(names: string[], n: string): string;
  /**
   * The top places; `tiedAt`: the count several more places share at the list's cut-off (they are not named), or
   * 'same' when that count is not shown (public view at k or more: "flera platser med lika många").
   */
  places(items: string[], tiedAt: string | null): string;
  /**
   * `weeks`: the analysis's latest two-week period, which the hot spots are judged at (hotSpotWeeks). `hidden`: public
   * view left out new or persistent hot spots whose count is hidden (HotSpotSummary.hiddenSpots) — the named ones are
   * then those with at least k incidents, and the text says so and how many more there are. `noOwn` (analyst view):
   * hot spots left out for having no incident of their own (HotSpotSummary.surroundingSpots), said so that the map's
   * pale cells are not unexplained beside "inga nya hot spots" (a tester).
   */
  hotSpots(newOnes: string[], persistent: string[], fading: string[], weeks: string, hidden: { spots: number; k: number } | null, noOwn: number): string;
  tooFewForHotSpots: string;
  /** The hot-spot panel's own reasons, so the text and the panel never disagree. */
  tooShortForHotSpots: (periods: number) => string;
  noPositionsForHotSpots: string;
  afterDataForHotSpots: string;
  /** The previous period has no day of data (the first period of the data): nothing was compared. */
  noPreviousComparison: string;
  interventions(n: string, top: string | null): string;
  noInterventions: string;
  /** Public view, the period's interventions fewer than k — possibly none, so nothing is said to have been carried out. */
  fewInterventions(k: number): string;
  /** Public view: the shown counts carry the cell key method's noise (at most ±max), so the text's numbers are approximate. */
  noisy(max: number): string;
  /** The report period's last `days` days with data come after the analysis's last whole two-week step `weeks`. */
  daysAfterSteps(days: number, weeks: string): string;
  /** `asOf`: the date the verdicts are of when it is not the period's last day (public view: the data's last day). */
  goals(parts: string[], asOf: string | null): string;
  verdict: Record<'met' | 'on_track' | 'at_risk' | 'behind' | 'withheld', (n: number) => string>;
  incident: [string, string];
  intervention: [string, string];
  /** Sources that went quiet: "X (senast 2026-10-30)" items; the sentence says a drop may be theirs, not fewer crimes. */
  quietSources(silent: string[], low: string[]): string;
  busySources(high: string[]): string;
  /** Public view: sources whose reports are hidden (fewer than k), so whether they reported as usual is not said. */
  withheldSources(names: string[], k: number | null): string;
}

const sv: Words = {
  count: (n, k, one, many) => (isProtected(n) ? `ett dolt antal ${many} (dolt för att skydda ett litet antal)` : typeof n !== 'number' ? `färre än ${k} ${many}` : `${formatCount(n, 'sv')} ${n === 1 ? one : many}`),
  list: (items) => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} och ${items[items.length - 1]}`),
  some: (items) => (items.length > NAMED ? `${items.slice(0, NAMED).join(', ')} m.fl.` : sv.list(items)),
  total: (period, n) => `Under ${period} registrerades ${n}`,
  versus: (c, label, previousText, which) => {
    const place = which === 'previous' ? 'föregående period' : 'samma period förra året';
    if (c.change === null) return `mot ${previousText} ${place} (${label})`;
    if (Math.abs(c.change) < 0.005) return `lika många${isPerDay(c) ? ' per dag' : ''} som ${place} (${label}: ${previousText})`;
    return `${formatPercent(Math.abs(c.change), 'sv').replace('+', '')} ${c.change > 0 ? 'fler' : 'färre'}${isPerDay(c) ? ' per dag' : ''} än ${place} (${label}: ${previousText})`;
  },
  noComparison: 'Jämförelser med små antal visas inte.',
  significance: (p, y) => {
    const sure = [p && 'föregående period', y && 'förra året'].filter(Boolean) as string[];
    const chance = [p === false && 'föregående period', y === false && 'förra året'].filter(Boolean) as string[];
    const out: string[] = [];
    if (sure.length) out.push(`Skillnaden mot ${sv.list(sure)} är större än slumpen kan förklara (95 %, exakt test för två antal).`);
    if (chance.length) out.push(`Skillnaden mot ${sv.list(chance)} ryms inom vad slumpen kan ge.`);
    return out.join(' ');
  },
  changes: (items, more) => `Tydliga förändringar mot föregående period: ${items.join('; ')}${more > 0 ? ` – och ${more} till (se tabellen)` : ''}.`,
  noChanges: 'Ingen kategori förändrades mer än slumpen kan förklara jämfört med föregående period.',
  noOtherChanges: 'Ingen annan kategori förändrades mer än slumpen kan förklara jämfört med föregående period.',
  categoryBoundaries: (names) => `${sv.list(names)} börjar eller slutar i datan under perioderna – troligen ett nytt namn i exporten, så ${names.length === 1 ? 'dess' : 'deras'} förändring räknas inte här (se kategoritabellen).`,
  changesWithheld: 'Om övriga kategorier förändrades mer än slumpen kan förklara sägs inte här: några av deras antal är dolda i publik visning.',
  categoryChange: (name, from, to, pct, up, perDay) => `${name} ${up ? 'ökade' : 'minskade'} från ${from} till ${to}${pct === null ? '' : ` (${pct}${perDay ? ' per dag' : ''})`}`,
  largest: (names, n) => (names.length === 1 ? `Vanligast var ${names[0]} (${n}).` : `Vanligast var ${sv.list(names)} (${n} vardera).`),
  places: (items, tiedAt) => `Flest händelser registrerades vid ${sv.list(tiedAt === null ? items : [...items, tiedAt === SAME ? 'flera platser med lika många' : `flera platser med ${tiedAt} vardera`])}.`,
  hotSpots: (newOnes, persistent, fading, weeks, hidden, noOwn) => {
    const parts: string[] = [];
    parts.push(newOnes.length ? `${newOnes.length === 1 ? 'en ny hot spot' : `${newOnes.length} nya hot spots`} (${sv.some(newOnes)})` : 'inga nya hot spots');
    parts.push(persistent.length ? `${persistent.length === 1 ? 'en bestående' : `${persistent.length} bestående`} (${sv.some(persistent)})` : 'inga bestående');
    const fadingText = fading.length ? ` ${fading.length === 1 ? 'En tidigare hot spot har' : `${fading.length} tidigare hot spots har`} upphört (${sv.some(fading)}).` : '';
    const among = hidden ? `, bland hot spots med minst ${hidden.k} egna händelser,` : '';
    const hiddenText = hidden ? ` Ytterligare ${hidden.spots === 1 ? 'en ny eller bestående hot spot har' : `${hidden.spots} nya eller bestående hot spots har`} färre än ${hidden.k} egna händelser (eller inga) och namnges inte i publik visning.` : '';
    const noOwnText = noOwn > 0 ? ` Därtill ${noOwn === 1 ? 'en ny eller bestående hot spot' : `${noOwn} nya eller bestående hot spots`} utan egna händelser de veckorna, ${noOwn === 1 ? 'signifikant' : 'signifikanta'} för att rutorna runt har många; ${noOwn === 1 ? 'den listas' : 'de listas'} inte.` : '';
    return `Hot spot-analysen (Gi*, tvåveckorsperioder t.o.m. ${weeks}) visar${among} ${sv.list(parts)}.${hiddenText}${noOwnText}${fadingText}`;
  },
  tooFewForHotSpots: 'För få händelser med position för en hot spot-analys.',
  tooShortForHotSpots: (periods) => `Ingen hot spot-analys: den behöver minst ${periods} tvåveckorsperioder med data, och datan börjar senare.`,
  noPositionsForHotSpots: 'Händelserna saknar position, så ingen hot spot-analys görs.',
  afterDataForHotSpots: 'Ingen hot spot-analys: perioden börjar efter datans sista dag.',
  noPreviousComparison: 'Ingen jämförelse med föregående period: datan täcker den inte.',
  interventions: (n, top) => `Under perioden genomfördes ${n}${top ? `, flest av typen ${top}` : ''}.`,
  noInterventions: 'Inga insatser registrerades under perioden.',
  fewInterventions: (k) => `Insatser under perioden: färre än ${k}, kanske inga.`,
  noisy: (max) => `Antalen i publik visning har ett litet brus (högst ±${max}), så antal och procent här är ungefärliga.`,
  daysAfterSteps: (days, weeks) => `Periodens ${days === 1 ? 'sista dag' : `sista ${days} dagar`} efter ${weeks} ingår inte i hot spot-analysen, som räknar hela tvåveckorsperioder.`,
  goals: (parts, asOf) => `Medborgarlöftena${asOf ? ` per ${asOf}` : ''}: ${sv.list(parts)}.`,
  verdict: {
    met: (n) => (n === 1 ? '1 uppnått' : `${n} uppnådda`), on_track: (n) => `${n} i fas`, at_risk: (n) => `${n} med risk`, behind: (n) => `${n} efter`,
    withheld: (n) => `${n} utan bedömning i publik visning (den skulle avslöja ett litet antal)`,
  },
  incident: ['händelse', 'händelser'],
  intervention: ['insats', 'insatser'],
  quietSources: (silent, low) => {
    const parts = [silent.length ? `${sv.list(silent)} rapporterade ingenting under perioden` : '', low.length ? `${sv.list(low)} rapporterade tydligt mindre än vanligt` : ''].filter(Boolean);
    return `Obs: ${sv.list(parts)} – färre händelser kan bero på det, inte på färre brott.`;
  },
  busySources: (high) => `Obs: ${sv.list(high)} rapporterade tydligt mer än vanligt – fler händelser kan bero på det, inte på fler brott.`,
  withheldSources: (names, k) => `Antalet rapporter från ${sv.list(names)} visas inte${k ? ` (färre än ${k})` : ''}, så här sägs inte om ${names.length === 1 ? 'källan' : 'källorna'} rapporterade som vanligt.`,
};

const en: Words = {
  count: (n, k, one, many) => (isProtected(n) ? `a hidden number of ${many} (hidden to protect a small count)` : typeof n !== 'number' ? `fewer than ${k} ${many}` : `${formatCount(n, 'en')} ${n === 1 ? one : many}`),
  list: (items) => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`),
  some: (items) => (items.length > NAMED ? `${items.slice(0, NAMED).join(', ')} and others` : en.list(items)),
  total: (period, n) => `In ${period}, ${n} were recorded`,
  versus: (c, label, previousText, which) => {
    const place = which === 'previous' ? 'the previous period' : 'the same period last year';
    if (c.change === null) return `against ${previousText} in ${place} (${label})`;
    if (Math.abs(c.change) < 0.005) return `as many${isPerDay(c) ? ' per day' : ''} as in ${place} (${label}: ${previousText})`;
    return `${formatPercent(Math.abs(c.change), 'en').replace('+', '')} ${c.change > 0 ? 'more' : 'fewer'}${isPerDay(c) ? ' per day' : ''} than ${place} (${label}: ${previousText})`;
  },
  noComparison: 'Comparisons of small counts are not shown.',
  significance: (p, y) => {
    const sure = [p && 'the previous period', y && 'last year'].filter(Boolean) as string[];
    const chance = [p === false && 'the previous period', y === false && 'last year'].filter(Boolean) as string[];
    const out: string[] = [];
    if (sure.length) out.push(`The difference from ${en.list(sure)} is larger than chance can explain (95 %, exact test for two counts).`);
    if (chance.length) out.push(`The difference from ${en.list(chance)} is within what chance can give.`);
    return out.join(' ');
  },
  changes: (items, more) => `Clear changes against the previous period: ${items.join('; ')}${more > 0 ? ` – and ${more} more (see the table)` : ''}.`,
  noChanges: 'No category changed more than chance can explain compared with the previous period.',
  noOtherChanges: 'No other category changed more than chance can explain compared with the previous period.',
  categoryBoundaries: (names) => `${en.list(names)} ${names.length === 1 ? 'begins or ends' : 'begin or end'} in the data within the periods – likely a new name in the export, so ${names.length === 1 ? 'its' : 'their'} change is not counted here (see the category table).`,
  changesWithheld: 'Whether the other categories changed more than chance can explain is not stated here: some of their counts are hidden in public view.',
  categoryChange: (name, from, to, pct, up, perDay) => `${name} ${up ? 'rose' : 'fell'} from ${from} to ${to}${pct === null ? '' : ` (${pct}${perDay ? ' per day' : ''})`}`,
  largest: (names, n) => (names.length === 1 ? `The most common was ${names[0]} (${n}).` : `The most common were ${en.list(names)} (${n} each).`),
  places: (items, tiedAt) => `Most incidents were recorded at ${en.list(tiedAt === null ? items : [...items, tiedAt === SAME ? 'several places with as many' : `several places with ${tiedAt} each`])}.`,
  hotSpots: (newOnes, persistent, fading, weeks, hidden, noOwn) => {
    const parts: string[] = [];
    parts.push(newOnes.length ? `${newOnes.length === 1 ? 'one new hot spot' : `${newOnes.length} new hot spots`} (${en.some(newOnes)})` : 'no new hot spots');
    parts.push(persistent.length ? `${persistent.length} persistent (${en.some(persistent)})` : 'no persistent ones');
    const fadingText = fading.length ? ` ${fading.length === 1 ? 'One former hot spot has' : `${fading.length} former hot spots have`} faded (${en.some(fading)}).` : '';
    const among = hidden ? `, among hot spots with at least ${hidden.k} incidents of their own,` : '';
    const hiddenText = hidden ? ` ${hidden.spots === 1 ? 'One more new or persistent hot spot has' : `${hidden.spots} more new or persistent hot spots have`} fewer than ${hidden.k} incidents of their own (or none) and ${hidden.spots === 1 ? 'is' : 'are'} not named in public view.` : '';
    const noOwnText = noOwn > 0 ? ` Also ${noOwn === 1 ? 'one new or persistent hot spot' : `${noOwn} new or persistent hot spots`} with no incidents of ${noOwn === 1 ? 'its' : 'their'} own in those weeks, significant because the cells around have many; not listed.` : '';
    return `The hot-spot analysis (Gi*, two-week periods up to ${weeks}) shows${among} ${en.list(parts)}.${hiddenText}${noOwnText}${fadingText}`;
  },
  tooFewForHotSpots: 'Too few located incidents for a hot-spot analysis.',
  tooShortForHotSpots: (periods) => `No hot-spot analysis: it needs at least ${periods} two-week periods of data, and the data begins later.`,
  noPositionsForHotSpots: 'The incidents have no positions, so no hot-spot analysis is made.',
  afterDataForHotSpots: 'No hot-spot analysis: the period begins after the data’s last day.',
  noPreviousComparison: 'No comparison with the previous period: the data does not cover it.',
  interventions: (n, top) => `${n[0].toUpperCase()}${n.slice(1)} were carried out in the period${top ? `, most of them ${top}` : ''}.`,
  noInterventions: 'No interventions were recorded in the period.',
  fewInterventions: (k) => `Interventions in the period: fewer than ${k}, possibly none.`,
  noisy: (max) => `Counts in public view carry a small noise (at most ±${max}), so the counts and percentages here are approximate.`,
  daysAfterSteps: (days, weeks) => `The period's ${days === 1 ? 'last day' : `last ${days} days`} after ${weeks} are not in the hot-spot analysis, which counts whole two-week periods.`,
  goals: (parts, asOf) => `Citizen promises${asOf ? ` as of ${asOf}` : ''}: ${en.list(parts)}.`,
  verdict: {
    met: (n) => `${n} met`, on_track: (n) => `${n} on track`, at_risk: (n) => `${n} at risk`, behind: (n) => `${n} behind`,
    withheld: (n) => `${n} without a verdict in public view (it would give a small count away)`,
  },
  incident: ['incident', 'incidents'],
  intervention: ['intervention', 'interventions'],
  quietSources: (silent, low) => {
    const parts = [silent.length ? `${en.list(silent)} reported nothing in the period` : '', low.length ? `${en.list(low)} reported clearly less than usual` : ''].filter(Boolean);
    return `Note: ${en.list(parts)} – fewer incidents may be down to that, not to fewer crimes.`;
  },
  busySources: (high) => `Note: ${en.list(high)} reported clearly more than usual – more incidents may be down to that, not to more crimes.`,
  withheldSources: (names, k) => `The number of reports from ${en.list(names)} is not shown${k ? ` (fewer than ${k})` : ''}, so whether ${names.length === 1 ? 'it' : 'they'} reported as usual is not said here.`,
};

const WORDS: Record<Language, Words> = { sv, en };

/** lagesbild.exampleName in sv-reports.ts / en-reports.ts: this module writes its sentences without i18next. */
const EXAMPLE_NAME: Record<Language, string> = { sv: svReports.lagesbild.exampleName, en: enReports.lagesbild.exampleName };

/** A source with the last day it reported: "Bostadsbolaget (senast 2026-10-30)". */
function sourceName(s: SourceReport, language: Language): string {
  // The example's source follows the language, as in the sources table (lib/source-label.ts).
  const name = sourceLabel(s.source, () => EXAMPLE_NAME[language]);
  if (s.lastDay === null) return name;
  return `${name} (${language === 'sv' ? 'senast' : 'last'} ${isoDateOfEpochDay(s.lastDay)})`;
}

/** Some row's count is hidden to protect another ("dold"): no row can be said to be the largest. */
function anyProtected(rows: Figure[]): boolean {
  return rows.some((r) => isProtected(r.current));
}

function names(rows: HotSpotRow[]): string[] {
  return rows.map((r) => r.name);
}

function shownCount(n: PublishedCount, language: Language, k: number | null): string {
  return isProtected(n) ? (language === 'sv' ? 'dold' : 'hidden') : typeof n !== 'number' ? `<${k}` : formatCount(n, language);
}

/** How many places the summary names. */
const SUMMARY_PLACES = 3;

/** How many clear category changes the summary names (the rest are counted). */
const NAMED_CHANGES = 3;

/**
 * The summary's top places (the list is sorted by count, largest first). When the count at the cut-off is shared by a
 * place after it, the places with that count are not named — the first of them in alphabetical order were (a tester:
 * "Flest … Bakgrund Allén 23 (2), … (2), … (2)" where six places had 2) — and the sentence says several places have it.
 */
function placesSentence(places: LagesbildReport['places'], placesTied: LagesbildReport['placesTied'], w: Words, language: Language, k: number | null): string {
  // Public view: places whose count is hidden are not in the report (lagesbild.model.ts shownRows): listed, they said
  // "at least one". Before, they were named after the shown ones as "several places with fewer than k each".
  const ranked = places;
  const named = ranked.slice(0, SUMMARY_PLACES);
  const cut = named[named.length - 1]?.current;
  const tied = typeof cut === 'number' && ranked.length > SUMMARY_PLACES && ranked[SUMMARY_PLACES].current === cut;
  const shown = tied ? named.filter((p) => p.current !== cut) : named;
  // The table's own cut went through a tie (lib/top-list.ts), with room left in the sentence: those places are "several".
  const tail = tied || ranked.length >= SUMMARY_PLACES ? null : placesTied ? tiedCountText(placesTied.count, language) : null;
  return w.places(shown.map((p) => `${p.name} (${shownCount(p.current, language, k)})`), tied ? formatCount(cut, language) : tail);
}

/** The count places tied at the top-places cut share, as the summary writes it (public view: SAME). */
function tiedCountText(count: NonNullable<LagesbildReport['placesTied']>['count'], language: Language): string {
  if (count === 'hidden') return SAME;
  return formatCount(count, language);
}

/** The summary as paragraphs of sentences. */
export function summaryParagraphs(report: LagesbildReport, language: Language): string[] {
  const w = WORDS[language];
  const k = report.rule?.k ?? null;
  const { periods, total } = report;
  const label = formatPeriod(periods.period, language);
  const first: string[] = [];

  let sentence = w.total(label, w.count(total.current, k, w.incident[0], w.incident[1]));
  const comparisons: string[] = [];
  if (total.vsPrevious) comparisons.push(w.versus(total.vsPrevious, formatPeriod(periods.previousPeriod, language), formatCount(shownNumber(total.previous), language), 'previous'));
  if (total.vsLastYear) comparisons.push(w.versus(total.vsLastYear, formatPeriod(periods.lastYearPeriod, language), formatCount(shownNumber(total.lastYear), language), 'lastYear'));
  sentence += comparisons.length ? `, ${w.list(comparisons)}.` : '.';
  first.push(sentence);
  // The total is stated as a plain number: in public view it carries noise, and so does a percentage from two of them
  // (a tester: "34 händelser, 13 % fler" where 32 and +7 % were exact).
  if (report.rule && typeof total.current === 'number') first.push(w.noisy(MAX_NOISE));
  const hiddenComparison = typeof total.current !== 'number' || typeof total.previous !== 'number' || typeof total.lastYear !== 'number';
  if (report.rule && hiddenComparison) first.push(w.noComparison);
  const sig = w.significance(total.vsPrevious ? total.vsPrevious.significant : null, total.vsLastYear ? total.vsLastYear.significant : null);
  if (sig) first.push(sig);

  const second: string[] = [];
  // "Most common" compares with every other row: beside a count hidden to protect another ("dold", which may be large)
  // it would bound that count from above (a tester read a "dold" as 5–6 off "flest … (6)"), so it is not said then.
  const largest = anyProtected(report.categories) ? undefined : report.categories.find((c) => typeof c.current === 'number' && c.current > 0);
  // Every category with that count is named: "Vanligast var Misshandel (506)" beside Skadegörelse's 506 (a tester).
  const tiedLargest = largest ? report.categories.filter((c) => typeof c.current === 'number' && c.current === largest.current) : [];
  if (largest) second.push(w.largest(tiedLargest.map((c) => c.name ?? '–'), formatCount(shownNumber(largest.current), language)));
  // The sentence names the strongest few; the others as clear are counted, not dropped (a tester: a fourth category,
  // 29 → 475, was left out without a word).
  const allNotable = notableChanges(report.categories, 'vsPrevious', Infinity);
  const notable = allNotable.slice(0, NAMED_CHANGES);
  const moreNotable = allNotable.length - notable.length;
  // A category with a hidden count has no change to test: "nothing changed" would then say more than is known.
  const untested = report.rule !== null && report.categories.some((c) => typeof c.current !== 'number' || typeof c.previous !== 'number');
  if (notable.length) second.push(w.changes(notable.map((f: Figure) => w.categoryChange(f.name ?? '–', formatCount(shownNumber(f.previous), language), formatCount(shownNumber(f.current), language), f.vsPrevious!.change === null ? null : formatPercent(f.vsPrevious!.change, language), f.vsPrevious!.z > 0, isPerDay(f.vsPrevious!))), moreNotable));
  // A category the export renamed (Fylleri/LOB → Fylleri) has no change shown: named, so its jump is not missed or read.
  const renamed = report.categoryBoundaries.filter((b) => b.previous).map((b) => b.name);
  if (renamed.length) second.push(w.categoryBoundaries(renamed));
  if (untested) second.push(w.changesWithheld);
  // The first period of the data has nothing before it: "nothing changed" would claim a comparison (a tester).
  else if (!notable.length) second.push(report.total.vsPrevious === null && typeof report.total.current === 'number' ? w.noPreviousComparison : renamed.length ? w.noOtherChanges : w.noChanges);
  if (report.places.length || report.placesTied) second.push(placesSentence(report.places, report.placesTied, w, language, k));

  const third: string[] = [];
  const h = report.hotSpots;
  if (h.status === 'ok') {
    third.push(w.hotSpots(
      names(h.rows.filter((r) => r.group === 'new')),
      names(h.rows.filter((r) => r.group === 'persistent')),
      names(h.rows.filter((r) => r.group === 'fading')),
      hotSpotWeeks(report, language),
      report.rule && h.hiddenSpots && h.hiddenSpots.spots > 0 ? { spots: h.hiddenSpots.spots, k: report.rule.k } : null,
      report.rule ? 0 : h.surroundingSpots ?? 0,
    ));
    if (h.daysAfterLastStep > 0) third.push(w.daysAfterSteps(h.daysAfterLastStep, hotSpotWeeks(report, language)));
  } else third.push(h.status === 'too-short' ? w.tooShortForHotSpots(MIN_HOT_SPOT_STEPS) : h.status === 'no-positions' ? w.noPositionsForHotSpots : h.status === 'after-data' ? w.afterDataForHotSpots : w.tooFewForHotSpots);

  const it = report.interventionTotal;
  if (it.current === 0) third.push(w.noInterventions);
  // "Färre än 5 insatser genomfördes" claimed some were carried out where none were loaded at all (a tester).
  else if (it.current === null && k !== null) third.push(w.fewInterventions(k));
  else {
    const top = anyProtected(report.interventions) ? undefined : report.interventions.find((i) => typeof i.current === 'number' && i.current > 0);
    third.push(w.interventions(w.count(it.current, k, w.intervention[0], w.intervention[1]), top ? `${top.name} (${shownCount(top.current, language, k)})` : null));
  }
  const silent = report.sources.filter((s) => s.status === 'silent').map((s) => sourceName(s, language));
  const low = report.sources.filter((s) => s.status === 'low').map((s) => sourceName(s, language));
  if (silent.length || low.length) first.push(w.quietSources(silent, low));
  const high = report.sources.filter((s) => s.status === 'high').map((s) => sourceName(s, language));
  if (high.length) first.push(w.busySources(high));
  const withheld = report.sources.filter((s) => s.status === 'withheld').map((s) => sourceName(s, language));
  if (withheld.length) first.push(w.withheldSources(withheld, k));
  const verdicts = verdictCounts(report.goals);
  const parts = (['met', 'on_track', 'at_risk', 'behind', 'withheld'] as const).filter((v) => verdicts[v] > 0).map((v) => w.verdict[v](verdicts[v]));
  // Public view judges the goals as of the data's last day, whichever period is open: the text says so (a tester read
  // "3 uppnådda" under T2 as T2's).
  if (parts.length) third.push(w.goals(parts, report.goalsLatestInPublic ? isoDateOfEpochDay(report.goalsAsOf) : null));

  return [first.join(' '), second.join(' '), third.join(' ')].filter((p) => p.length > 0);
}

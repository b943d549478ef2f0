// Append without doubles: the checks that decide which of a file's rows its source already has, in their order, and
// what the summary says about them. The SQL is in already-loaded.query.ts.
import type { SqlRunner } from '../sql-runner';
import {
  changedUnderSameId, countSameEvents, DESCRIPTIVE_FIELDS, fieldsFilled, HASHLESS_FIELDS, idRegimes, markAlreadyLoaded, markHashlessFieldLoaded, markSameContent, markSameEventLoaded,
  otherSourcesStored, sameRowsOtherSources, SAME_POSITION_METRES, unmatchedCompared, type DescriptiveField, type EventRegime,
} from './already-loaded.query';

/** What the append checks found beside the rows they rejected (each rejected row carries its own reason). */
export interface AppendChecks {
  changedById: { rows: number; ids: string[] };
  sameEvents: { rows: number; fields: DescriptiveField[] };
  /** Rows equal to stored ones in every field read but their position, which lies within `metres` of the stored one's. */
  nearbyPositions: { rows: number; metres: number };
  otherSources: { rows: number; sources: string[] };
}

/** A replace checks nothing against the stored rows: they go. */
export const NOTHING_ALREADY_LOADED: AppendChecks = { changedById: { rows: 0, ids: [] }, sameEvents: { rows: 0, fields: [] }, nearbyPositions: { rows: 0, metres: SAME_POSITION_METRES }, otherSources: { rows: 0, sources: [] } };

/**
 * Append: marks the checked rows the source already has — by id or values (already-loaded), by values under another
 * id mapping (same-content-loaded), by event under another column mapping (same-event-loaded) — and counts what the
 * summary says: rows whose id matched but values differ, and rows equal to other sources' rows. Run after
 * markLateRejects, before the reject texts are saved.
 */
export async function checkAlreadyLoaded(runner: SqlRunner, target: 'incidents' | 'interventions', source: string): Promise<AppendChecks> {
  await runner.exec(markAlreadyLoaded(target, source));
  // Hashing every row costs; only when new and stored rows are keyed differently can the same row hide.
  const [r] = await runner.rows<{ new_with_id: number; new_without_id: number; stored_with_id: number; stored_without_id: number }>(idRegimes(target, source));
  if ((r.new_with_id && r.stored_without_id) || (r.new_without_id && r.stored_with_id)) await runner.exec(markSameContent(target, source));
  // Content decides where at least one side has no id (an id mapped in one import and not the other).
  const regimes: EventRegime[] = [
    ...(r.new_without_id && (r.stored_without_id || r.stored_with_id) ? ['new-without-id' as const] : []),
    ...(r.new_with_id && r.stored_without_id ? ['new-with-id' as const] : []),
  ];
  let sameEvents = NOTHING_ALREADY_LOADED.sameEvents;
  let nearby = 0;
  for (const regime of regimes) {
    const found = await markSameEvents(runner, target, source, regime);
    nearby += found.nearby;
    if (found.rows) sameEvents = { rows: sameEvents.rows + found.rows, fields: DESCRIPTIVE_FIELDS[target].filter((f) => sameEvents.fields.includes(f) || found.fields.includes(f)) };
  }
  const [changedById] = await runner.rows<{ rows: number; ids: string[] }>(changedUnderSameId(target, source));
  const [{ any: othersStored }] = await runner.rows<{ any: boolean }>(otherSourcesStored(target, source));
  const [otherSources] = othersStored ? await runner.rows<{ rows: number; sources: string[] }>(sameRowsOtherSources(target, source)) : [NOTHING_ALREADY_LOADED.otherSources];
  return { changedById: { rows: changedById.rows, ids: [...changedById.ids] }, sameEvents, nearbyPositions: { rows: nearby, metres: SAME_POSITION_METRES }, otherSources: { rows: otherSources.rows, sources: [...otherSources.sources] } };
}

/**
 * Rows of `regime` (EventRegime: new rows without an id against all the source's rows, or with one against its rows
 * without) that the source already has from an import that filled other descriptive fields (markSameEventLoaded):
 * rejected as 'same-event-loaded' when some field is filled on one side only — and rows the value-for-value checks
 * matched although the file fills a field their hash leaves out (an intervention's end date: markHashlessFieldLoaded).
 * Where both imports filled the same fields and positions, rows still unmatched are compared once more with positions
 * within SAME_POSITION_METRES ('same-event-nearby': the same export in another coordinate system). Returns how many
 * rows and which fields were one-sided. Costs one pass over the file's rows and the source's rows of its days
 * (fieldsFilled) on every append where one side has no id, and the event pass when a field is one-sided or rows are
 * left unmatched.
 */
async function markSameEvents(runner: SqlRunner, target: 'incidents' | 'interventions', source: string, regime: EventRegime): Promise<AppendChecks['sameEvents'] & { nearby: number }> {
  const [filled] = await runner.rows<Record<string, boolean>>(fieldsFilled(target, source, regime));
  const fields = DESCRIPTIVE_FIELDS[target];
  const oneSided = fields.filter((f) => filled[`fresh_${f}`] !== filled[`stored_${f}`]);
  const shared = fields.filter((f) => filled[`fresh_${f}`] && filled[`stored_${f}`]);
  const count = async (reason: 'same-event-loaded' | 'same-event-nearby') => (await runner.rows<{ n: number }>(countSameEvents(reason)))[0].n;
  if (!oneSided.length) {
    if (!shared.includes('position') || (await runner.rows<{ n: number }>(unmatchedCompared(regime)))[0].n === 0) return { ...NOTHING_ALREADY_LOADED.sameEvents, nearby: 0 };
    const before = await count('same-event-nearby');
    await runner.exec(markSameEventLoaded(target, source, shared, regime, 'same-event-nearby'));
    return { ...NOTHING_ALREADY_LOADED.sameEvents, nearby: (await count('same-event-nearby')) - before };
  }
  const before = await count('same-event-loaded');
  await runner.exec(markSameEventLoaded(target, source, shared, regime));
  // A field the file fills and the stored rows lack, which the row hash leaves out: rows matched value for value are the same rows without it.
  const hashless = oneSided.filter((f) => filled[`fresh_${f}`] && HASHLESS_FIELDS[target].includes(f));
  if (hashless.length) await runner.exec(markHashlessFieldLoaded(target, hashless, regime));
  const n = await count('same-event-loaded');
  return n > before ? { rows: n - before, fields: oneSided, nearby: 0 } : { ...NOTHING_ALREADY_LOADED.sameEvents, nearby: 0 };
}

/** The ImportResult fields the append checks give, each absent when there is nothing to say. */
export function appendedFindings(found: AppendChecks, source: string) {
  return {
    ...(found.changedById.rows ? { changedUnderSameId: found.changedById } : {}),
    ...(found.sameEvents.rows ? { sameEventsOtherFields: found.sameEvents } : {}),
    ...(found.nearbyPositions.rows ? { sameEventsNearby: found.nearbyPositions } : {}),
    ...(found.otherSources.rows ? { sameAsOtherSources: { ...found.otherSources, source } } : {}),
  };
}

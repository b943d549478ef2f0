// Append without doubles: the checks that decide which of a file's rows its source already has, in their order, and
// what the summary says about them. The SQL is in already-loaded.query.ts.
import type { SqlRunner } from '../sql-runner';
import {
  changedUnderSameId, countSameEventLoaded, DESCRIPTIVE_FIELDS, fieldsFilled, idRegimes, markAlreadyLoaded, markSameContent, markSameEventLoaded,
  otherSourcesStored, sameRowsOtherSources, type DescriptiveField, type EventRegime,
} from './already-loaded.query';

/** What the append checks found beside the rows they rejected (each rejected row carries its own reason). */
export interface AppendChecks {
  changedById: { rows: number; ids: string[] };
  sameEvents: { rows: number; fields: DescriptiveField[] };
  otherSources: { rows: number; sources: string[] };
}

/** A replace checks nothing against the stored rows: they go. */
export const NOTHING_ALREADY_LOADED: AppendChecks = { changedById: { rows: 0, ids: [] }, sameEvents: { rows: 0, fields: [] }, otherSources: { rows: 0, sources: [] } };

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
  for (const regime of regimes) {
    const found = await markSameEvents(runner, target, source, regime);
    if (found.rows) sameEvents = { rows: sameEvents.rows + found.rows, fields: DESCRIPTIVE_FIELDS[target].filter((f) => sameEvents.fields.includes(f) || found.fields.includes(f)) };
  }
  const [changedById] = await runner.rows<{ rows: number; ids: string[] }>(changedUnderSameId(target, source));
  const [{ any: othersStored }] = await runner.rows<{ any: boolean }>(otherSourcesStored(target, source));
  const [otherSources] = othersStored ? await runner.rows<{ rows: number; sources: string[] }>(sameRowsOtherSources(target, source)) : [NOTHING_ALREADY_LOADED.otherSources];
  return { changedById: { rows: changedById.rows, ids: [...changedById.ids] }, sameEvents, otherSources: { rows: otherSources.rows, sources: [...otherSources.sources] } };
}

/**
 * Rows of `regime` (EventRegime: new rows without an id against all the source's rows, or with one against its rows
 * without) that the source already has from an import that filled other descriptive fields (markSameEventLoaded):
 * rejected as 'same-event-loaded' when some field is filled on one side only. Returns how many and those fields (none
 * when both imports filled the same fields: then the value-for-value checks said it all). Costs one pass over the
 * file's rows and the source's rows of its days (fieldsFilled) on every append where one side has no id.
 */
async function markSameEvents(runner: SqlRunner, target: 'incidents' | 'interventions', source: string, regime: EventRegime): Promise<AppendChecks['sameEvents']> {
  const [filled] = await runner.rows<Record<string, boolean>>(fieldsFilled(target, source, regime));
  const fields = DESCRIPTIVE_FIELDS[target];
  const oneSided = fields.filter((f) => filled[`fresh_${f}`] !== filled[`stored_${f}`]);
  if (!oneSided.length) return NOTHING_ALREADY_LOADED.sameEvents;
  const [{ n: before }] = await runner.rows<{ n: number }>(countSameEventLoaded);
  await runner.exec(markSameEventLoaded(target, source, fields.filter((f) => filled[`fresh_${f}`] && filled[`stored_${f}`]), regime));
  const [{ n }] = await runner.rows<{ n: number }>(countSameEventLoaded);
  return n > before ? { rows: n - before, fields: oneSided } : NOTHING_ALREADY_LOADED.sameEvents;
}

/** The ImportResult fields the append checks give, each absent when there is nothing to say. */
export function appendedFindings(found: AppendChecks, source: string) {
  return {
    ...(found.changedById.rows ? { changedUnderSameId: found.changedById } : {}),
    ...(found.sameEvents.rows ? { sameEventsOtherFields: found.sameEvents } : {}),
    ...(found.otherSources.rows ? { sameAsOtherSources: { ...found.otherSources, source } } : {}),
  };
}

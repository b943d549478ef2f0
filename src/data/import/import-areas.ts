// Area boundaries into the `areas` table in one transaction: append replaces areas of the same name and kind
// (a new version of a district's boundary), replace swaps the whole set. Every feature is imported or rejected.
import type { AreaConversion } from '../area-features';
import { AREA_KEYS, DELETE_ALL_AREAS, DELETE_SAME_AREA, INSERT_AREA, sameAreas } from '../areas.query';
import { keepReplacedRows } from '../import-history';
import { CLEAR_TABLES } from '../example.query';
import { WRITE_META } from '../schema.query';
import { inTransaction, type SqlRunner } from '../sql-runner';
import { placeInAreas } from '../area-assignment';
import { NothingToImportError, newImportId, recordImport, type ImportResult } from './import-csv';

export async function importAreas(
  runner: SqlRunner,
  conversion: AreaConversion,
  features: number,
  mode: 'append' | 'replace',
  replaceExample: boolean,
  history: { fileName: string; source?: string; mapping?: string } = { fileName: conversion.rows[0]?.source ?? 'areas' },
): Promise<ImportResult> {
  const { rejected } = conversion;
  // The stored areas' names and kinds, read once: for the kinds' spelling and for what an append replaces.
  const keys = await runner.rows<{ name: string; kind: string | null }>(AREA_KEYS);
  const rows = withStoredKinds(keys, conversion.rows);
  const importId = newImportId();
  let replacedAreas: { name: string; kind: string | null }[] = [];
  let sameNameOtherKind: { name: string; kind: string }[] = [];
  const source = history.source ?? rows[0]?.source ?? history.fileName;
  // With each feature's reason: the card listed none (helper-59: "Skälen:" and nothing after).
  if (rows.length === 0 && (mode === 'replace' || replaceExample)) throw new NothingToImportError(features, rejected);
  await inTransaction(runner, async () => {
    if (replaceExample) await runner.exec(CLEAR_TABLES);
    else if (mode === 'replace') {
      // Kept, so undoing this import puts them back.
      await keepReplacedRows(runner, 'areas', importId);
      await runner.exec(DELETE_ALL_AREAS);
    } else {
      const stored = new Set(keys.map((k) => JSON.stringify([k.name, k.kind])));
      // Read without a kind, names already loaded with one: two areas now, said (they may well be the same).
      const kinded = new Map(keys.filter((k) => k.kind !== null).map((k) => [k.name, k.kind!]));
      sameNameOtherKind = [...new Set(rows.filter((a) => a.kind === null && kinded.has(a.name)).map((a) => a.name))].map((name) => ({ name, kind: kinded.get(name)! }));
      const replaced = [...new Set(rows.map((a) => JSON.stringify([a.name, a.kind])))].filter((k) => stored.has(k)).map((k) => JSON.parse(k) as [string, string | null]);
      replacedAreas = replaced.map(([name, kind]) => ({ name, kind }));
      if (replaced.length) await keepReplacedRows(runner, 'areas', importId, sameAreas(replacedAreas));
    }
    for (const a of rows) {
      if (mode === 'append' && !replaceExample) await runner.run(DELETE_SAME_AREA, [a.name, a.kind]);
      await runner.run(INSERT_AREA, [a.name, a.kind, a.population, a.geometry, a.min_lon, a.min_lat, a.max_lon, a.max_lat, source, importId]);
    }
    await recordImport(runner, {
      id: importId, fileName: history.fileName, source, target: 'areas', mode: replaceExample ? 'replace' : mode,
      rowsIn: features, imported: rows.length, rejected: rejected.length, alreadyLoaded: 0, leftOut: 0, mapping: history.mapping ?? null,
    });
    await runner.run(WRITE_META, ['dataset', 'user']);
    await runner.run(WRITE_META, ['loaded_at', new Date().toISOString()]);
    // Every point placed in the new areas, in the same transaction: counts per area are never half-made.
    await placeInAreas(runner);
  });
  return { rowsInFile: features, imported: rows.length, importId, rejected, personalData: [], notes: conversion.notes ?? [], ...(replacedAreas.length ? { replacedAreas } : {}), ...(sameNameOtherKind.length ? { sameNameOtherKind } : {}) };
}

/**
 * Kinds matched whatever their case: a kind the stored areas have in another case ("Kommun", "KOMMUN") takes the
 * stored spelling, and within the file the first spelling met. Typed as "kommun", "Kommun " and " KOMMUN" the same
 * file made three Gotlands of three kinds, which per-area goals and the Karta's area kind then told apart (a tester).
 */
function withStoredKinds<T extends { kind: string | null }>(keys: { kind: string | null }[], rows: T[]): T[] {
  const spelling = new Map<string, string>();
  for (const { kind } of keys) {
    if (kind !== null && !spelling.has(kind.toLocaleLowerCase('sv'))) spelling.set(kind.toLocaleLowerCase('sv'), kind);
  }
  return rows.map((row) => {
    if (row.kind === null) return row;
    const key = row.kind.toLocaleLowerCase('sv');
    if (!spelling.has(key)) spelling.set(key, row.kind);
    return { ...row, kind: spelling.get(key)! };
  });
}

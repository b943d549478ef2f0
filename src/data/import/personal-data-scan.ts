// The personnummer scan of an import (docs/importer.md, Personnummer): every stored text column of the whole staged
// file searched by shape in DuckDB (personal-numbers.query.ts), each candidate checked by the `personnummer` library
// (date and check digit), and per column what is done — masked, dropped or kept. Split from import-csv.ts.
import { isPersonalIdentityNumber, type PersonalDataAction } from '../../lib/parsing/personal-identity';
import type { SqlRunner } from '../sql-runner';
import type { IncidentColumns, InterventionColumns, PersonalDataPolicy } from './csv-import.query';
import { personalNumberCandidates } from './personal-numbers.query';

export interface PersonalDataFinding {
  column: string;
  /** Valid personnummer (checksum included) found in the whole file. */
  found: number;
  /**
   * Values shaped like one that fail the check (a mistyped personnummer, or another number of that shape): said, and
   * masked with the column when it is masked, kept otherwise — a 10-digit id column masked whole would lose its ids.
   */
  lookalike?: number;
  action: PersonalDataAction;
}

/** Text fields that are stored: where personnummer could hide. */
const TEXT_FIELDS = ['id', 'category', 'subcategory', 'area', 'place', 'description', 'type', 'organisation'] as const;

/**
 * Per stored text column of the staged file: valid personnummer, lookalikes and the action (`chosen`, else mask where
 * any is valid, keep where there are only lookalikes). Throws what the database throws.
 */
export async function scanPersonalData(runner: SqlRunner, columns: IncidentColumns | InterventionColumns, chosen: PersonalDataPolicy): Promise<PersonalDataFinding[]> {
  const mapped = [...new Set(TEXT_FIELDS.map((f) => (columns as Record<string, string | undefined>)[f]).filter((c): c is string => Boolean(c)))];
  const candidates = mapped.length ? await runner.rows<{ column_name: string; candidate: string }>(personalNumberCandidates(mapped)) : [];
  const findings: PersonalDataFinding[] = [];
  for (const column of mapped) {
    const inColumn = candidates.filter((c) => c.column_name === column);
    const found = inColumn.filter((c) => isPersonalIdentityNumber(c.candidate)).length;
    const lookalike = inColumn.length - found;
    if (found > 0 || chosen[column]) findings.push({ column, found, ...(lookalike ? { lookalike } : {}), action: chosen[column] ?? 'mask' });
    // Only lookalikes: nothing masked unless chosen, but the summary says so (a tester's mistyped numbers went unmentioned).
    else if (lookalike > 0) findings.push({ column, found: 0, lookalike, action: 'keep' });
  }
  return findings;
}


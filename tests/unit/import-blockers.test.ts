// What keeps a card's Importera button disabled (import-entry.model.ts `blockers`), on plans made from real bytes.
import { describe, expect, it } from 'vitest';
import { planCsv } from '../../src/data/import/csv-plan';
import { blockers } from '../../src/features/importer/import-entry.model';

const bytes = (lines: string[]) => new TextEncoder().encode(lines.join('\n') + '\n');
const header = 'Id;Datum;Brottstyp;N;E';

describe('import blockers', () => {
  it('a ready plan has none', () => {
    const plan = planCsv(bytes([header, 'A1;2026-03-01;Stöld;6580822;674032', 'A2;2026-03-02;Rån;6581000;674100']));
    expect(plan.coordinates?.ambiguous).toBe(false);
    expect(blockers(plan)).toBeNull();
  });

  it('a header-only file is blocked as having no rows, and asks for no coordinate system', () => {
    const plan = planCsv(bytes([header]));
    expect(plan.coordinates?.ambiguous).toBe(true); // the plan can't tell the system from no values
    const b = blockers(plan);
    expect(b?.empty).toBe('no-rows');
    expect(b?.needsCrs).toBe(false);
  });

  it('a year range whose first year is after its last blocks the import; every other order does not', () => {
    const plan = planCsv(bytes([header, 'A1;2026-03-01;Stöld;6580822;674032']));
    expect(blockers({ ...plan, years: { min: 2027, max: 1990 } })?.yearsReversed).toBe(true);
    expect(blockers({ ...plan, years: { min: 1990, max: 2027 } })).toBeNull();
    expect(blockers({ ...plan, years: { min: 2026, max: 2026 } })).toBeNull();
  });
});

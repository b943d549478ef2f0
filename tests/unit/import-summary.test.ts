import { describe, expect, it } from 'vitest';
import { rejectedFaultsFirst } from '../../src/features/importer/import-summary.model';
import type { RejectedRow } from '../../src/data/import/import-csv';

describe('the order of the rejected rows in the import summary', () => {
  it('lists faults in the file first, then rows already loaded, each by line, every row once', () => {
    const rejected: RejectedRow[] = [
      { line: 2, reason: 'already-loaded' },
      { line: 3, reason: 'bad-date', column: 'Datum', value: '2026-02-30' },
      { line: 4, reason: 'same-content-loaded' },
      { line: 5, reason: 'already-loaded' },
      { line: 9, reason: 'outside-sweden' },
    ];
    const listed = rejectedFaultsFirst(rejected);
    expect(listed.map((r) => r.line)).toEqual([3, 9, 2, 4, 5]);
    expect(new Set(listed)).toEqual(new Set(rejected));
    expect(rejectedFaultsFirst([])).toEqual([]);
  });
});

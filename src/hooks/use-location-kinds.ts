// Which kinds of location ('point', 'area', 'none'; data/position.query.ts) occur anywhere in the incidents, re-read
// after every data change. A kind that no row has is 0 under every filter — a fact about the data, not a small count
// of a filtered cell — so the public view may say 0 of it instead of "<5" (publish-positions.ts).
import { useMemo } from 'react';
import { LOCATION_PRECISIONS } from '../data/position.query';
import type { LocationKind } from '../lib/disclosure/publish-positions';
import { useRows } from './use-rows';

/** The location kinds present in the data; undefined while read. */
export function useLocationKinds(): ReadonlySet<LocationKind> | undefined {
  const rows = useRows<{ precision: LocationKind }>(LOCATION_PRECISIONS);
  return useMemo(() => (rows ? new Set(rows.map((r) => r.precision)) : undefined), [rows]);
}

// The lägesbild's data for one period, re-read after every data change; the published report is rebuilt
// (without a query) when the disclosure rule changes.
import { useEffect, useMemo, useState } from 'react';
import { useDatabase } from '../../hooks/use-database';
import { useFilterState } from '../../hooks/use-filter-state';
import { useRows } from '../../hooks/use-rows';
import { useDisclosure } from '../../lib/disclosure/disclosure-store';
import { reportPeriodKey, type ReportPeriod } from '../../analysis/periods/report-periods';
import { AREA_SHAPES } from '../../data/areas.query';
import { outlineKinds } from './report-map.model';
import { buildReport, type LagesbildReport, type RawReport } from './lagesbild.model';
import { loadReport } from './load-report';
import type { AreaOutline } from './report-map.model';

export type ReportState = { status: 'pending' } | { status: 'error'; message: string } | { status: 'ready'; report: LagesbildReport };

/** The report for `period`, of every row or of the one source the shared source filter (`kalla=`) names. */
export function useLagesbildReport(period: ReportPeriod | null): ReportState {
  const { database } = useDatabase();
  const { rule } = useDisclosure();
  const { source } = useFilterState();
  const [raw, setRaw] = useState<{ key: string; raw: RawReport } | { key: string; error: string } | null>(null);
  const key = period ? `${reportPeriodKey(period)}\u0000${source ?? ''}` : '';
  useEffect(() => {
    if (!period) return;
    let live = true;
    loadReport(database.reader, period, source).then(
      (r) => live && setRaw({ key, raw: r }),
      (e: Error) => live && setRaw({ key, error: e.message }),
    );
    return () => { live = false; };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [database, key]);
  return useMemo<ReportState>(() => {
    if (!raw || raw.key !== key) return { status: 'pending' };
    if ('error' in raw) return { status: 'error', message: raw.error };
    return { status: 'ready', report: buildReport(raw.raw, rule) };
  }, [raw, key, rule]);
}

/** The area boundaries the report's map draws under the hot spots: the finest kind and kinds beside it (outlineKinds). */
export function useAreaOutlines(): AreaOutline[] {
  const rows = useRows<{ name: string; kind: string | null; geometry: string }>(AREA_SHAPES);
  return useMemo(() => outlineKinds((rows ?? []).map((r) => ({ name: r.name, kind: r.kind, geometry: JSON.parse(r.geometry) as unknown }))), [rows]);
}

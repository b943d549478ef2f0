// The lägesbild's data for one period, re-read after every data change; the published report is rebuilt
// (without a query) when the disclosure rule changes.
import { useEffect, useMemo, useState } from 'react';
import { useDatabase } from '../../hooks/use-database';
import { useFilterState } from '../../hooks/use-filter-state';
import { useMissingSource } from '../../hooks/use-missing-source';
import { useDayExtent } from '../../hooks/use-day-extent';
import { useRows } from '../../hooks/use-rows';
import { useDisclosure } from '../../lib/disclosure/disclosure-store';
import { reportPeriodKey, type ReportPeriod } from '../../analysis/periods/report-periods';
import { AREA_SHAPES } from '../../data/areas.query';
import { outlineKinds } from './report-map.model';
import { buildReport, type LagesbildReport, type RawReport } from './lagesbild.model';
import { loadReport } from './load-report';
import type { AreaOutline } from './report-map.model';

export type ReportState =
  | { status: 'pending' } | { status: 'error'; message: string } | { status: 'ready'; report: LagesbildReport }
  | { status: 'source-missing'; source: string }
  | { status: 'outside-data'; first: number; last: number };

/**
 * The report for `period`, of every row or of the one source the shared source filter (`kalla=`) names. A source no
 * loaded row has (a link from another machine, a file since replaced) gives 'source-missing' and no report: its
 * every count would be 0 and every medborgarlöfte "efter" for that reason alone, and the printed brief, the HTML
 * file and the slides carry no warning beside them (a tester). So does a period wholly outside the data (a link,
 * "?lagesbild=2023-12"): 'outside-data' with the data's first and last day — its key figures read 0 and its
 * medborgarlöften "3 i fas och 4 efter", judged on days with no data (a tester).
 */
export function useLagesbildReport(period: ReportPeriod | null): ReportState {
  const { database } = useDatabase();
  const { rule } = useDisclosure();
  const { source } = useFilterState();
  const [raw, setRaw] = useState<{ key: string; raw: RawReport } | { key: string; error: string } | null>(null);
  const key = period ? `${reportPeriodKey(period)}\u0000${source ?? ''}` : '';
  const missing = useMissingSource() !== undefined;
  const extent = useDayExtent();
  const outside = Boolean(period && extent && (period.from > extent.to || period.to < extent.from));
  useEffect(() => {
    if (!period || missing || outside) return;
    let live = true;
    loadReport(database.reader, period, source).then(
      (r) => live && setRaw({ key, raw: r }),
      (e: Error) => live && setRaw({ key, error: e.message }),
    );
    return () => { live = false; };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [database, key, missing, outside]);
  return useMemo<ReportState>(() => {
    if (missing) return { status: 'source-missing', source: source! };
    if (outside && extent) return { status: 'outside-data', first: extent.from, last: extent.to };
    if (!raw || raw.key !== key) return { status: 'pending' };
    if ('error' in raw) return { status: 'error', message: raw.error };
    return { status: 'ready', report: buildReport(raw.raw, rule) };
  }, [raw, key, rule, missing, source, outside, extent]);
}

/** The area boundaries the report's map draws under the hot spots: the finest kind and kinds beside it (outlineKinds). */
export function useAreaOutlines(): AreaOutline[] {
  const rows = useRows<{ name: string; kind: string | null; geometry: string }>(AREA_SHAPES);
  return useMemo(() => outlineKinds((rows ?? []).map((r) => ({ name: r.name, kind: r.kind, geometry: JSON.parse(r.geometry) as unknown }))), [rows]);
}

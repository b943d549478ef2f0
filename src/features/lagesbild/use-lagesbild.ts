// The lägesbild's data for one period, re-read after every data change; the published report is rebuilt
// (without a query) when the disclosure rule changes.
import { useEffect, useMemo, useState } from 'react';
import { useDatabase } from '../../hooks/use-database';
import { useDisclosure } from '../../lib/disclosure/disclosure-store';
import type { BiweekPeriod } from '../../lib/iso-week';
import { AREA_SHAPES } from '../map/map.query';
import { buildReport, type LagesbildReport, type RawReport } from './lagesbild.model';
import { loadReport } from './load-report';
import type { AreaOutline } from './report-map.model';

export type ReportState = { status: 'pending' } | { status: 'error'; message: string } | { status: 'ready'; report: LagesbildReport };

export function useLagesbildReport(period: BiweekPeriod | null): ReportState {
  const { database } = useDatabase();
  const { rule } = useDisclosure();
  const [raw, setRaw] = useState<{ key: string; raw: RawReport } | { key: string; error: string } | null>(null);
  const key = period ? `${period.year}-${period.firstWeek}` : '';
  useEffect(() => {
    if (!period) return;
    let live = true;
    loadReport(database.runner, period).then(
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

export function useAreaOutlines(): AreaOutline[] {
  const { database } = useDatabase();
  const [outlines, setOutlines] = useState<AreaOutline[]>([]);
  useEffect(() => {
    let live = true;
    void database.runner.rows<{ name: string; geometry: string }>(AREA_SHAPES).then((rows) => {
      if (live) setOutlines(rows.map((r) => ({ name: r.name, geometry: JSON.parse(r.geometry) as unknown })));
    });
    return () => { live = false; };
  }, [database]);
  return outlines;
}

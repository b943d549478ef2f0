// Which period the lägesbild and the presentation open on: the link's (?lagesbild=2026-v45-46, 2026-11, 2026-T3 …),
// else the latest complete period of the group's rhythm — the unit chosen last time (remembered), else two weeks.
import { REPORT_UNITS, parseReportPeriodKey, type ReportPeriod, type ReportUnit } from '../../analysis/periods/report-periods';
import { readSetting, writeSetting } from '../../data/settings-store';

export const URL_PARAM = 'lagesbild';
const UNIT_SETTING = 'lagesbildUnit';

export function periodFromUrl(): ReportPeriod | null {
  return parseReportPeriodKey(new URLSearchParams(location.search).get(URL_PARAM));
}

export function initialUnit(): ReportUnit {
  const stored = readSetting(UNIT_SETTING);
  return periodFromUrl()?.unit ?? ((REPORT_UNITS as readonly string[]).includes(stored ?? '') ? (stored as ReportUnit) : 'biweek');
}

export function rememberUnit(unit: ReportUnit): void {
  writeSetting(UNIT_SETTING, unit);
}

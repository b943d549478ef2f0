// Goals as a file: a CSV analysts edit in Swedish Excel (UTF-8 BOM, ';', CRLF) and JSON. Filters and per-area
// targets are written readably — `type=Trafikkontroll & place=Ringvägen|Lindbyrakan`, `stadsdel=2 & ytterområde=1`
// — and every field is validated with a message that names the line and the field.
import Papa from 'papaparse';
import type { GoalDefinition, GoalDirection, GoalPeriod, Owner } from '../../data/tables';
import { toExcelCsv } from '../../lib/excel-csv';
import { parseMeasure } from './goals.query';

export const GOAL_FIELDS = ['id', 'promise', 'title', 'owner', 'dataset', 'filter', 'measure', 'direction', 'target', 'period', 'per_area', 'start', 'end', 'follow_up'] as const;
const OWNERS: Owner[] = ['Polis', 'Kommun', 'Gemensam'];
const DATASETS = ['incidents', 'interventions'] as const;
const DIRECTIONS: GoalDirection[] = ['at_least', 'at_most', 'increase', 'decrease'];
const PERIODS: GoalPeriod[] = ['year', 'half', 'quarter', 'month', '2weeks', 'custom'];

export interface GoalFileProblem {
  /** Line in the CSV (header = 1), or position in the JSON list (from 1). */
  line: number;
  field: string;
  message: 'required' | 'one-of' | 'measure' | 'number' | 'date' | 'start-after-end' | 'duplicate-id' | 'filter' | 'per-area' | 'columns';
  allowed?: string;
}

export function filterText(filter: Record<string, string[]>): string {
  return Object.entries(filter).map(([c, values]) => `${c}=${values.join('|')}`).join(' & ');
}
export function perAreaText(perArea: Record<string, number> | null): string {
  return perArea ? Object.entries(perArea).map(([k, n]) => `${k}=${String(n).replace('.', ',')}`).join(' & ') : '';
}

function parsePairs(text: string): [string, string][] | null {
  if (!text.trim()) return [];
  const pairs = text.split('&').map((p) => p.split('='));
  if (pairs.some((p) => p.length !== 2 || !p[0].trim() || !p[1].trim())) return null;
  return pairs.map(([k, v]) => [k.trim(), v.trim()]);
}

export function goalsToCsv(goals: GoalDefinition[]): string {
  return toExcelCsv([...GOAL_FIELDS], goals.map((g) => [
    g.id, g.promise, g.title, g.owner, g.dataset, filterText(g.filter), g.measure, g.direction,
    g.target === null ? '' : g.target, g.period, perAreaText(g.per_area), g.start, g.end, g.follow_up ?? '',
  ]));
}

export function goalsToJson(goals: GoalDefinition[]): string {
  return JSON.stringify(goals, null, 2);
}

/** Excel shows a leading apostrophe as "text"; our CSV export writes one before = + - @ (see excel-csv.ts). */
function cell(v: unknown): string {
  const s = v === null || v === undefined ? '' : String(v).trim();
  return /^'[=+\-@]/.test(s) ? s.slice(1) : s;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
function validDate(s: string): boolean {
  if (!ISO_DATE.test(s)) return false;
  const [y, m, d] = s.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** One goal from loose fields (CSV cells or JSON values) → a definition, or the problems with it. */
export function validateGoal(raw: Record<string, unknown>, line: number): { goal?: GoalDefinition; problems: GoalFileProblem[] } {
  const problems: GoalFileProblem[] = [];
  const f = (name: string) => cell(raw[name]);
  const need = (name: string) => {
    const v = f(name);
    if (!v) problems.push({ line, field: name, message: 'required' });
    return v;
  };
  const oneOf = <T extends string>(name: string, allowed: readonly T[]): T => {
    const v = need(name);
    if (v && !allowed.includes(v as T)) problems.push({ line, field: name, message: 'one-of', allowed: allowed.join(', ') });
    return v as T;
  };
  const id = need('id');
  const promise = need('promise');
  const title = f('title') || promise;
  const owner = oneOf('owner', OWNERS);
  const dataset = oneOf('dataset', DATASETS);
  const measure = need('measure');
  if (measure && !parseMeasure(measure)) problems.push({ line, field: 'measure', message: 'measure' });
  const direction = oneOf('direction', DIRECTIONS);
  const period = oneOf('period', PERIODS);

  let filter: Record<string, string[]> = {};
  if (typeof raw.filter === 'object' && raw.filter !== null) filter = raw.filter as Record<string, string[]>;
  else {
    const pairs = parsePairs(f('filter'));
    if (pairs === null) problems.push({ line, field: 'filter', message: 'filter' });
    else filter = Object.fromEntries(pairs.map(([k, v]) => [k, v.split('|').map((x) => x.trim()).filter(Boolean)]));
  }
  let perArea: Record<string, number> | null = null;
  if (typeof raw.per_area === 'object' && raw.per_area !== null) perArea = raw.per_area as Record<string, number>;
  else if (f('per_area')) {
    const pairs = parsePairs(f('per_area'));
    const parsed = pairs?.map(([k, v]) => [k, Number(v.replace(',', '.'))] as const);
    if (!parsed || parsed.some(([, n]) => !Number.isFinite(n))) problems.push({ line, field: 'per_area', message: 'per-area' });
    else perArea = Object.fromEntries(parsed);
  }
  const targetText = f('target').replace(',', '.').replace(/[\s\u00a0]/g, '');
  const target = targetText === '' ? null : Number(targetText);
  if (target !== null && !Number.isFinite(target)) problems.push({ line, field: 'target', message: 'number' });
  const cadence = parseMeasure(measure)?.kind === 'cadence';
  if (target === null && !perArea && !cadence && (direction === 'at_least' || direction === 'at_most')) problems.push({ line, field: 'target', message: 'required' });

  const start = need('start');
  const end = need('end');
  const followUp = f('follow_up') || null;
  for (const [name, v] of [['start', start], ['end', end], ['follow_up', followUp]] as const) {
    if (v && !validDate(v)) problems.push({ line, field: name, message: 'date' });
  }
  if (validDate(start) && validDate(end) && start > end) problems.push({ line, field: 'end', message: 'start-after-end' });

  if (problems.length) return { problems };
  return {
    problems,
    goal: { id, promise, title, owner, dataset, filter, measure, direction, target: Number.isFinite(target) ? target : null, period, per_area: perArea, start, end, follow_up: followUp },
  };
}

function validateAll(rows: Record<string, unknown>[], firstLine: number): { goals: GoalDefinition[]; problems: GoalFileProblem[] } {
  const goals: GoalDefinition[] = [];
  const problems: GoalFileProblem[] = [];
  const seen = new Set<string>();
  rows.forEach((row, i) => {
    const line = firstLine + i;
    const result = validateGoal(row, line);
    problems.push(...result.problems);
    // Ids must be unique in the file, whether or not the earlier row was valid.
    const id = cell(row.id);
    if (id && seen.has(id)) problems.push({ line, field: 'id', message: 'duplicate-id' });
    else if (result.goal) goals.push(result.goal);
    if (id) seen.add(id);
  });
  return { goals, problems };
}

/** A goals file (CSV or JSON, decided by its first character) → goals, or problems and no goals. */
export function parseGoalsFile(text: string): { goals: GoalDefinition[]; problems: GoalFileProblem[] } {
  const body = text.replace(/^\ufeff/, '');
  if (/^\s*\[/.test(body)) {
    try {
      const list = JSON.parse(body) as Record<string, unknown>[];
      return validateAll(list, 1);
    } catch {
      return { goals: [], problems: [{ line: 1, field: '', message: 'columns' }] };
    }
  }
  const parsed = Papa.parse<Record<string, string>>(body, { header: true, skipEmptyLines: 'greedy', delimiter: '', delimitersToGuess: [';', ',', '\t'] });
  const missing = GOAL_FIELDS.filter((c) => ['id', 'promise', 'owner', 'dataset', 'measure', 'direction', 'period', 'start', 'end'].includes(c) && !parsed.meta.fields?.includes(c));
  if (missing.length) return { goals: [], problems: [{ line: 1, field: missing.join(', '), message: 'columns' }] };
  return validateAll(parsed.data, 2);
}

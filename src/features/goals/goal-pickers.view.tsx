// Goals without syntax (#19 item 5): the filter and the measure picked from the data instead of typed as
// `category=Stöld & place=…` and `sum:beslag`. The pickers write the goals file's own text (filterText, the measure
// strings of goals.query.ts), so a picked goal and a goal from the file are the same goal, validated the same way.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { filterText } from '../../analysis/goals/goal-file';
import { columnValuesSql, columnsOfSql, parseMeasure } from '../../analysis/goals/goals.query';
import { useRows } from '../../hooks/use-rows';

type Dataset = 'incidents' | 'interventions';

/** Columns a goal may filter on, per dataset: the text columns people choose among. */
const FILTER_COLUMNS: Record<Dataset, string[]> = {
  incidents: ['category', 'subcategory', 'area', 'place', 'source'],
  interventions: ['type', 'organisation', 'area', 'place', 'source'],
};
/** Internal numeric columns that are no outcome of an intervention. */
const NOT_MEASURES = new Set(['lat', 'lon', 'epoch_day', 'grid_e', 'grid_n', 'record_key']);
const NUMERIC = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|FLOAT|DOUBLE|DECIMAL.*|REAL)$/i;

/** `column=value|value & column=value` → pairs (the goals file's text form; values never contain | or &). */
export function parseFilterText(text: string): [string, string[]][] {
  return text.split('&').map((part) => part.trim()).filter(Boolean).map((part) => {
    const at = part.indexOf('=');
    return at < 0 ? [part, []] : [part.slice(0, at).trim(), part.slice(at + 1).split('|').map((v) => v.trim()).filter(Boolean)];
  });
}

export function FilterPicker({ dataset, value, onChange, invalid }: { dataset: string; value: string; onChange: (text: string) => void; invalid?: boolean }) {
  const { t } = useTranslation();
  const id = useId();
  const table: Dataset = dataset === 'interventions' ? 'interventions' : 'incidents';
  const pairs = parseFilterText(value);
  const write = (next: [string, string[]][]) => onChange(filterText(Object.fromEntries(next)));
  const free = FILTER_COLUMNS[table].filter((c) => !pairs.some(([p]) => p === c));
  return (
    <div className="goal-picker" data-testid="filter-picker" aria-invalid={invalid || undefined}>
      {pairs.length === 0 && <p className="hint">{t('goals.picker.allRows')}</p>}
      {pairs.map(([column, values], i) => (
        <FilterRow
          key={column || i}
          id={`${id}-${i}`}
          table={table}
          column={column}
          values={values}
          columns={[column, ...free]}
          onChange={(c, v) => write(pairs.map((p, j) => (j === i ? [c, v] : p)))}
          onRemove={() => write(pairs.filter((_, j) => j !== i))}
        />
      ))}
      {free.length > 0 && (
        <button type="button" className="link-button" onClick={() => write([...pairs, [free[0], []]])} data-testid="filter-add">
          {t('goals.picker.addCondition')}
        </button>
      )}
    </div>
  );
}

function FilterRow({ id, table, column, values, columns, onChange, onRemove }: {
  id: string; table: Dataset; column: string; values: string[]; columns: string[];
  onChange: (column: string, values: string[]) => void; onRemove: () => void;
}) {
  const { t } = useTranslation();
  const known = FILTER_COLUMNS[table].includes(column);
  // Not the last column's values while this column's are read: a place could be picked as a category.
  const options = useRows<{ value: string; n: number }>(known ? columnValuesSql(table, column) : null, { keepPrevious: false }) ?? [];
  // A value already in the goal stays choosable even when the data no longer holds it.
  const all = [...values.filter((v) => !options.some((o) => o.value === v)).map((value) => ({ value, n: 0 })), ...options];
  return (
    <div className="goal-picker-row">
      <label htmlFor={`${id}-column`}>{t('goals.picker.column')}</label>
      <select id={`${id}-column`} value={column} onChange={(e) => onChange(e.target.value, [])}>
        {columns.map((c) => <option key={c} value={c}>{t(`goals.picker.column_${c}`, { defaultValue: c })}</option>)}
      </select>
      <label htmlFor={`${id}-values`}>{t('goals.picker.values')}</label>
      <select id={`${id}-values`} multiple size={Math.min(6, Math.max(2, all.length))} value={values}
        onChange={(e) => onChange(column, [...e.target.selectedOptions].map((o) => o.value))} data-testid="filter-values">
        {all.map((o) => <option key={o.value} value={o.value}>{o.value}</option>)}
      </select>
      <button type="button" className="link-button" onClick={onRemove}>{t('goals.picker.remove')}</button>
    </div>
  );
}

/** The measure as kind + column/days: antal, summa av, antal olika, regelbundenhet. */
export function MeasurePicker({ dataset, value, onChange, invalid }: { dataset: string; value: string; onChange: (text: string) => void; invalid?: boolean }) {
  const { t } = useTranslation();
  const id = useId();
  const table: Dataset = dataset === 'interventions' ? 'interventions' : 'incidents';
  const columns = useRows<{ column_name: string; data_type: string }>(columnsOfSql(table), { keepPrevious: false }) ?? [];
  const measure = parseMeasure(value) ?? { kind: 'count' as const };
  const numeric = columns.filter((c) => NUMERIC.test(c.data_type) && !NOT_MEASURES.has(c.column_name)).map((c) => c.column_name);
  const text = FILTER_COLUMNS[table].concat(['id']);
  const setKind = (kind: string) => onChange(kind === 'count' ? 'count' : kind === 'cadence' ? 'cadence:7' : `${kind}:${(kind === 'sum' ? numeric : text)[0] ?? ''}`);
  return (
    <div className="goal-picker" data-testid="measure-picker" aria-invalid={invalid || undefined}>
      <label htmlFor={`${id}-kind`}>{t('goals.picker.measureKind')}</label>
      <select id={`${id}-kind`} value={measure.kind} onChange={(e) => setKind(e.target.value)} data-testid="measure-kind">
        {(['count', 'sum', 'distinct', 'cadence'] as const).map((k) => <option key={k} value={k}>{t(`goals.picker.measure_${k}`)}</option>)}
      </select>
      {(measure.kind === 'sum' || measure.kind === 'distinct') && (
        <>
          <label htmlFor={`${id}-column`}>{t('goals.picker.measureColumn')}</label>
          <select id={`${id}-column`} value={measure.column} onChange={(e) => onChange(`${measure.kind}:${e.target.value}`)} data-testid="measure-column">
            {[...new Set([measure.column, ...(measure.kind === 'sum' ? numeric : text)])].filter(Boolean).map((c) => <option key={c} value={c}>{t(`goals.picker.column_${c}`, { defaultValue: c })}</option>)}
          </select>
        </>
      )}
      {measure.kind === 'cadence' && (
        <>
          <label htmlFor={`${id}-days`}>{t('goals.picker.cadenceDays')}</label>
          <input id={`${id}-days`} type="number" min={1} max={366} value={measure.days} onChange={(e) => onChange(`cadence:${Math.max(1, Math.floor(Number(e.target.value) || 1))}`)} />
        </>
      )}
    </div>
  );
}

import { useTranslation } from 'react-i18next';
import { incidentSelection, removeClause, resetAllFilters } from '../data/selections';
import { useSelectionClauses } from '../hooks/use-selection-clauses';
import { chipsFromClauses } from '../lib/filter-chips';
import { useLanguage } from '../lib/i18n/i18n';

/** The active filters as removable chips; every view answers to them. */
export function FilterChips() {
  const { t } = useTranslation();
  const language = useLanguage();
  const chips = chipsFromClauses(useSelectionClauses(incidentSelection), language);
  return (
    <div className="filter-chips" role="region" aria-label={t('filters.active')} data-testid="filter-chips">
      {chips.length === 0 ? (
        <span className="hint">{t('filters.none')}</span>
      ) : (
        <>
          <ul>
            {chips.map((chip, i) => (
              <li key={i} className="chip">
                <span className="chip-kind">{chip.kind === 'period' ? t('filters.period') : chip.kind === 'category' ? t('filters.category') : ''}</span>
                <span className="chip-label">{chip.label}</span>
                <button type="button" aria-label={t('filters.remove', { label: chip.label })} onClick={() => removeClause(chip.clause)}>×</button>
              </li>
            ))}
          </ul>
          <button type="button" className="link-button" onClick={resetAllFilters}>{t('filters.resetAll')}</button>
        </>
      )}
    </div>
  );
}

import { useTranslation } from 'react-i18next';
import { resetAllFilters, setFilter } from '../data/selections';
import { useFilterState } from '../hooks/use-filter-state';
import { chipsFromState } from '../lib/filter-chips';
import { useLanguage } from '../lib/i18n/i18n';

/** The active filters as removable chips; every view answers to them. */
export function FilterChips() {
  const { t } = useTranslation();
  const language = useLanguage();
  const chips = chipsFromState(useFilterState(), language);
  return (
    <div className="filter-chips" role="region" aria-label={t('filters.active')} data-testid="filter-chips">
      {chips.length === 0 ? (
        <span className="hint">{t('filters.none')}</span>
      ) : (
        <>
          <ul>
            {chips.map((chip) => (
              <li key={chip.name} className="chip" data-filter={chip.name}>
                <span className="chip-kind">{t(`filters.${chip.name}`)}</span>
                <span className="chip-label">{chip.label}</span>
                <button type="button" aria-label={t('filters.remove', { label: chip.label })} onClick={() => setFilter(chip.name, undefined)}>×</button>
              </li>
            ))}
          </ul>
          <button type="button" className="link-button" onClick={resetAllFilters}>{t('filters.resetAll')}</button>
        </>
      )}
    </div>
  );
}

import { useTranslation } from 'react-i18next';
import { resetAllFilters, setFilter } from '../data/selections';
import { useFilterState } from '../hooks/use-filter-state';
import { useDatabase } from '../hooks/use-database';
import { useRows } from '../hooks/use-rows';
import { AREA_KEYS, areaNameFoundSql } from '../data/areas.query';
import { categoryFoundSql } from '../data/categories.query';
import { formatCount } from '../lib/format';
import { chipsFromState } from '../lib/filter-chips';
import { useDisclosure } from '../lib/disclosure/disclosure-store';
import { useLanguage } from '../lib/i18n/i18n';
import { sourceLabel } from '../lib/source-label';

/** The active filters as removable chips; every view answers to them. */
export function FilterChips() {
  const { t } = useTranslation();
  const language = useLanguage();
  const state = useFilterState();
  const chips = chipsFromState(state, language);
  const { database } = useDatabase();
  const { rule } = useDisclosure();
  const sources = database.sources;
  // An area filter naming a kind no loaded area has (a link from another data set, or the kind was undone): the
  // views show 0, so the chip says why.
  const areaKeys = useRows<{ name: string; kind: string | null }>(AREA_KEYS);
  const chosen = state.area;
  // A bare name (an old link) matches that name in any kind and the rows' own area: a note only when nothing has it.
  // Not the last name's answer while this one's is read (it said "not in the data" of a name that is, for a moment).
  // An area without a kind may also be only the rows' own (a file's area column, no boundary loaded): it is in the
  // data though no boundary has it (the chip said "inget sådant område är inläst" of a tester's Skärholmen, 327 rows).
  const shapeFound = chosen?.kind !== undefined && areaKeys !== undefined && areaKeys.some((k) => k.name === chosen.name && (k.kind ?? '') === chosen.kind);
  const askByName = chosen !== undefined && (chosen.kind === undefined || (chosen.kind === '' && areaKeys !== undefined && !shapeFound));
  const bareNameFound = useRows<{ found: boolean }>(askByName ? areaNameFoundSql(chosen.name) : null, { keepPrevious: false });
  const areaNotLoaded = chosen !== undefined && (askByName ? bareNameFound?.[0]?.found === false : areaKeys !== undefined && !shapeFound);
  // A bare name two loaded kinds share (Stockholm the kommun and the län, from `?omrade=Stockholm`): the views count
  // both together — the län's rows — so the chip names the kinds and offers each (a tester read the län's count as
  // the kommun's).
  const kindsOfBareName = chosen !== undefined && chosen.kind === undefined && areaKeys !== undefined
    ? [...new Set(areaKeys.filter((k) => k.name === chosen.name).map((k) => k.kind ?? ''))].sort()
    : [];
  // Likewise a category no incident has (a misspelt or foreign link): every count is 0 because of the link.
  // Public view asks for k of them and says "fewer than k, perhaps none": the note must not tell 0 from 1–4.
  const categoryFound = useRows<{ found: boolean }>(state.category !== undefined ? categoryFoundSql(state.category, rule?.k ?? 1) : null, { keepPrevious: false });
  const categoryNotFound = state.category !== undefined && categoryFound?.[0]?.found === false;
  // And a source no loaded row has (the sources listed are every source in the data).
  const sourceNotFound = state.source !== undefined && !sources.some((s) => s.source === state.source);
  // With more than one source the views mix them unless one is chosen: the choice is always in sight.
  const sourcePicker = sources.length > 1 || state.source !== undefined ? (
    <label className="source-filter">
      {t('filters.source')}{' '}
      <select value={state.source ?? ''} onChange={(e) => setFilter('source', e.target.value || undefined)} data-testid="source-filter">
        <option value="">{t('filters.allSources', { count: sources.length })}</option>
        {/* Public view: no counts here — a source of 3 rows beside the page's total is a small count shown. */}
        {sources.map((s) => <option key={s.source} value={s.source}>{rule ? sourceLabel(s.source, t) : `${sourceLabel(s.source, t)} (${formatCount(s.incidents + s.interventions, language)})`}</option>)}
        {state.source !== undefined && !sources.some((s) => s.source === state.source) && <option value={state.source}>{sourceLabel(state.source, t)}</option>}
      </select>
    </label>
  ) : null;
  return (
    <div className="filter-chips" role="region" aria-label={t('filters.active')} data-testid="filter-chips">
      {sourcePicker}
      {chips.length === 0 ? (
        <span className="hint">{t('filters.none')}</span>
      ) : (
        <>
          <ul>
            {chips.map((chip) => (
              <li key={chip.name} className="chip" data-filter={chip.name}>
                <span className="chip-kind">{t(`filters.${chip.name}`)}</span>
                <span className="chip-label">{chip.name === 'source' && state.source !== undefined ? sourceLabel(state.source, t) : chip.label}</span>
                {chip.name === 'area' && areaNotLoaded && <span className="chip-note" data-testid="area-not-loaded"> ({t('filters.areaNotLoaded')})</span>}
                {chip.name === 'area' && chosen !== undefined && kindsOfBareName.length > 1 && (
                  <span className="chip-note" data-testid="area-kinds-mixed">
                    {' '}({t('filters.areaKindsMixed', { kinds: kindsOfBareName.map((k) => k || t('filters.noKind')).join(', ') })}{' '}
                    {kindsOfBareName.map((k) => (
                      <button key={k} type="button" className="link-button" onClick={() => setFilter('area', { name: chosen.name, kind: k })}>
                        {t('filters.onlyKind', { kind: k || t('filters.noKind') })}
                      </button>
                    ))})
                  </span>
                )}
                {chip.name === 'category' && categoryNotFound && <span className="chip-note" data-testid="category-not-found"> ({rule ? t('filters.categoryFewPublic', { k: rule.k }) : t('filters.categoryNotFound')})</span>}
                {chip.name === 'source' && sourceNotFound && <span className="chip-note" data-testid="source-not-found"> ({t('filters.sourceNotFound')})</span>}
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

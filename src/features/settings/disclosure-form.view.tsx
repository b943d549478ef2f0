// Inställningar → Publik visning: the switch and the threshold k.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_K, MIN_K, setPublicMode, useStoredDisclosure } from '../../lib/disclosure/disclosure-store';

export function DisclosureForm() {
  const { t } = useTranslation();
  const { rule, k } = useStoredDisclosure();
  const id = useId();
  return (
    <section>
      <h2>{t('disclosure.settingsTitle')}</h2>
      <p className="hint">{t('disclosure.settingsHelp')}</p>
      <div className="settings-row">
        <label className="checkbox">
          <input type="checkbox" checked={rule !== null} onChange={(e) => setPublicMode(e.target.checked, k)} data-testid="public-enable" />
          {t('disclosure.enable')}
        </label>
        <label htmlFor={id}>{t('disclosure.threshold')}</label>
        <input id={id} type="number" min={MIN_K} max={MAX_K} step={1} value={k} onChange={(e) => setPublicMode(rule !== null, Number(e.target.value))} data-testid="public-k" />
      </div>
    </section>
  );
}

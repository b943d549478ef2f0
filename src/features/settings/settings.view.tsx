import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../components/language-switch';
import { Page } from '../../components/page';
import { useDatabase } from '../../hooks/use-database';
import { formatCount } from '../../lib/format';
import { useDisclosure } from '../../lib/disclosure/disclosure-store';
import { formatLoneCount } from '../../lib/disclosure/format-count';
import { useLanguage } from '../../lib/i18n/i18n';
import { DisclosureForm } from './disclosure-form.view';
import { BasemapFileForm } from './basemap-file-form.view';
import { TileSourceForm } from './tile-source-form.view';

export function SettingsPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { database, replace } = useDatabase();
  const [busy, setBusy] = useState(false);
  const { rule } = useDisclosure();

  const clearAll = async () => {
    if (!window.confirm(t('settings.clearConfirm'))) return;
    setBusy(true);
    await database.clearAll();
  };
  const reloadExample = async () => {
    setBusy(true);
    try {
      replace(await database.reloadExample());
    } finally {
      setBusy(false);
    }
  };

  return (
    <Page title={t('pages.settings')}>
      <section>
        <h2>{t('settings.languageHeading')}</h2>
        <LanguageSwitch />
      </section>
      <section>
        <h2>{t('settings.dataHeading')}</h2>
        <dl className="facts">
          <dt>{t('settings.storage')}</dt>
          <dd data-testid="storage-mode">{database.storage === 'opfs' ? t('settings.storageOpfs') : t('settings.storageMemory')}</dd>
          <dt>{t('settings.datasetLabel')}</dt>
          <dd data-testid="dataset">{database.meta.dataset === 'example' ? t('dataset.example') : t('dataset.user')}</dd>
          <dt>{t('settings.loadedAt')}</dt>
          <dd data-testid="loaded-at" data-not-count="">{database.meta.loaded_at ? new Date(database.meta.loaded_at).toLocaleString(language === 'sv' ? 'sv-SE' : 'en-GB') : '–'}</dd>
          <dt>{t('settings.tables')}</dt>
          <dd>
            <ul className="plain">
              {Object.entries(database.counts).map(([name, n]) => (
                <li key={name}>{t(`settings.tableNames.${name}`)} ({t('settings.tableWord')} <code>{name}</code>): <span data-testid={`count-${name}`}>{name === 'incidents' || name === 'interventions' ? formatLoneCount(n, database.countKeys[name as keyof typeof database.countKeys], rule, language) : formatCount(n, language)}</span></li>
              ))}
            </ul>
          </dd>
        </dl>
        <div className="actions">
          <button type="button" onClick={reloadExample} disabled={busy}>{t('settings.reloadExample')}</button>
          <button type="button" className="danger" onClick={clearAll} disabled={busy} data-testid="clear-all">
            {busy ? t('settings.clearing') : t('settings.clearAll')}
          </button>
        </div>
      </section>
      <DisclosureForm />
      <BasemapFileForm />
      <TileSourceForm />
    </Page>
  );
}

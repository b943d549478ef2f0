import { useTranslation } from 'react-i18next';
import { Page } from '../../components/page';

/** A page a later issue fills in; the navigation, title and data banner are already real. */
export function PlaceholderPage({ titleKey, descriptionKey }: { titleKey: string; descriptionKey: string }) {
  const { t } = useTranslation();
  return (
    <Page title={t(titleKey)}>
      <p className="lead">{t(descriptionKey)}</p>
      <p className="hint">{t('placeholder.comingSoon')}</p>
    </Page>
  );
}

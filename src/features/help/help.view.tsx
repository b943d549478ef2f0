import { useTranslation } from 'react-i18next';
import { Page } from '../../components/page';

export function HelpPage() {
  const { t } = useTranslation();
  const sections = ['privacy', 'example', 'import', 'sources', 'filters', 'map', 'trends', 'goals', 'lagesbild', 'public', 'weeks', 'keyboard'] as const;
  return (
    <Page title={t('pages.help')}>
      <p className="lead">{t('help.intro')}</p>
      {sections.map((s) => (
        <section key={s}>
          <h2>{t(`help.${s}Heading`)}</h2>
          <p>{t(`help.${s}`)}</p>
        </section>
      ))}
    </Page>
  );
}

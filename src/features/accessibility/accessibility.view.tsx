// Tillgänglighetsredogörelse: the accessibility statement DOS-lagen (2018:1937) asks every public digital
// service to publish, following Digg's outline: status, known gaps, how it was tested, feedback, supervision.
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/page';

export function AccessibilityPage() {
  const { t } = useTranslation();
  const gaps = t('accessibility.gaps', { returnObjects: true }) as string[];
  return (
    <Page title={t('accessibility.title')}>
      <p className="lead">{t('accessibility.intro')}</p>
      <section>
        <h2>{t('accessibility.statusHeading')}</h2>
        <p>{t('accessibility.status')}</p>
      </section>
      <section>
        <h2>{t('accessibility.gapsHeading')}</h2>
        <ul>{gaps.map((g) => <li key={g}>{g}</li>)}</ul>
      </section>
      {(['tested', 'feedback', 'supervision'] as const).map((s) => (
        <section key={s}>
          <h2>{t(`accessibility.${s}Heading`)}</h2>
          <p>{t(`accessibility.${s}`)}</p>
        </section>
      ))}
      <p className="hint">{t('accessibility.updated')}</p>
    </Page>
  );
}

import { useTranslation } from 'react-i18next';
import { useDatabase } from '../hooks/use-database';
import { useRefusedFilterParams } from './filter-url';

/** Says, on every page, whether the numbers are invented, and whether they are being kept. */
export function DatasetBanner() {
  const { t } = useTranslation();
  const { database } = useDatabase();
  const refused = useRefusedFilterParams();
  return (
    <>
      {refused.length > 0 && (
        <p className="banner banner-warning" role="alert" data-testid="refused-filter">{t('errors.refusedFilter', { params: refused.join(', ') })}</p>
      )}
      {database.meta.dataset === 'example' && (
        <p className="banner banner-example" data-testid="example-banner">{t('dataset.example')}</p>
      )}
      {database.storageProblem === 'other-tab' && <p className="banner banner-warning" role="alert">{t('engine.otherTab')}</p>}
      {database.storageProblem && database.storageProblem !== 'other-tab' && (
        <p className="banner banner-warning" role="alert">{t('engine.memoryOnly', { reason: database.storageProblem })}</p>
      )}
    </>
  );
}

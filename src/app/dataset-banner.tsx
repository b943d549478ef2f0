import { useTranslation } from 'react-i18next';
import { useDatabase } from '../hooks/use-database';
import { dismissLinkDataMismatch, useLinkDataMismatch, useRefusedFilterParams } from './filter-url';
import { useDataFingerprint } from './use-data-fingerprint';

/**
 * Says, on every page, whether the numbers are invented, whether they are being kept, and whether the link that opened
 * the page was made on other data (its filters apply, its sender's counts do not).
 */
export function DatasetBanner() {
  const { t } = useTranslation();
  const { database } = useDatabase();
  const refused = useRefusedFilterParams();
  useDataFingerprint();
  const otherData = useLinkDataMismatch();
  return (
    <>
      {otherData && (
        <p className="banner banner-warning" role="alert" data-testid="link-other-data">
          {t('dataset.linkOtherData')}{' '}
          <button type="button" className="link-button" onClick={dismissLinkDataMismatch}>{t('dataset.dismiss')}</button>
        </p>
      )}
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

// "Publik visning" in the header, on every page: one press hides every count below k everywhere. The state is
// visible at all times (the button says on or off), so nobody presents the analyst's view by mistake.
import { useTranslation } from 'react-i18next';
import { setPublicMode, useStoredDisclosure } from '../lib/disclosure/disclosure-store';

export function PublicSwitch() {
  const { t } = useTranslation();
  const { rule, k } = useStoredDisclosure();
  return (
    <button type="button" className="public-switch" aria-pressed={rule !== null} onClick={() => setPublicMode(rule === null)} data-testid="public-switch">
      {rule ? t('disclosure.on', { k }) : t('disclosure.off')}
    </button>
  );
}

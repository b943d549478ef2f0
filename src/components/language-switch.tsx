import { useTranslation } from 'react-i18next';
import { writeSetting } from '../data/settings-store';
import type { Language } from '../lib/format';
import { LANGUAGES, setLanguage, useLanguage } from '../lib/i18n/i18n';

/** Svenska / English, remembered across visits. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const language = useLanguage();
  const choose = (l: Language) => {
    setLanguage(l);
    writeSetting('language', l);
  };
  return (
    <div className="language-switch" role="group" aria-label={t('app.language')}>
      {LANGUAGES.map((l) => (
        <button key={l} type="button" lang={l} aria-pressed={language === l} onClick={() => choose(l)}>
          {l === 'sv' ? 'Svenska' : 'English'}
        </button>
      ))}
    </div>
  );
}

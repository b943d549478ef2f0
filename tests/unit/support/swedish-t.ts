// The app's Swedish texts as a t function, for tests of what a report or view writes (a fresh i18next instance, so
// tests in one file share no language state).
import i18next, { type TFunction } from 'i18next';
import { en } from '../../../src/lib/i18n/en';
import { sv } from '../../../src/lib/i18n/sv';

/** `language`: 'sv' (default) or 'en'. */
export async function reportT(language: 'sv' | 'en' = 'sv'): Promise<TFunction> {
  const i18n = i18next.createInstance();
  await i18n.init({ lng: language, resources: { sv: { translation: sv }, en: { translation: en } }, interpolation: { escapeValue: false } });
  return i18n.t;
}

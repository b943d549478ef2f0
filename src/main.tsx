import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { readSetting } from './data/settings-store';
import { initI18n } from './lib/i18n/i18n';
import './styles.css';

initI18n(readSetting('language') === 'en' ? 'en' : 'sv');

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

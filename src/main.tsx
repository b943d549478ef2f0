// First: DuckDB's worker starts compiling its 34 MB wasm while the rest of the app's code loads (early-start.ts).
import './early-start';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { keepHashQueriesMoved } from './app/hash-query';
import { startDatabase } from './app/database-provider';
import { readSetting } from './data/settings-store';
import { initI18n } from './lib/i18n/i18n';
import './styles.css';

initI18n(readSetting('language') === 'en' ? 'en' : 'sv');
keepHashQueriesMoved();
// DuckDB's start (worker, 34 MB wasm) is the longest part of a first view: begin it before the first render.
void startDatabase().catch(() => {}); // a failure is shown by the app's start screen, which asks again

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

// Imported first by main.tsx, so that it runs before React and the app's modules are evaluated (imports are hoisted:
// a call in main.tsx's body would wait for all of them). DuckDB's worker starts compiling its wasm now.
import { prestartEngineWorker } from './data/engine-worker';

prestartEngineWorker();

// Starts the database once per tab, shows where start-up is, and offers a retry when it fails.
// The data layer is imported lazily so the shell paints before DuckDB's 34 MB wasm arrives.
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Database, StartPhase } from '../data/database';
import { DatabaseContext } from '../hooks/use-database';

type State = { phase: StartPhase } | { phase: 'ready'; database: Database } | { phase: 'failed'; error: Error } | { phase: 'crashed'; message: string };

let opening: Promise<Database> | null = null;
// Start-up's phase, kept here so the start can begin before React has rendered anything (startDatabase in main.tsx).
let phase: StartPhase = 'starting';
const phaseListeners = new Set<(p: StartPhase) => void>();

/**
 * Starts the database once per tab (again after a failure). main.tsx calls it before the first render, so DuckDB's
 * worker and wasm are on their way while React draws the shell.
 */
export function startDatabase(): Promise<Database> {
  if (!opening) {
    phase = 'starting';
    opening = import('../data/database').then((m) => m.openDatabase((p) => {
      phase = p;
      for (const listener of phaseListeners) listener(p);
    }));
  }
  return opening;
}

export function useDatabaseStart() {
  const [state, setState] = useState<State>({ phase });
  const start = useCallback(() => {
    const listener = (p: StartPhase) => setState((s) => (s.phase === 'ready' || s.phase === 'failed' || s.phase === 'crashed' ? s : { phase: p }));
    phaseListeners.add(listener);
    const opened = startDatabase();
    setState({ phase });
    opened.finally(() => phaseListeners.delete(listener)).then(
      (database) => setState({ phase: 'ready', database }),
      (error: Error) => {
        opening = null;
        setState({ phase: 'failed', error });
      },
    );
  }, []);
  useEffect(start, [start]);
  // DuckDB's worker can die under the page (out of memory, a wasm trap): an uncaught error in it means its state
  // is unknown. Say so and offer a restart; the stored database file is untouched by the crash.
  // DuckDB can also give up on the database without the worker dying (a FATAL error, e.g. a checkpoint that could
  // not be written to a full disk): every later query would fail, so that is a crash too.
  const worker = state.phase === 'ready' ? state.database.worker : null;
  const fatalErrors = state.phase === 'ready' ? state.database.fatalErrors : null;
  useEffect(() => {
    if (!worker || !fatalErrors) return;
    const crashed = (event: Event) => setState({ phase: 'crashed', message: (event as ErrorEvent).message || 'worker error' });
    worker.addEventListener('error', crashed);
    fatalErrors.addEventListener('fatal', crashed);
    return () => {
      worker.removeEventListener('error', crashed);
      fatalErrors.removeEventListener('fatal', crashed);
    };
  }, [worker, fatalErrors]);
  return { state, setState, retry: start };
}

export function DatabaseGate({ start, children }: { start: ReturnType<typeof useDatabaseStart>; children: ReactNode }) {
  const { t } = useTranslation();
  const { state, setState, retry } = start;
  const value = useMemo(
    () => (state.phase === 'ready' ? { database: state.database, replace: (database: Database) => setState({ phase: 'ready', database }) } : null),
    [state, setState],
  );
  if (state.phase === 'crashed') {
    return (
      <div role="alert" className="engine-status error" data-testid="engine-crashed">
        {/* A full disk (public/duckdb-worker.js reports it as "No space available") can end in a FATAL error: say that plainly. */}
        <p>{/No space available|QuotaExceeded|quota/i.test(state.message) ? t('importer.storageFull') : t('engine.crashed')}</p>
        <pre>{state.message}</pre>
        <button type="button" className="primary" onClick={() => location.reload()}>{t('engine.restart')}</button>
      </div>
    );
  }
  if (state.phase === 'failed') {
    return (
      <div role="alert" className="engine-status error">
        <p>{t('engine.failed')}</p>
        <pre>{state.error.message}</pre>
        <button type="button" onClick={retry}>{t('engine.retry')}</button>
      </div>
    );
  }
  if (!value) {
    return (
      <div role="status" className="engine-status" data-testid="engine-status">
        <span className="spinner" aria-hidden="true" />
        {state.phase === 'loading-example' ? t('engine.loadingExample') : t('engine.starting')}
      </div>
    );
  }
  return <DatabaseContext.Provider value={value}>{children}</DatabaseContext.Provider>;
}

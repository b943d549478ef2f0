import { createContext, useContext } from 'react';
import type { Database } from '../data/database';

export interface DatabaseContextValue {
  database: Database;
  /** Swap in the database after a change (import, reload of the example) so counts and labels update. */
  replace(next: Database): void;
}

export const DatabaseContext = createContext<DatabaseContextValue | null>(null);

export function useDatabase(): DatabaseContextValue {
  const value = useContext(DatabaseContext);
  if (!value) throw new Error('useDatabase outside <DatabaseProvider>');
  return value;
}

import { useEffect, useState } from 'react';
import { onBasemapChange, readBasemapFile, type StoredBasemap } from '../data/basemap-file';

/**
 * The basemap file the user added (null while reading, when none was added, or when it can't be read — the map
 * then draws the packaged basemap). Follows additions and removals made in Inställningar.
 */
export function useStoredBasemap(): { basemap: StoredBasemap | null; problem: string | null } {
  const [state, setState] = useState<{ basemap: StoredBasemap | null; problem: string | null }>({ basemap: null, problem: null });
  useEffect(() => {
    let live = true;
    const load = () => readBasemapFile().then(
      (basemap) => live && setState({ basemap, problem: null }),
      (error: Error) => live && setState({ basemap: null, problem: error.message }),
    );
    void load();
    const stop = onBasemapChange(() => void load());
    return () => {
      live = false;
      stop();
    };
  }, []);
  return state;
}

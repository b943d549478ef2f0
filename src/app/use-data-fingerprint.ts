// Reads the loaded data's fingerprint (data/data-fingerprint.ts) once the first views have their answers, and again
// after each change of data (an import or undo swaps the database object), for the address and the link check.
import { useEffect } from 'react';
import { readDataFingerprint } from '../data/data-fingerprint';
import { useDatabase } from '../hooks/use-database';
import { setDataFingerprint } from './filter-url';

export function useDataFingerprint(): void {
  const { database } = useDatabase();
  useEffect(() => {
    let live = true;
    readDataFingerprint(database)
      .then((fingerprint) => { if (live && fingerprint) setDataFingerprint(fingerprint); })
      // Without a fingerprint the address carries none and no link is judged: nothing else depends on it.
      .catch((error) => console.warn('The data fingerprint could not be read', error));
    return () => { live = false; };
  }, [database]);
}

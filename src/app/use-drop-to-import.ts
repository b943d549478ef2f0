// Files dropped on any page but Importera go to Importera as cards (its own page takes drops itself): without this
// the browser opened a dropped file in place of the app.
import { useEffect } from 'react';
import { useLocation } from 'wouter';
import { dropFilesForImport } from '../features/importer/import-entries.store';

export function useDropToImport(): void {
  const [location, navigate] = useLocation();
  useEffect(() => {
    if (location === '/importera') return;
    const carriesFiles = (e: DragEvent) => Boolean(e.dataTransfer?.types.includes('Files'));
    const over = (e: DragEvent) => { if (carriesFiles(e)) e.preventDefault(); };
    const drop = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      const files = [...(e.dataTransfer?.files ?? [])];
      if (!files.length) return;
      dropFilesForImport(files);
      navigate('/importera');
    };
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
    };
  }, [location, navigate]);
}

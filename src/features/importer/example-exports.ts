// The example's data the way real exports look (written by scripts/generate-example.mjs), offered on the
// import page as "try with example files". Fetched only when the user asks.
import policeUrl from '../../../data/exports/polisen-anmalda-brott.csv?url';
import municipalityUrl from '../../../data/exports/kommunen-aktiviteter.csv?url';

export const EXAMPLE_EXPORTS = [
  { labelKey: 'importer.examplePolice', url: policeUrl, name: 'polisen-anmalda-brott.csv' },
  { labelKey: 'importer.exampleMunicipality', url: municipalityUrl, name: 'kommunen-aktiviteter.csv' },
];

export async function fetchExampleExport(url: string, name: string): Promise<File> {
  const response = await fetch(url);
  return new File([await response.blob()], name, { type: 'text/csv' });
}

// The example's invented street map (written by scripts/generate-example.mjs), offered beside "add a street map" so
// a newcomer can see the Karta and the printed maps at street level offline. Fetched from the app's own origin, only
// when the user asks.
import exampleBasemapUrl from '../../../data/exports/exempelkommun-gator.pmtiles?url';

export const EXAMPLE_BASEMAP_NAME = 'exempelkommun-gator.pmtiles';

export async function fetchExampleBasemap(): Promise<File> {
  const response = await fetch(exampleBasemapUrl);
  if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
  return new File([await response.blob()], EXAMPLE_BASEMAP_NAME);
}

// The organisation's own raster tiles (optional): a URL template such as
// https://karta.example.se/tiles/{z}/{x}/{y}.png and its attribution. Nothing is fetched unless one is set, and
// the browser only allows the origin the app was built for (LAGESBILD_TILE_ORIGIN, see README).
/** The settings key the tile source is stored under (written by Inställningar, read by Karta). */
export const TILE_SETTING = 'map.tiles';

export interface TileSource {
  url: string;
  attribution: string;
}

export function tileSourceProblem(url: string): 'not-https' | 'placeholders' | null {
  let parsed: URL;
  try {
    parsed = new URL(url.replace(/\{[xyz]\}/g, '0'));
  } catch {
    return 'not-https';
  }
  if (parsed.protocol !== 'https:') return 'not-https';
  if (!['{z}', '{x}', '{y}'].every((p) => url.includes(p))) return 'placeholders';
  return null;
}

export function parseTileSource(stored: string | null): TileSource | null {
  if (!stored) return null;
  try {
    const v = JSON.parse(stored) as TileSource;
    return typeof v.url === 'string' && tileSourceProblem(v.url) === null ? { url: v.url, attribution: String(v.attribution ?? '') } : null;
  } catch {
    return null;
  }
}

// The street-level basemap the user added: one PMTiles file (e.g. an OpenStreetMap extract of the kommun), kept in
// this browser's private storage (OPFS) beside the database, read by MapLibre through the `pmtiles` library. Nothing
// is fetched from anywhere: tiles are read from the stored file.
import { FileSource, PMTiles, TileType } from 'pmtiles';
import { readSetting, writeSetting } from './settings-store';

/** The stored file's name in OPFS (one basemap at a time; adding another replaces it). */
export const BASEMAP_FILE = 'basemap.pmtiles';
/** Largest file accepted: a kommun or län extract is tens of MB; the whole of Sweden at street level is ~1–2 GB. */
export const MAX_BASEMAP_BYTES = 2 * 1024 ** 3;

export type BasemapKind = 'vector' | 'raster';

/** What the map needs to draw a stored basemap. `archive` reads tiles from the stored file. */
export interface StoredBasemap {
  archive: PMTiles;
  /** The key MapLibre's style uses (`pmtiles://<key>`). */
  key: string;
  kind: BasemapKind;
  /** The vector layers the file holds (its metadata's `vector_layers`), to style files of any schema. */
  vectorLayers: string[];
  /** The file's own attribution (metadata), as text — e.g. "© OpenStreetMap"; empty when the file names none. */
  attribution: string;
  name: string;
  bytes: number;
  minZoom: number;
  maxZoom: number;
  /** West, south, east, north in degrees (WGS 84). */
  bounds: [number, number, number, number];
}

export class BasemapFileError extends Error {
  constructor(readonly reason: 'not-pmtiles' | 'tile-type' | 'too-large' | 'no-storage' | 'truncated', detail?: string) {
    super(detail ?? reason);
  }
}

/**
 * Attribution holds HTML in the wild (`<a href=…>© OpenStreetMap</a>`): keep its text only — the map shows text.
 * Tags are dropped as text and entities decoded inside a <textarea> (its content is never parsed as elements): a
 * DOMParser document built the file's `<img onerror=…>` and Chrome reported it to the CSP on every load.
 */
function textOf(html: string): string {
  const stripped = html.replace(/<[^>]*>?/g, '');
  if (typeof document === 'undefined') return stripped.trim(); // outside a browser (unit tests): entities left
  const decoder = document.createElement('textarea');
  decoder.innerHTML = stripped;
  return decoder.value.replace(/<[^>]*>?/g, '').trim();
}

const RASTER = new Set([TileType.Png, TileType.Jpeg, TileType.Webp, TileType.Avif]);

/**
 * Read a PMTiles file's header and metadata and say how it will be drawn.
 * @throws BasemapFileError `not-pmtiles` (no PMTiles v3 header), `tile-type` (neither vector MVT nor raster images),
 *   `too-large` (over MAX_BASEMAP_BYTES).
 */
export async function describeBasemap(file: File): Promise<StoredBasemap> {
  if (file.size > MAX_BASEMAP_BYTES) throw new BasemapFileError('too-large');
  const archive = new PMTiles(new FileSource(file));
  let header;
  try {
    header = await archive.getHeader();
  } catch (error) {
    throw new BasemapFileError('not-pmtiles', error instanceof Error ? error.message : String(error));
  }
  // Only version 3 is read as written (the reader parses other version bytes without complaint, giving wrong tiles).
  if (header.specVersion !== 3) throw new BasemapFileError('not-pmtiles', `version ${header.specVersion}`);
  // A copy cut short keeps its header and index but loses tiles: the header says where the tiles end.
  if (header.tileDataLength !== undefined && header.tileDataOffset + header.tileDataLength > file.size) {
    throw new BasemapFileError('truncated', `${file.size} of ${header.tileDataOffset + header.tileDataLength} bytes`);
  }
  const kind: BasemapKind | null = header.tileType === TileType.Mvt ? 'vector' : RASTER.has(header.tileType) ? 'raster' : null;
  if (!kind) throw new BasemapFileError('tile-type', String(header.tileType));
  const metadata = (await archive.getMetadata().catch(() => null)) as { vector_layers?: { id?: unknown }[]; attribution?: unknown } | null;
  const vectorLayers = kind === 'vector' ? (metadata?.vector_layers ?? []).map((l) => l?.id).filter((id): id is string => typeof id === 'string') : [];
  const attribution = typeof metadata?.attribution === 'string' ? textOf(metadata.attribution) : '';
  return {
    archive,
    key: file.name,
    kind,
    vectorLayers,
    attribution,
    name: file.name,
    bytes: file.size,
    minZoom: header.minZoom,
    maxZoom: header.maxZoom,
    bounds: [header.minLon, header.minLat, header.maxLon, header.maxLat],
  };
}

async function storageRoot(): Promise<FileSystemDirectoryHandle | null> {
  if (!('storage' in navigator) || typeof navigator.storage.getDirectory !== 'function') return null;
  return navigator.storage.getDirectory();
}

/** The stored basemap, or null when none was added (or this browser has no private file storage). */
export async function readBasemapFile(): Promise<StoredBasemap | null> {
  const root = await storageRoot();
  if (!root) return null;
  try {
    const file = await (await root.getFileHandle(BASEMAP_FILE)).getFile();
    // The stored name is ours; the key shown to MapLibre keeps the file the user chose recognisable in errors.
    return await describeBasemap(new File([file], readStoredName() ?? BASEMAP_FILE, { type: file.type }));
  } catch (error) {
    if ((error as DOMException).name === 'NotFoundError') return null;
    throw error;
  }
}

// The name of the file the user chose (a setting, so "Rensa all data" removes it with the rest).
const NAME_SETTING = 'basemap.name';
const readStoredName = () => readSetting(NAME_SETTING) || null;

/**
 * Check `file` and store it as the basemap (replacing any earlier one). The file is checked before anything is
 * written, so a wrong file leaves the stored basemap as it was.
 * @throws BasemapFileError as describeBasemap, or `no-storage` when the browser has no private file storage.
 */
export async function storeBasemapFile(file: File): Promise<StoredBasemap> {
  const described = await describeBasemap(file);
  const root = await storageRoot();
  if (!root) throw new BasemapFileError('no-storage');
  const handle = await root.getFileHandle(`${BASEMAP_FILE}.new`, { create: true });
  const writable = await handle.createWritable();
  try {
    await file.stream().pipeTo(writable);
  } catch (error) {
    await root.removeEntry(`${BASEMAP_FILE}.new`).catch(() => undefined);
    throw error;
  }
  // Swap in the complete copy only now: a full disk mid-copy keeps the earlier basemap.
  await root.removeEntry(BASEMAP_FILE).catch(() => undefined);
  await (handle as FileSystemFileHandle & { move(name: string): Promise<void> }).move(BASEMAP_FILE);
  writeSetting(NAME_SETTING, file.name);
  notify();
  return described;
}

/** Remove the stored basemap; the map falls back to the packaged one. */
export async function removeBasemapFile(): Promise<void> {
  const root = await storageRoot();
  for (const name of [BASEMAP_FILE, `${BASEMAP_FILE}.new`]) {
    await root?.removeEntry(name).catch((error: DOMException) => {
      if (error.name !== 'NotFoundError') throw error;
    });
  }
  writeSetting(NAME_SETTING, '');
  notify();
}

const listeners = new Set<() => void>();
function notify() {
  for (const listener of listeners) listener();
}
/** Called after the stored basemap is added or removed; returns the unsubscribe function. */
export function onBasemapChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

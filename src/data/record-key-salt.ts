// The secret half of every record key (record-keys.query.ts): record key = hash(row key, salt) mod 256. Kept in
// localStorage, so the same incidents get the same keys — and public view the same noise — after a reload even where
// the database lives only in memory (no OPFS): with fresh random keys at each load, reloading would give a new
// sample of the noise every time, and enough of them averaged would give the exact count. Secret, so nobody who
// knows an export's ids can work out the keys. "Rensa all data" removes it with the other settings.
import { readSetting, writeSetting } from './settings-store';

const KEY = 'recordKeySalt';

/** This browser's salt (32 hex digits), made on first use. Without storage (Node, tests): one fixed salt per process. */
export function recordKeySalt(): string {
  const stored = readSetting(KEY);
  if (stored && /^[0-9a-f]{32}$/.test(stored)) return stored;
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  const salt = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  writeSetting(KEY, salt);
  return readSetting(KEY) ?? (fallback ??= salt);
}

let fallback: string | undefined;

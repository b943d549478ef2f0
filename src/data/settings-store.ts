// Small settings that must be readable before the database starts (the UI language) live in localStorage,
// under one prefix so "Rensa all data" can remove every key the app wrote.
const PREFIX = 'lagesbild.';

export function readSetting(key: string): string | null {
  try {
    return localStorage.getItem(PREFIX + key);
  } catch {
    return null;
  }
}

export function writeSetting(key: string, value: string): void {
  try {
    localStorage.setItem(PREFIX + key, value);
  } catch {
    // Storage full or disabled: the setting lasts for this visit only.
  }
}

export function clearStoredSettings(): void {
  try {
    for (const key of Object.keys(localStorage)) if (key.startsWith(PREFIX)) localStorage.removeItem(key);
  } catch {
    // Nothing stored.
  }
}

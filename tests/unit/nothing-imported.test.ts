// The card's message when no row of a file could be imported (features/importer/nothing-imported.ts), in both languages.
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { NothingToImportError } from '../../src/data/import/import-csv';
import { nothingImportedText } from '../../src/features/importer/nothing-imported';
import { en } from '../../src/lib/i18n/en';
import { sv } from '../../src/lib/i18n/sv';

async function translator(lng: 'sv' | 'en') {
  const instance = i18next.createInstance();
  await instance.init({ lng, resources: { sv: { translation: sv }, en: { translation: en } }, interpolation: { escapeValue: false } });
  return instance.t;
}

const error = new NothingToImportError(1234, [
  { line: 2, reason: 'too-many-columns', text: 'A1;2026-03-01;Stöld;x;y' },
  { line: 3, reason: 'bad-date', column: 'Datum', value: '2026-13-45', text: 'A2;2026-13-45;Stöld' },
  { line: 1001, reason: 'invalid-encoding' },
] as never);

describe('nothing imported: the message', () => {
  it('gives a whole-row fault with the row as read, a column fault with its column and value, never "kolumn –"', async () => {
    const text = nothingImportedText(error, await translator('sv'), 'sv');
    const lines = text.split('\n');
    expect(lines[0]).toContain('1\u00a0234');
    expect(lines.find((l) => l.startsWith('Rad 2:'))).toMatch(/– raden: A1;2026-03-01;Stöld;x;y$/);
    expect(lines.find((l) => l.startsWith('Rad 3:'))).toMatch(/– kolumn Datum: "2026-13-45"$/);
    const bare = lines.find((l) => l.startsWith('Rad 1\u00a0001:'));
    expect(bare).not.toContain('kolumn');
    expect(bare).not.toContain('raden:');
    expect(text).not.toContain('kolumn –');
    expect(text).not.toMatch(/importer\./); // every key exists
  });

  it('says the same in English', async () => {
    const text = nothingImportedText(error, await translator('en'), 'en');
    expect(text).toContain('Line 2:');
    expect(text).toContain('the line: A1;2026-03-01;Stöld;x;y');
    expect(text).toContain('column Datum: "2026-13-45"');
    expect(text).not.toMatch(/importer\./);
  });

  it('says a one-row file\'s row in the singular, in both languages (helper-56: "filens 1 rader")', async () => {
    const one = new NothingToImportError(1, [{ line: 2, reason: 'bad-date', column: 'Datum', value: 'x' }] as never);
    expect(nothingImportedText(one, await translator('sv'), 'sv').split('\n')[0]).toBe('Filens enda rad kunde inte importeras, så inget ersattes. Skälet:');
    // Three rows, one reason: "Skälet" (helper-58: "Skälen:" over one reason); three reasons: "Skälen".
    const same = new NothingToImportError(3, [2, 3, 4].map((line) => ({ line, reason: 'missing-date' })) as never);
    expect(nothingImportedText(same, await translator('sv'), 'sv').split('\n')[0]).toBe('Ingen av filens 3 rader kunde importeras, så inget ersattes. Skälet:');
    expect(nothingImportedText(error, await translator('sv'), 'sv').split('\n')[0]).toMatch(/Skälen:$/);
    expect(nothingImportedText(one, await translator('en'), 'en').split('\n')[0]).toBe('The file’s only row could not be imported, so nothing was replaced. The reason:');
  });

  it('says no reason word over no reasons (helper-59: "Skälen:" and nothing after)', async () => {
    const text = nothingImportedText(new NothingToImportError(1, []), await translator('sv'), 'sv');
    expect(text).toBe('Filens enda rad kunde inte importeras, så inget ersattes.');
  });
});

import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { en } from '../../src/lib/i18n/en';
import { sv } from '../../src/lib/i18n/sv';

function leaves(obj: object, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(obj)) {
    if (typeof v === 'string') out.set(prefix + k, v);
    else for (const [kk, vv] of leaves(v as object, `${prefix}${k}.`)) out.set(kk, vv);
  }
  return out;
}

describe('UI strings', () => {
  it('English has every Swedish key, none empty, with the same interpolations', () => {
    const s = leaves(sv);
    const e = leaves(en);
    expect([...e.keys()].sort()).toEqual([...s.keys()].sort());
    for (const [key, text] of s) {
      expect(text.trim(), key).not.toBe('');
      expect(e.get(key)!.trim(), key).not.toBe('');
      const vars = (t: string) => (t.match(/{{\w+}}/g) ?? []).sort();
      expect(vars(e.get(key)!), key).toEqual(vars(text));
    }
  });

  it('says one incident in the singular, in both languages (a tester read "1 händelser" on Översikt)', async () => {
    const i18n = i18next.createInstance();
    await i18n.init({ resources: { sv: { translation: sv }, en: { translation: en } }, lng: 'sv', interpolation: { escapeValue: false } });
    const args = { week: 'v. 46', current: '1', previous: '3', previousWeek: 'v. 45' };
    expect(i18n.t('overview.latestWeek', { ...args, count: 1 })).toBe('Senaste hela vecka, v. 46: 1 händelse, mot 3 veckan före (v. 45)');
    expect(i18n.t('overview.latestWeek', { ...args, count: 2, current: '2' })).toContain('2 händelser,');
    expect(i18n.t('overview.latestWeek', { ...args, count: 1, lng: 'en' })).toContain('1 incident,');
  });
});

describe('source names', () => {
  it('name the example’s source in the page’s language and every other source as stored', async () => {
    const { sourceLabel, EXAMPLE_SOURCE } = await import('../../src/lib/source-label');
    const { EXAMPLE_SOURCE: written } = await import('../../src/data/example-load');
    expect(written).toBe(EXAMPLE_SOURCE);
    for (const [lng, translation, expected] of [['sv', sv, 'Exempelkommun (påhittad)'], ['en', en, 'Exempelkommun (invented)']] as const) {
      const i18n = i18next.createInstance();
      await i18n.init({ lng, resources: { [lng]: { translation } } });
      const t = i18n.t.bind(i18n) as (key: string) => string;
      expect(sourceLabel(EXAMPLE_SOURCE, t)).toBe(expected);
      expect(sourceLabel('Polisens händelser', t)).toBe('Polisens händelser');
      expect(sourceLabel('<b>rapport.csv</b>', t)).toBe('<b>rapport.csv</b>');
    }
  });
});

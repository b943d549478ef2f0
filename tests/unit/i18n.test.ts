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

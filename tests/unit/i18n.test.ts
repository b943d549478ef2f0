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
});

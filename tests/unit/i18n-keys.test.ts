// Every literal key the code asks for exists in the Swedish strings (the English ones have the same keys:
// i18n.test.ts) — a missing key shows as "lagesbild.developmentLabel" on screen. A key that only exists in plural
// forms (_one/_other) must be asked with a `count`, or i18next shows the key.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sv } from '../../src/lib/i18n/sv';

function leaves(obj: object, prefix = '', out = new Set<string>()): Set<string> {
  for (const [k, v] of Object.entries(obj)) {
    out.add(prefix + k);
    if (typeof v !== 'string') leaves(v as object, `${prefix}${k}.`, out);
  }
  return out;
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('UI string keys in the code', () => {
  it('exist, and plural-only keys are asked with a count', () => {
    const keys = leaves(sv);
    const missing: string[] = [];
    const withoutCount: string[] = [];
    for (const file of sources(join(__dirname, '../../src'))) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\bt\(\s*'([A-Za-z0-9_.]+)'(\s*,\s*\{[^}]*\})?/g)) {
        const key = m[1];
        if (keys.has(key)) continue;
        if (keys.has(`${key}_one`) && keys.has(`${key}_other`)) {
          if (!/\bcount\b/.test(m[2] ?? '')) withoutCount.push(`${file.split('/src/')[1]}: ${key}`);
          continue;
        }
        missing.push(`${file.split('/src/')[1]}: ${key}`);
      }
    }
    expect(missing).toEqual([]);
    expect(withoutCount).toEqual([]);
  });
});

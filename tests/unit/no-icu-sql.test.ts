// DuckDB-wasm has no ICU extension offline; SQL that needs it fails in the browser (or crashes the engine)
// while passing in Node, where native DuckDB has ICU built in. Guard the source.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ICU_ONLY = /((?<![.\w])now\(\)|\bcurrent_timestamp|localtimestamp|current_localtimestamp|get_current_timestamp|TIMESTAMPTZ|TIMESTAMP WITH TIME ZONE|AT TIME ZONE|timezone\()/i;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

describe('SQL in src/', () => {
  it('uses no function or type that needs the ICU extension', () => {
    const offenders = files(join(import.meta.dirname, '..', '..', 'src'))
      .flatMap((f) => readFileSync(f, 'utf8').split('\n').map((line, i) => ({ f, i: i + 1, line })))
      .filter(({ line }) => ICU_ONLY.test(line) && !line.trim().startsWith('//') && !line.trim().startsWith('*'));
    expect(offenders.map(({ f, i, line }) => `${f}:${i}: ${line.trim()}`)).toEqual([]);
  });
});

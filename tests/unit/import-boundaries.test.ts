// The import-boundary rule (.dependency-cruiser.cjs) is checked on src/ by scripts/run-tests.mjs; here it is
// proved to fire: a small tree with one planted import per rule must fail, the same tree without them must pass.
// Also the check that no code outside src/data touches the runner (`runner.`), which no import rule sees.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const repo = resolve(__dirname, '../..');
const config = join(repo, '.dependency-cruiser.cjs');
const cli = join(repo, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');

interface Violation { rule: { name: string }; from: string; to: string }

const made: string[] = [];
afterAll(() => { for (const dir of made) rmSync(dir, { recursive: true, force: true }); });

/** Writes `files` into a fresh directory shaped like the app (src/…) and runs the cruiser there with our config. */
function cruise(files: Record<string, string>): Violation[] {
  const dir = mkdtempSync(join(tmpdir(), 'lagesbild-boundaries-'));
  made.push(dir);
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'ESNext', moduleResolution: 'Bundler', strict: true } }));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  const run = spawnSync(process.execPath, [cli, 'src', '--config', config, '--output-type', 'json'], { cwd: dir, encoding: 'utf8' });
  if (!run.stdout) throw new Error(`dependency-cruiser did not run: ${run.stderr}`);
  return (JSON.parse(run.stdout) as { summary: { violations: Violation[] } }).summary.violations;
}

// A minimal app: every layer once, importing only downwards.
const CLEAN: Record<string, string> = {
  'src/lib/format.ts': `export const format = (n: number) => String(n);`,
  'src/data/sql-runner.ts': `export interface SqlRunner { rows(sql: string): Promise<unknown[]> }`,
  'src/data/row-reader.ts': `import type { SqlRunner } from './sql-runner';\nexport const reader = (r: SqlRunner) => ({ rows: (q: string) => r.rows(q) });`,
  'src/hooks/use-rows.ts': `import { reader } from '../data/row-reader';\nexport const useRows = reader;`,
  'src/components/key-figure.ts': `import { format } from '../lib/format';\nexport const KeyFigure = format;`,
  'src/analysis/periods/buckets.ts': `import { format } from '../../lib/format';\nexport const bucket = format;`,
  'src/features/map/map.view.ts': `import { bucket } from '../../analysis/periods/buckets';\nimport { useRows } from '../../hooks/use-rows';\nexport const MapPage = [bucket, useRows];`,
  'src/features/trends/trends.view.ts': `import { bucket } from '../../analysis/periods/buckets';\nexport const TrendsPage = bucket;`,
  'src/app/app.ts': `import { MapPage } from '../features/map/map.view';\nimport { TrendsPage } from '../features/trends/trends.view';\nexport const app = [MapPage, TrendsPage];`,
};

const names = (v: Violation[]) => v.map((x) => `${x.rule.name}: ${x.from} → ${x.to}`).sort();

describe('import boundaries (dependency-cruiser)', () => {
  it('a tree that keeps the layers passes', () => {
    expect(cruise(CLEAN)).toEqual([]);
  });

  it('fails on a planted sideways import between features, and on every other planted breach', () => {
    const violations = cruise({
      ...CLEAN,
      'src/features/trends/trends.view.ts': `import { MapPage } from '../map/map.view';\nexport const TrendsPage = MapPage;`,
      'src/features/map/uses-runner.ts': `import type { SqlRunner } from '../../data/sql-runner';\nexport type R = SqlRunner;`,
      'src/lib/upward.ts': `import { TrendsPage } from '../features/trends/trends.view';\nexport const x = TrendsPage;`,
      'src/analysis/a.ts': `import { b } from './b';\nexport const a = () => b;`,
      'src/analysis/b.ts': `import { a } from './a';\nexport const b = () => a;`,
    });
    // A cycle is reported once, at the import that closes it.
    expect(names(violations)).toEqual([
      'no-circular: src/analysis/a.ts → src/analysis/b.ts',
      'no-feature-to-feature: src/features/trends/trends.view.ts → src/features/map/map.view.ts',
      'no-upward-from-lib: src/lib/upward.ts → src/features/trends/trends.view.ts',
      'runner-only-in-data: src/features/map/uses-runner.ts → src/data/sql-runner.ts',
    ]);
  }, 120_000);
});

describe('the query gateway', () => {
  it('no code outside src/data uses the runner (`runner.`): reads go through the coordinator', () => {
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (/\.tsx?$/.test(name) && /\brunner\.|\.runner\b/.test(readFileSync(path, 'utf8').replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, ''))) offenders.push(path.slice(repo.length + 1));
      }
    };
    for (const layer of readdirSync(join(repo, 'src'))) {
      const path = join(repo, 'src', layer);
      if (layer !== 'data' && statSync(path).isDirectory()) walk(path);
    }
    expect(offenders).toEqual([]);
  });
});

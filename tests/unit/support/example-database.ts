// Exempelkommun generated into a temporary folder and loaded with the app's own loader into native DuckDB.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeExample } from '../../../scripts/generate-example.mjs';
import { fillDerivedColumns } from '../../../src/data/derived-columns';
import { loadExample } from '../../../src/data/example-load';
import { createSchemaRunner } from '../../../scripts/node-runner';

export async function createExampleDatabase() {
  const root = mkdtempSync(join(tmpdir(), 'lagesbild-example-'));
  writeExample(root);
  const dir = join(root, 'exempelkommun');
  const runner = await createSchemaRunner();
  await loadExample(runner, {
    incidentsFile: join(dir, 'incidents.csv'),
    interventionsFile: join(dir, 'interventions.csv'),
    areas: JSON.parse(readFileSync(join(dir, 'areas.geojson'), 'utf8')),
    goals: JSON.parse(readFileSync(join(dir, 'goals.json'), 'utf8')),
  });
  await fillDerivedColumns(runner);
  return { runner, root };
}

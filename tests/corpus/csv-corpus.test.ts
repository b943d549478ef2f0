// Every file of DuckDB's and PapaParse's CSV edge-case corpora through the importer's pipeline: each must end
// read-with-accounting (records = accepted + rejected + unreadable) or refused with a message. No crash, no hang.
import { readdirSync, readFileSync, statSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dropStaging } from '../../src/data/import/csv-import.query';
import { planCsv } from '../../src/data/import/csv-plan';
import { readAndScan } from '../../src/data/import/read-file';
import { readCsvStage } from '../../src/data/import/csv-stage';
import { CREATE_TABLES } from '../../src/data/schema.query';
import { createNodeRunner } from '../../scripts/node-runner';
import { requireSharedData } from './shared-data';

const root = join(requireSharedData(), 'csv-corpus');
function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return /\.(csv|tsv|txt|dat|gz)$/i.test(name) && !/LICENSE|PROVENANCE|README|SHA256/i.test(name) ? [path] : [];
  });
}
const corpus = files(root).sort();
const tally = { files: 0, read: 0, refused: 0, records: 0, accepted: 0, rejected: 0, unreadable: 0 };
const refusals = new Map<string, number>();

describe('the CSV corpus', () => {
  let runner: Awaited<ReturnType<typeof createNodeRunner>>;
  const dir = mkdtempSync(join(tmpdir(), 'lagesbild-corpus-'));
  beforeAll(async () => {
    runner = await createNodeRunner();
    await runner.exec(CREATE_TABLES);
  });
  afterAll(() => {
    runner.close();
    console.log(`CSV corpus: ${tally.files} files tried — ${tally.read} read with accounting (${tally.records} records = ${tally.accepted} accepted + ${tally.rejected} rejected + ${tally.unreadable} unreadable), ${tally.refused} refused with a message, 0 crashes`);
    console.log(`Refusals by message: ${JSON.stringify(Object.fromEntries(refusals))}`);
  });

  it('has files to try', () => expect(corpus.length).toBeGreaterThan(100));

  it.each(corpus.map((f) => [relative(root, f), f]))('%s ends read with accounting or refused with a message', { timeout: 30_000 }, async (_name, path) => {
    tally.files++;
    const bytes = new Uint8Array(readFileSync(path));
    try {
      const plan = planCsv(bytes);
      if (plan.looksBinary) throw new Error('not a text file');
      if (plan.dialect.columns.length === 0) throw new Error('no columns found');
      // The app's read: transcoded, bytes that are not UTF-8 marked, mixed line ends unified (read-file.ts).
      const { utf8, scan } = await readAndScan(new Blob([bytes]), plan, { delimiter: plan.dialect.delimiter, quote: plan.dialect.quote, header: plan.dialect.header, skipLines: plan.dialect.skipLines });
      const file = join(dir, 'file.csv');
      writeFileSync(file, utf8!);
      await runner.exec(dropStaging());
      const stage = await readCsvStage(runner, file, scan, plan.dialect);
      const accounted = stage.accepted + stage.readerRejects.length + stage.unaccounted.length;
      expect(accounted).toBe(scan.records);
      tally.read++;
      tally.records += scan.records;
      tally.accepted += stage.accepted;
      tally.rejected += stage.readerRejects.length;
      tally.unreadable += stage.unaccounted.length;
    } catch (error) {
      if ((error as { name?: string }).name === 'AssertionError') throw error;
      const message = (error as Error).message ?? '';
      expect(message.length).toBeGreaterThan(0);
      tally.refused++;
      const key = message.split('\n')[0].replace(/".*?"/g, '"…"').replace(/\d+/g, 'N').slice(0, 80);
      if (process.env.CORPUS_VERBOSE) console.log(`refused ${relative(root, path)}: ${message.split('\n')[0]}`);
      refusals.set(key, (refusals.get(key) ?? 0) + 1);
    } finally {
      await runner.exec(dropStaging());
    }
  });
});

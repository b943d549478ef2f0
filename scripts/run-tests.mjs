#!/usr/bin/env node
// `npm test`: unit tests (Node, real DuckDB) and end-to-end tests (the built app in Debian's Chromium).
// Gets Chromium when it is missing and we are root on Debian; otherwise stops and says how — never skips.
// Ends with one line, `N passed, N failed`, which CI reads.
// The unit stage starts with the import-boundary rule (dependency-cruiser, .dependency-cruiser.cjs): one check in
// the tally, failed when any import crosses a boundary.
// Options: --projects unit,e2e (default) · env LAGESBILD_TALLY_FILE=path writes {passed, failed, failures} as JSON;
// the failed tests' names are printed again just above the last line.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

const args = process.argv.slice(2);
const projectsArg = args.includes('--projects') ? args[args.indexOf('--projects') + 1] : 'unit,e2e';
const projects = projectsArg.split(',').filter(Boolean);
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function ensureChromium() {
  if (existsSync(chromium)) return true;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && existsSync('/usr/bin/apt-get')) {
    console.log('Chromium saknas: installerar Debians chromium (apt-get install -y chromium) …');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    const install = update.status === 0 && spawnSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env });
    if (install && install.status === 0 && existsSync(chromium)) return true;
  }
  console.error(`The browser tests need Chromium at ${chromium}. Install it with \`sudo apt-get install -y chromium\` (Debian/Ubuntu) or set CHROMIUM_PATH.`);
  return false;
}

/** The first line of a failure message, short: CI shows only the tail of the log, so the names go at the end. */
const firstLine = (text) => String(text ?? '').replace(/\x1b\[[0-9;]*m/g, '').split('\n').find((l) => l.trim())?.trim().slice(0, 200) ?? '';

function tally(report) {
  let passed = report.numPassedTests ?? 0;
  let failed = report.numFailedTests ?? 0;
  const failures = [];
  for (const file of report.testResults ?? []) {
    const name = relative(process.cwd(), file.name ?? '');
    for (const a of file.assertionResults ?? []) {
      if (a.status === 'failed') failures.push(`${name} > ${a.fullName ?? a.title}: ${firstLine(a.failureMessages?.[0])}`);
    }
    // A file that fails before its tests run (import error, failing hook) counts as one failure.
    if (file.status === 'failed' && (file.assertionResults ?? []).every((a) => a.status !== 'failed')) {
      failed += 1;
      failures.push(`${name}: ${firstLine(file.message)}`);
    }
  }
  return { passed, failed, failures };
}

// One vitest run per project, in turn: the unit tests' native DuckDB and the e2e build + Chromium don't compete
// for the 2 cores (a unit worker once died mid-file while both ran at once).
function runProject(project) {
  const out = join(mkdtempSync(join(tmpdir(), 'lagesbild-tests-')), 'vitest.json');
  const run = spawnSync('npx', ['vitest', 'run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${out}`], {
    stdio: 'inherit',
    env: { ...process.env, TZ: 'Europe/Stockholm' },
  });
  if (!existsSync(out)) return { passed: 0, failed: 1, failures: [`${project}: vitest wrote no report (exit ${run.status})`] };
  const t = tally(JSON.parse(readFileSync(out, 'utf8')));
  if (run.status !== 0 && t.failed === 0) { // e.g. global setup failed, or a worker crashed
    t.failed = 1;
    t.failures.push(`${project}: vitest exited ${run.status} with no failed test`);
  }
  return t;
}

// Features never import each other, the runner stays in src/data, no layer imports upwards, no cycles.
function checkImportBoundaries() {
  console.log('Import boundaries (dependency-cruiser) …');
  const run = spawnSync('npx', ['depcruise', 'src', '--config', '.dependency-cruiser.cjs', '--output-type', 'err'], { stdio: 'inherit' });
  return run.status === 0 ? { passed: 1, failed: 0, failures: [] } : { passed: 0, failed: 1, failures: ['import boundaries (dependency-cruiser)'] };
}

const result = { passed: 0, failed: 0, failures: [] };
for (const project of projects) {
  if (project === 'unit') {
    const t = checkImportBoundaries();
    result.passed += t.passed;
    result.failed += t.failed;
  }
  const needsBrowser = project === 'e2e' || project === 'corpus';
  const t = needsBrowser && !ensureChromium() ? { passed: 0, failed: 1, failures: [`${project}: no Chromium`] } : runProject(project);
  result.passed += t.passed;
  result.failed += t.failed;
  result.failures.push(...t.failures);
}

if (process.env.LAGESBILD_TALLY_FILE) writeFileSync(process.env.LAGESBILD_TALLY_FILE, JSON.stringify(result));
for (const f of result.failures) console.log(`FAILED ${f}`);
console.log(`${result.passed} passed, ${result.failed} failed`);
process.exit(result.failed > 0 ? 1 : 0);

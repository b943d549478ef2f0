// The benchmark through the real app in headless Chromium: cold start, bytes on first visit, CSV and Parquet
// import through the Importera page, the first full Översikt after it, cross-filter latency of the whole page over
// real brushes on the weekly chart, the map's re-aggregation, and the tab's peak memory from the OS.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { chromium } from 'playwright-core';
import { peakRendererBytes } from './process-memory.mjs';

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'];
const LONG = 15 * 60_000;

export async function openTab() {
  const profile = mkdtempSync(join(tmpdir(), 'lagesbild-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: ARGS,
    viewport: { width: 1400, height: 1000 }, locale: 'sv-SE', timezoneId: 'Europe/Stockholm',
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const state = { crashed: false };
  page.on('crash', () => { state.crashed = true; });
  return {
    page, profile, state,
    peakMemory: () => peakRendererBytes(profile),
    close: async () => { await context.close().catch(() => undefined); rmSync(profile, { recursive: true, force: true }); },
  };
}

/** Every Mosaic client has its answer: the page has settled (`<html data-queries="idle">`, src/data/query-activity.ts). */
async function settled(page, timeout = LONG) {
  await page.waitForFunction(() => document.documentElement.dataset.queries === 'idle', null, { timeout, polling: 'raf' });
}

/**
 * Runs `act` and returns ms until the page has been busy and is idle again for good, measured in the page: the end is
 * the frame after the last busy → idle change, once the page has stayed idle for QUIET_FRAMES frames. A view that asks
 * a second question after the first answers (the Karta's hot-spot names, asked once the ranking is computed) is part
 * of the step; ending at the first idle measured only the first half.
 */
const QUIET_FRAMES = 5;
async function latency(page, act, timeout = 120_000) {
  await page.evaluate((quietFrames) => {
    const w = window;
    w.__bench = { start: 0, busy: false, lastIdle: 0, end: 0 };
    w.__benchObserver?.disconnect();
    const watchQuiet = () => {
      let frames = 0;
      const tick = () => {
        const b = w.__bench;
        if (b.end || document.documentElement.dataset.queries === 'busy') return;
        if (++frames >= quietFrames) b.end = b.lastIdle;
        else requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    };
    w.__benchObserver = new MutationObserver(() => {
      const b = w.__bench;
      if (!b.start || b.end) return;
      if (document.documentElement.dataset.queries === 'busy') b.busy = true;
      else if (b.busy) requestAnimationFrame(() => { b.lastIdle = performance.now(); watchQuiet(); });
    });
    w.__benchObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['data-queries'] });
  }, QUIET_FRAMES);
  await act(() => page.evaluate(() => { window.__bench.start = performance.now(); }));
  await page.waitForFunction(() => window.__bench.end > 0, null, { timeout, polling: 'raf' });
  return page.evaluate(() => window.__bench.end - window.__bench.start);
}

/**
 * Waits until the page has asked nothing for QUIET_FRAMES frames in a row. `settled` ends at the first idle moment: the
 * Karta asks its hot-spot names only after the counts are in and Gi* has run, so after `settled` the opening's names
 * query could still come — and was then measured as part of the first cell-size step (at 5M rows ~1 s of it; found
 * 2026-12-04, docs/benchmark.md sixteenth session).
 */
async function quiet(page, timeout = LONG) {
  await page.evaluate(() => { window.__quietFrames = 0; });
  await page.waitForFunction((frames) => {
    const w = window;
    w.__quietFrames = document.documentElement.dataset.queries === 'idle' ? w.__quietFrames + 1 : 0;
    return w.__quietFrames >= frames;
  }, QUIET_FRAMES, { timeout, polling: 'raf' });
}

const kpi = (page) => page.evaluate(() => Number((document.querySelector('[data-testid=kpi-incidents]')?.textContent ?? '').replace(/\D/g, '')) || 0);

/** The first key figure has a number: the app has started and drawn Översikt's first answer. */
const firstKeyFigure = (page) => page.waitForFunction(() => /\d/.test(document.querySelector('[data-testid=kpi-incidents]')?.textContent ?? ''), null, { timeout: LONG });

/**
 * A fresh profile on the app, started (`firstKeyFigure`); then `work(tab)`. Its result, or on a failure
 * `{ error, crashed, memory }`; the tab is closed either way.
 */
async function inFreshTab(baseUrl, work) {
  const tab = await openTab();
  try {
    await tab.page.goto(baseUrl);
    await firstKeyFigure(tab.page);
    return await work(tab);
  } catch (error) {
    return { error: String(error?.message ?? error).slice(0, 300), crashed: tab.state.crashed, memory: tab.peakMemory() };
  } finally {
    await tab.close();
  }
}

/** Cold start: a fresh profile loads the app and the embedded example until Översikt has settled. */
export async function coldStart(baseUrl, server) {
  const tab = await openTab();
  try {
    server.served.length = 0;
    const start = performance.now();
    await tab.page.goto(baseUrl);
    await firstKeyFigure(tab.page);
    await settled(tab.page);
    const ms = performance.now() - start;
    await tab.page.waitForTimeout(1000);
    const bytes = server.served.reduce((s, e) => s + e.bytes, 0);
    const files = server.served.length;
    // A second visit: the example is already in the browser's storage, so this is DuckDB's start and the queries.
    const again = performance.now();
    await tab.page.reload();
    await firstKeyFigure(tab.page);
    await settled(tab.page);
    const warm = performance.now() - again;
    return { ms, warm, bytes, files, memory: tab.peakMemory() };
  } finally {
    await tab.close();
  }
}

/** Import one file through the Importera page; returns ms from the Import button to the summary. */
export async function importFile(tab, baseUrl, path, expectedRows) {
  const { page } = tab;
  await page.goto(`${baseUrl}#/importera`);
  await page.getByTestId('file-input').waitFor({ state: 'attached', timeout: LONG });
  await page.getByTestId('file-input').setInputFiles(path);
  const button = page.getByTestId('import-button');
  await button.waitFor({ timeout: LONG });
  await page.waitForFunction(() => !document.querySelector('[data-testid=import-button]')?.hasAttribute('disabled'), null, { timeout: LONG });
  // Timed in the page: from the click to the summary's appearance (Playwright's own waits are not counted).
  await page.evaluate(() => {
    const w = window;
    w.__import = { start: 0, end: 0 };
    document.querySelector('[data-testid=import-button]').addEventListener('click', () => { w.__import.start = performance.now(); }, { capture: true, once: true });
    new MutationObserver((_, observer) => {
      if (document.querySelector('[data-testid=import-summary]')) { w.__import.end = performance.now(); observer.disconnect(); }
    }).observe(document.body, { childList: true, subtree: true });
  });
  await button.click();
  const summary = page.getByTestId('import-summary');
  await page.waitForFunction(() => window.__import.end > 0, null, { timeout: LONG, polling: 500 });
  const ms = await page.evaluate(() => window.__import.end - window.__import.start);
  const text = (await summary.textContent()).replace(/[\s\u00a0]/g, '');
  const m = /(\d+)=importerade(\d+)\+avvisade(\d+)/.exec(text);
  if (!m || Number(m[2]) !== expectedRows) throw new Error(`Import of ${path}: expected ${expectedRows} rows, the summary says "${text}"`);
  return ms;
}

/** Index of the weekly chart's bar for an epoch day, and its x in the page. */
function barX(box, firstMonday, bars, day) {
  const left = box.x + 48;
  const width = box.width - 48 - 16;
  const index = Math.floor((day - firstMonday) / 7);
  return left + ((index + 0.5) * width) / bars;
}

async function brushLatencies(page, windows, firstDay, lastDay) {
  const chart = page.getByTestId('chart-weekly');
  await chart.scrollIntoViewIfNeeded();
  const box = await chart.boundingBox();
  const firstMonday = firstDay - ((((firstDay + 3) % 7) + 7) % 7);
  const bars = Math.floor((lastDay - firstMonday) / 7) + 1;
  const y = box.y + box.height * 0.5;
  const times = [];
  for (const w of windows) {
    const a = barX(box, firstMonday, bars, w.from);
    const b = barX(box, firstMonday, bars, w.to);
    await page.mouse.move(a, y);
    await page.mouse.down();
    await page.mouse.move(b, y, { steps: 4 });
    times.push(await latency(page, async (mark) => { await mark(); await page.mouse.up(); }));
  }
  return times;
}

/** Import the CSV on a fresh profile, then the first dashboard, the brushes, the map; memory at the end. */
export async function csvRun(baseUrl, set, windows, native) {
  return inFreshTab(baseUrl, async (tab) => {
    const { page } = tab;
    const ingest = await importFile(tab, baseUrl, set.csv, set.rows);
    const start = performance.now();
    await page.goto(`${baseUrl}#/`);
    await page.waitForFunction((n) => Number((document.querySelector('[data-testid=kpi-incidents]')?.textContent ?? '').replace(/\D/g, '')) === n, set.rows, { timeout: LONG, polling: 'raf' });
    await page.getByTestId('chart-weekly').waitFor();
    await settled(page);
    const firstDashboard = performance.now() - start;
    const brushes = await brushLatencies(page, windows, native.firstDay, native.lastDay);
    const reset = page.getByRole('button', { name: 'Återställ alla' });
    if (await reset.count()) await reset.click();
    await settled(page);
    // The map: re-aggregation when the cell size changes, and when the week slider moves the period.
    await page.goto(`${baseUrl}#/karta`);
    await page.locator('[data-testid=map][data-ready=true]').waitFor({ timeout: LONG });
    await settled(page);
    await quiet(page);
    // The change is made in the page in the same task as the mark: Playwright's own work for a click or a
    // selectOption (finding the element by role, waiting two frames for it to be stable) is not the app's time
    // (before 2026-12-01 it was inside the figure: ~50–100 ms of a week step under load).
    const cellSize = [];
    for (const size of ['500', '1000', '200', '250']) {
      cellSize.push(await latency(page, (mark) => page.evaluate((value) => {
        const select = document.querySelector('[data-testid=cell-size]');
        window.__bench.start = performance.now();
        // The prototype's setter, so React's value tracker sees a change and calls onChange.
        Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value').set.call(select, value);
        select.dispatchEvent(new Event('change', { bubbles: true }));
      }, size)));
    }
    const periodSteps = [];
    for (let i = 0; i < 6; i++) {
      periodSteps.push(await latency(page, () => page.evaluate(() => {
        window.__bench.start = performance.now();
        document.querySelector('[data-testid=slider-previous]').click();
      })));
    }
    return { ingest, firstDashboard, brushes, cellSize, periodSteps, memory: tab.peakMemory(), kpi: await kpi(page).catch(() => 0), crashed: tab.state.crashed };
  });
}

/** Import one file (Parquet, or a CSV in another layout) on a fresh profile; its time and the tab's peak. */
export async function fileRun(baseUrl, path, rows) {
  return inFreshTab(baseUrl, async (tab) => {
    const ingest = await importFile(tab, baseUrl, path, rows);
    return { ingest, memory: tab.peakMemory(), crashed: tab.state.crashed };
  });
}

/**
 * A Parquet file that may be too large for the tab: either the importer refuses it before reading (with its
 * message), or it is imported and timed. Either way: did the tab crash?
 */
export async function largeParquetRun(baseUrl, path, rows) {
  return inFreshTab(baseUrl, async (tab) => {
    const { page } = tab;
    await page.goto(`${baseUrl}#/importera`);
    await page.getByTestId('file-input').waitFor({ state: 'attached', timeout: LONG });
    await page.getByTestId('file-input').setInputFiles(path);
    const refusal = page.getByRole('alert').filter({ hasText: 'för stor för webbläsaren' });
    await Promise.race([refusal.waitFor({ timeout: LONG }), page.getByTestId('import-button').waitFor({ timeout: LONG })]);
    if (await refusal.count()) return { refused: true, message: await refusal.first().textContent(), crashed: tab.state.crashed, memory: tab.peakMemory() };
    const ingest = await importFile(tab, baseUrl, path, rows);
    return { refused: false, ingest, crashed: tab.state.crashed, memory: tab.peakMemory() };
  });
}

/**
 * Points against polygons: import the points (no area column), then the polygons; the import's refresh assigns
 * every point to the polygon containing it. Returns the app's own measure of that step (area-assignment.ts).
 */
export async function areaRun(baseUrl, area, rows) {
  return inFreshTab(baseUrl, async (tab) => {
    const { page } = tab;
    await importFile(tab, baseUrl, area.points, rows);
    await page.goto(`${baseUrl}#/importera`);
    await page.getByTestId('file-input').setInputFiles(area.areas);
    await page.getByTestId('area-fixed-kind').fill('deso');
    await page.getByTestId('import-button').click();
    await page.waitForFunction((n) => performance.getEntriesByName('lagesbild:area-assignment').some((e) => e.detail?.polygons >= n), area.polygons, { timeout: LONG, polling: 500 });
    const measure = await page.evaluate((n) => {
      const e = performance.getEntriesByName('lagesbild:area-assignment').filter((m) => m.detail?.polygons >= n).at(-1);
      return { ms: e.duration, points: e.detail.points, polygons: e.detail.polygons, parts: e.detail.ms };
    }, area.polygons);
    return { ...measure, memory: tab.peakMemory() };
  });
}

import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page, type Request } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function assertChromium(): void {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}. The browser tests need Debian's chromium: ` +
        '`apt-get update && apt-get install -y chromium` (npm test does this itself when run as root), ' +
        'or set CHROMIUM_PATH to another Chromium binary.',
    );
  }
}

export interface Browser {
  context: BrowserContext;
  page: Page;
  requests: string[];
  profile: string;
  close(): Promise<void>;
}

/** A fresh profile each time (or a given one, to test what survives a restart), behind the refusing proxy. */
export async function openBrowser(proxyPort: number, profile = mkdtempSync(join(tmpdir(), 'lagesbild-profile-'))): Promise<Browser> {
  assertChromium();
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    viewport: { width: 1280, height: 900 },
    locale: 'sv-SE',
    timezoneId: 'Europe/Stockholm',
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--disable-quic', '--no-first-run',
      `--proxy-server=http://127.0.0.1:${proxyPort}`, '--proxy-bypass-list=<-loopback>;127.0.0.1;localhost',
    ],
  });
  const requests: string[] = [];
  context.on('request', (r: Request) => requests.push(r.url()));
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (e) => console.error('pageerror:', e.message));
  return { context, page, requests, profile, close: () => context.close() };
}

/** A number as the UI writes it ("37 794") → 37794. */
export function parseCount(text: string | null): number {
  return Number((text ?? '').replace(/[\s\u00a0\u202f]/g, '').replace('−', '-'));
}

/**
 * Run `add` (a drop, a pick, a click) and return the import card it adds, once it is there. `timeout` (ms): longer
 * where the database is busy with another import, which the card's preview waits for.
 */
export async function addedCard(page: Page, add: () => Promise<void>, timeout = 30_000) {
  const cards = page.getByTestId('import-card');
  const before = await cards.count();
  await add();
  await cards.nth(before).waitFor({ timeout });
  return cards.nth(before);
}

/** Wait until the element matching `selector` shows `value` (digits only, so "37 794" and "37 794 händelser" match). */
export function waitForNumber(page: Page, selector: string, value: number) {
  return page.waitForFunction(
    ([sel, v]) => Number((document.querySelector(sel)?.textContent ?? '').replace(/[^\d]/g, '')) === v,
    [selector, value] as const,
    { timeout: 30_000 },
  );
}

/** Översikt's incident count once every view has settled: what the stored data holds now. */
export async function incidentKpi(page: Page, baseUrl: string): Promise<number> {
  await page.goto(`${baseUrl}#/`);
  await page.waitForFunction(() => /\d/.test(document.querySelector('[data-testid=kpi-incidents]')?.textContent ?? '') && document.documentElement.dataset.queries === 'idle', null, { timeout: 60_000 });
  return parseCount(await page.getByTestId('kpi-incidents').textContent());
}

/** Turn public view (the header's "Publik visning" switch) on or off. */
export async function setPublicView(page: Page, on: boolean): Promise<void> {
  const pressed = (await page.getByTestId('public-switch').getAttribute('aria-pressed')) === 'true';
  if (pressed !== on) await page.getByTestId('public-switch').click();
}

/**
 * Starts a reload and returns the type of the dialog it raised (`beforeunload` when the page asks before leaving),
 * dismissing it so the page stays. The reload itself is never awaited: a dismissed reload does not happen.
 */
export async function reloadDialogType(page: Page): Promise<string> {
  const asked = page.waitForEvent('dialog');
  void page.reload({ timeout: 5_000 }).catch(() => undefined);
  const dialog = await asked;
  await dialog.dismiss();
  return dialog.type();
}

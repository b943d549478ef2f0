// Accessibility in Chromium (DOS-lagen, WCAG 2.1 AA): axe-core on every page and on every presentation slide
// with no serious or critical violation, and keyboard focus that is always visible.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ROUTES } from '../../src/app/routes';
import { DEFAULT_DECK, SLIDES, shownSlides } from '../../src/features/lagesbild/slides';
import { openBrowser, type Browser } from './support/chromium';

const baseUrl = inject('baseUrl');
const proxyPort = inject('proxyPort');
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** What shows that a page has drawn its content (not just its loading message). */
const READY: Record<string, string> = {
  '/': '[data-testid=kpi-incidents]',
  '/lagesbild': '[data-testid=lb-summary]',
  '/karta': '[data-testid=map][data-ready=true]',
  '/trender': '[data-testid=chart-trend]',
  '/mal': '[data-testid=goal-list] article',
  '/importera': 'main h1',
  '/presentation': '[data-testid=slide-brief] h1',
  '/installningar': '[data-testid=storage-mode]',
  '/hjalp': 'main h1',
  '/tillganglighet': 'main h1',
};

interface Violation { id: string; impact: string | null; help: string; nodes: string[] }

describe('Accessibility in Chromium', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await openBrowser(proxyPort);
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** axe-core in the page (evaluated through the debugging protocol, so the app's CSP needn't allow it). */
  const audit = async (): Promise<Violation[]> => {
    const { page } = browser;
    await page.evaluate(axeSource);
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(c: Document, o: object): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
      const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
      return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
    });
    return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  };

  it('the audit finds what it should: an unlabelled button and an image without text', async () => {
    const { page } = browser;
    await page.goto(`${baseUrl}#/hjalp`);
    await page.locator(READY['/hjalp']).waitFor({ timeout: 60_000 });
    await page.evaluate(() => {
      document.querySelector('main')!.insertAdjacentHTML('beforeend', '<div id="planted"><button type="button"></button><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="></div>');
    });
    const ids = (await audit()).map((v) => v.id).sort();
    await page.evaluate(() => document.getElementById('planted')?.remove());
    expect(ids).toEqual(expect.arrayContaining(['button-name', 'image-alt']));
  });

  it('has a READY marker for every page', () => {
    expect(ROUTES.map((r) => r.path).sort()).toEqual(Object.keys(READY).sort());
  });

  for (const route of Object.keys(READY)) {
    it(`${route}: no serious or critical axe violation`, async () => {
      const { page } = browser;
      await page.goto(`${baseUrl}#${route}`);
      await page.locator(READY[route]).first().waitFor({ timeout: 60_000 });
      await page.waitForTimeout(500);
      expect(await audit()).toEqual([]);
    });
  }

  it('every presentation slide passes axe too', async () => {
    const { page } = browser;
    await page.goto(`${baseUrl}#/presentation`);
    await page.locator(READY['/presentation']).waitFor({ timeout: 60_000 });
    for (const slide of shownSlides(DEFAULT_DECK)) {
      await page.locator(`[data-testid=slide-${slide}]`).waitFor();
      await page.waitForTimeout(300);
      expect(await audit(), slide).toEqual([]);
      await page.keyboard.press('ArrowRight');
    }
    // The speaker's slide list, and the title slide it can add (hidden by default).
    await page.getByTestId('deck-editor-open').click();
    await page.getByTestId('deck-editor').waitFor();
    expect(await audit(), 'deck editor').toEqual([]);
    await page.getByTestId('deck-show-title').check();
    await page.getByTestId('deck-editor-close').click();
    await page.getByTestId('presentation').focus();
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowRight');
    await page.locator('[data-testid=slide-title]').waitFor();
    expect(await audit(), 'title').toEqual([]);
    expect(SLIDES.every((s) => s === 'title' || shownSlides(DEFAULT_DECK).includes(s))).toBe(true);
  });

  it('shows where the keyboard focus is on every control of the lägesbild', async () => {
    const { page } = browser;
    await page.goto(`${baseUrl}#/lagesbild`);
    await page.locator(READY['/lagesbild']).waitFor({ timeout: 60_000 });
    await page.locator('body').click({ position: { x: 1, y: 1 } });
    const seen = new Set<string>();
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      const focus = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return null;
        const style = getComputedStyle(el);
        const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
        return { what: `${el.tagName.toLowerCase()} ${el.textContent?.trim().slice(0, 30) ?? ''}`, visible: outline || style.boxShadow !== 'none' };
      });
      if (!focus) continue;
      seen.add(focus.what);
      expect(focus.visible, focus.what).toBe(true);
    }
    // The period stepper, the exports and the panels' PNG buttons are all in the tab order.
    expect([...seen].some((w) => w.includes('Skriv ut'))).toBe(true);
    expect([...seen].some((w) => w.includes('PNG'))).toBe(true);
  });
});

import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import { type App } from '../../src/server';
import { emergencyCase } from '../training/support';
import { startPageBot } from '../support/browser';

/** Trainee mode on the local chat page, in Debian's chromium (never skipped: without it this fails). */

const cards = (page: Page) => page.locator('#webchat .ac-adaptiveCard');
/** Screenshots for the README are taken from here (docs/screenshots/trainee-*.png). */
const artifactsDir = path.resolve(__dirname, '../artifacts');

async function nextCard(page: Page, before: number): Promise<string> {
  await page.waitForFunction(
    (n) => document.querySelectorAll('#webchat .ac-adaptiveCard').length > n,
    before,
    {
      timeout: 15_000,
    },
  );
  // Adaptive Cards typeset an apostrophe as ’.
  return (await cards(page).last().innerText()).replace(/’/g, "'");
}

describe('trainee mode on the chat page in a real browser', () => {
  let app: App;
  let browser: Browser;
  let base: string;
  beforeAll(async () => {
    ({ app, base, browser } = await startPageBot());
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('plays a case with the buttons: commit, reveal with the next decision, then Score: M/M', async () => {
    const c = emergencyCase(app.training.cases);
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(`${base}/`);
    await nextCard(page, 0); // the consult's first question

    const box = page.getByRole('textbox').last();
    let before = await cards(page).count();
    await box.fill(`train ${c.id}`);
    await box.press('Enter');
    let shown = await nextCard(page, before);
    expect(shown).toContain(`Decision 1 of ${c.decisions.length}`);
    await expect(page.locator('#webchat').innerText()).resolves.toContain(`Case ${c.id}.`);
    expect(shown).not.toMatch(/Correct|Incorrect/);

    for (const k of c.decisions) {
      const label = k.right[0]!.label;
      const number = k.decision.options.findIndex((o) => o.value === k.right[0]!.value) + 1;
      before = await cards(page).count();
      await cards(page)
        .last()
        .getByRole('button', { name: String(number), exact: true })
        .click();
      shown = await nextCard(page, before);
      expect(shown).toContain(`Correct. The pathway's choice: ${label}.`);
    }
    expect(shown).toContain(`Score: ${c.decisions.length}/${c.decisions.length}`);
    expect(problems).toEqual([]);
  });

  it('shows every option whole and numbered on a phone (390 px), with number buttons that work', async () => {
    const c = emergencyCase(app.training.cases);
    const k = c.decisions[0]!;
    const page = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
    await page.goto(`${base}/`);
    await nextCard(page, 0);
    const box = page.getByRole('textbox').last();
    const before = await cards(page).count();
    await box.fill(`train ${c.id}`);
    await box.press('Enter');
    await nextCard(page, before);
    const card = cards(page).last();
    for (const [i, o] of k.decision.options.entries()) {
      // The label's own text element: its rendered text is the whole label, inside the screen, not cut.
      const text = card.getByText(o.label, { exact: true });
      await expect(text.innerText()).resolves.toBe(o.label);
      const fits = await text.evaluate(
        (el) =>
          el.scrollWidth <= el.clientWidth &&
          el.scrollHeight <= el.clientHeight + 1 &&
          el.getBoundingClientRect().right <= window.innerWidth,
      );
      expect(fits).toBe(true);
      await expect(
        card
          .getByText(String(i + 1), { exact: true })
          .first()
          .isVisible(),
      ).resolves.toBe(true);
      const button = card.getByRole('button', { name: String(i + 1), exact: true });
      await expect(button.isVisible()).resolves.toBe(true);
      const b = (await button.boundingBox())!;
      expect(b.x + b.width).toBeLessThanOrEqual(390);
      expect(Math.min(b.width, b.height)).toBeGreaterThanOrEqual(24); // a finger can hit it
    }
    // Nothing is cut sideways.
    const scroll = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(scroll).toBeLessThanOrEqual(0);

    mkdirSync(artifactsDir, { recursive: true });
    const heading = card.getByText(`Decision 1 of ${c.decisions.length}`, { exact: false });
    for (const [width, height] of [
      [390, 844],
      [1280, 800],
    ] as const) {
      await page.setViewportSize({ width, height });
      await page.waitForFunction((w) => window.innerWidth === w, width);
      await heading.evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await page.screenshot({ path: path.join(artifactsDir, `trainee-${width}.png`) });
    }

    // A number button commits that option: the reveal names it by its whole label.
    const right = k.decision.options.findIndex((o) => o.value === k.right[0]!.value) + 1;
    const count = await cards(page).count();
    await card.getByRole('button', { name: String(right), exact: true }).click();
    await expect(nextCard(page, count)).resolves.toContain(
      `Correct. The pathway's choice: ${k.right[0]!.label}.`,
    );
    await page.setViewportSize({ width: 390, height: 844 });
    await cards(page)
      .last()
      .evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: path.join(artifactsDir, 'trainee-reveal-390.png') });
  });
});

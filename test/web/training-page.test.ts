import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';
import { readConfig } from '../../src/config';
import { buildApp, type App } from '../../src/server';
import { emergencyCase } from '../training/support';

/** Trainee mode on the local chat page, in Debian's chromium (never skipped: without it this fails). */
const chromiumPath = '/usr/bin/chromium';
const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-sync',
];

const cards = (page: Page) => page.locator('#webchat .ac-adaptiveCard');

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
    if (!existsSync(chromiumPath))
      throw new Error(`Chromium is not installed at ${chromiumPath} (apt-get install -y chromium)`);
    browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
    app = await buildApp(readConfig({ STORAGE: 'memory', LOG_LEVEL: 'silent' }));
    await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', () => resolve()));
    base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
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
      before = await cards(page).count();
      await cards(page).last().getByRole('button', { name: label, exact: true }).click();
      shown = await nextCard(page, before);
      expect(shown).toContain(`Correct. The pathway's choice: ${label}.`);
    }
    expect(shown).toContain(`Score: ${c.decisions.length}/${c.decisions.length}`);
    expect(problems).toEqual([]);
  });
});

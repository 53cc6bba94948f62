import { type Browser, type Page } from 'playwright-core';
import type { FeedbackRecord } from '../../dialogs/feedback-record';
import { type App } from '../../src/server';
import { feedbackWording } from '../../src/view/feedback';
import { startPageBot } from '../support/browser';

/** Feedback on the local chat page, in Debian's chromium (never skipped: without it this fails). */

const cards = (page: Page) => page.locator('#webchat .ac-adaptiveCard');
const transcript = (page: Page) => page.locator('#webchat').innerText();

async function waitForText(page: Page, text: string): Promise<void> {
  await page.waitForFunction((t) => document.querySelector('#webchat')?.textContent?.includes(t), text, {
    timeout: 15_000,
  });
}

describe('feedback on the chat page in a real browser', () => {
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

  it('shows the control under the plan; not helpful, a reason and a part chosen on the cards, then thanks', async () => {
    const page = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(`${base}/`);
    await cards(page).first().waitFor();
    const box = page.getByRole('textbox').last();
    // A consult typed to its end: the interim plan (imaging pending).
    for (const text of ['1', '1', 'yes', '1', 'Not done yet']) {
      const before = await cards(page).count();
      await box.fill(text);
      await box.press('Enter');
      await page.waitForFunction(
        (n) => document.querySelectorAll('#webchat .ac-adaptiveCard').length > n,
        before,
      );
    }
    await waitForText(page, feedbackWording.ask);
    const ask = cards(page).last();
    await expect(ask.innerText()).resolves.toContain(feedbackWording.ask);
    await ask.getByRole('button', { name: 'Not helpful', exact: true }).click();
    await waitForText(page, feedbackWording.reason);
    await cards(page).last().getByRole('button', { name: 'Missing something', exact: true }).click();
    await waitForText(page, feedbackWording.item);
    const parts = cards(page).last();
    await parts.getByRole('radio', { name: feedbackWording.wholePlan }).check();
    await parts.getByRole('button', { name: feedbackWording.send, exact: true }).click();
    await waitForText(page, 'Thank you:');
    await expect(transcript(page)).resolves.toContain(feedbackWording.thanks);
    const stored: FeedbackRecord[] = [];
    for await (const f of app.store.feedback()) stored.push(f);
    expect(stored).toEqual([expect.objectContaining({ helpful: false, reason: 'missing', item: 'plan' })]);
    expect(problems).toEqual([]);
  });
});

import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { type Browser, type Locator, type Page } from 'playwright-core';
import { pathway } from '../../src/content';
import { caseModel, type Answers } from '../../src/content/case-model';
import { urgentNow } from '../../src/pathway/recommend';
import { actNowOf } from '../../src/view/act-now';
import { evidenceLabels, headings, notes } from '../../src/view/strings';
import { type App } from '../../src/server';
import { startPageBot } from '../support/browser';

/**
 * The "Act now" card on the local page, in Debian's chromium (never downloaded), as a consultant on a phone
 * meets it: the numbered actions and the line back to the questions on the first screen, neurosurgery in
 * the first two, the cited paragraphs folded until asked for, and a colour no pitfall has.
 */
const artifactsDir = path.resolve(__dirname, '../artifacts');

const cards = (page: Page) => page.locator('#webchat .ac-adaptiveCard');
const label = (id: string, value: string) =>
  pathway.questions.find((q) => q.id === id)!.options.find((o) => o.value === value)!.label;

async function waitForCards(page: Page, count: number): Promise<void> {
  await page.waitForFunction(
    (n) => document.querySelectorAll('#webchat .ac-adaptiveCard').length > n,
    count,
    { timeout: 15_000 },
  );
}

async function click(page: Page, name: string): Promise<void> {
  const before = await cards(page).count();
  await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/api/messages') && r.status() === 200),
    cards(page).last().getByRole('button', { name, exact: true }).click(),
  ]);
  await waitForCards(page, before);
}

/** Waits until the locator stays put for five animation frames (Web Chat scrolls smoothly). */
async function settled(page: Page, locator: Locator): Promise<void> {
  const until = Date.now() + 10_000;
  let last = '';
  for (let same = 0; same < 5; ) {
    if (Date.now() > until) throw new Error('the transcript did not settle');
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(undefined))));
    const box = JSON.stringify(await locator.boundingBox());
    same = box === last ? same + 1 : 0;
    last = box;
  }
}

/** The background colour of the styled container around an element (an Adaptive Card container style). */
const backgroundOf = (l: Locator) =>
  l.evaluate((el) => {
    for (let e: Element | null = el; e; e = e.parentElement) {
      const bg = getComputedStyle(e).backgroundColor;
      if (bg && bg !== 'rgba(0, 0, 0, 0)' && bg !== 'transparent') return bg;
    }
    return '';
  });

describe('"Act now" on the local page, in Chromium', () => {
  let app: App;
  let base: string;
  let browser: Browser;

  beforeAll(async () => {
    ({ app, base, browser } = await startPageBot());
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it.each(caseModel.redFlags.filter((v) => v !== 'none'))(
    'after %s: the short list first on a phone, the rest one tap away',
    async (flag) => {
      const items = urgentNow(pathway, { redFlags: flag } as Answers);
      const expected = actNowOf(items, pathway.actNowResume);
      const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
      const page = await context.newPage();
      await page.goto(`${base}/`);
      await waitForCards(page, 0);
      const pitfall = cards(page)
        .last()
        .getByText(new RegExp(`^${headings.pitfallsAtQuestion}: `))
        .first();
      const pitfallColour = await backgroundOf(pitfall);
      await click(page, label('scenario', 'newSymptoms'));
      await click(page, label('redFlags', flag));

      const card = cards(page).filter({ hasText: headings.urgent }).last();
      const heading = card.getByText(`⚠ ${headings.urgent}`, { exact: true });
      const resume = card.getByText(pathway.actNowResume, { exact: true });
      mkdirSync(artifactsDir, { recursive: true });
      for (const [width, height] of [
        [1280, 800],
        [390, 844],
      ] as const) {
        await page.setViewportSize({ width, height });
        await card.evaluate((el) => el.scrollIntoView({ block: 'start' }));
        await settled(page, heading);
        // The numbered actions, in order, and the line back to the questions, all on the first screen.
        const list = await card.locator('ol li').allInnerTexts();
        expect(list.map((l) => l.trim())).toEqual(expected.actions);
        if (items.some((i) => /herniation/i.test(i.text)))
          expect(list.slice(0, 2).some((l) => /neurosurg/i.test(l))).toBe(true);
        const bottom = await resume.boundingBox();
        expect(bottom!.y + bottom!.height).toBeLessThan(height);
        const scroll = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(scroll).toBeLessThanOrEqual(0);
        await page.screenshot({ path: path.join(artifactsDir, `act-now-${flag}-${width}.png`) });
      }

      // Its colour is not a pitfall's.
      const colour = await backgroundOf(heading);
      expect(colour).not.toBe('');
      expect(colour).not.toBe(pitfallColour);

      // The cited paragraphs are folded; the toggle opens them in place, with their sources and labels.
      const first = items.find((i) => expected.actions[0]!.startsWith(i.short!))!.text.slice(0, 30);
      const detail = card.getByText(new RegExp(`^• ${first.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
      await expect(detail.isVisible()).resolves.toBe(false);
      const toggle = card.getByRole('button', { name: new RegExp(`^${headings.urgentDetails} \\(`) });
      await toggle.click();
      await expect(detail.isVisible()).resolves.toBe(true);
      for (const i of items)
        if (i.evidence !== 'verified')
          await expect(card.innerText()).resolves.toContain(`[${evidenceLabels[i.evidence]}]`);
      await detail.evaluate((el) => el.scrollIntoView({ block: 'center' }));
      await page.screenshot({ path: path.join(artifactsDir, `act-now-${flag}-details-390.png`) });
      await toggle.click();
      await expect(detail.isVisible()).resolves.toBe(false);

      // The consult goes on: the next question is the newest card.
      await expect(cards(page).last().innerText()).resolves.not.toContain(headings.urgent);
      await context.close();
    },
    90_000,
  );

  it('the interim plan: help is the list alone, details points above, "Imaging result is back" asks again', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(`${base}/`);
    await waitForCards(page, 0);
    const route: [string, string][] = [
      ['scenario', 'newSymptoms'],
      ['redFlags', 'none'],
      ['seizure', 'yes'],
      ['mriAccess', 'available'],
      ['imagingResult', 'pending'],
    ];
    for (const [q, v] of route) await click(page, label(q, v));
    const interim = pathway.outcomes.find((o) => o.id === 'interimPlan')!;
    // A long plan may go on in a "More details" card: its first card carries the title.
    await expect(cards(page).filter({ hasText: interim.title }).count()).resolves.toBe(1);
    const box = page.getByRole('textbox').last();
    const say = async (text: string) => {
      await box.fill(text);
      await Promise.all([
        page.waitForResponse((r) => r.url().endsWith('/api/messages') && r.status() === 200),
        box.press('Enter'),
      ]);
    };

    let before = await cards(page).count();
    await say('help');
    await waitForCards(page, before);
    const help = await cards(page).last().innerText();
    expect(help).toContain(headings.help);
    expect(help).toMatch(/^change question: /m);
    expect(help).not.toContain(interim.title);
    expect(help.split(/\s+/).filter(Boolean).length).toBeLessThan(150);
    await page.screenshot({ path: path.join(artifactsDir, 'help-390.png') });

    before = await cards(page).count();
    await say('details');
    await page
      .locator('#webchat .webchat__text-content')
      .filter({ hasText: notes.detailsAbove })
      .first()
      .waitFor();
    await expect(cards(page).count()).resolves.toBe(before);

    const back = page.getByRole('button', { name: interim.resume!.label, exact: true }).last();
    await expect(back.isVisible()).resolves.toBe(true);
    await back.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await settled(page, back);
    await page.screenshot({ path: path.join(artifactsDir, 'interim-plan-390.png') });
    await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/messages') && r.status() === 200),
      back.click(),
    ]);
    await waitForCards(page, before);
    const imaging = pathway.questions.find((q) => q.id === 'imagingResult')!;
    await expect(cards(page).last().innerText()).resolves.toContain(imaging.prompt);
    await context.close();
  }, 90_000);
});

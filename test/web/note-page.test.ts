import JSONSchemaValidator from '@asymmetrik/fhir-json-schema-validator';
import type { Bundle, QuestionnaireResponse } from '@medplum/fhirtypes';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { type Browser, type Locator, type Page } from 'playwright-core';
import { pathway } from '../../src/content';
import { type App } from '../../src/server';
import { buildRecommendation, type AnswerEntry } from '../../src/pathway/recommend';
import { headings } from '../../src/view/strings';
import { replay, stepOf } from '../../machines/step';
import { startPageBot, typicalRoute } from '../support/browser';

/**
 * The handover note and the keyboard on the local chat page, in Debian's chromium at phone width: what a
 * clinician handing over, or answering without a mouse, notices. Never skipped; see chat-page.test.ts.
 */
/** `BCBM_DOC_SCREENSHOTS=1` writes the README's note screenshots; otherwise they go to test/artifacts. */
const shotsDir = process.env.BCBM_DOC_SCREENSHOTS
  ? path.resolve(__dirname, '../../docs/screenshots')
  : path.resolve(__dirname, '../artifacts');

const route = typicalRoute;

const question = (id: string) => pathway.questions.find((q) => q.id === id)!;
const labelOf = (id: string, value: string) => question(id).options.find((o) => o.value === value)!.label;

const cards = (page: Page) => page.locator('#webchat .webchat__basic-transcript .ac-adaptiveCard');
const isMessages = (url: string) => url.endsWith('/api/messages');

/** The question the newest card asks (the longest prompt it shows), or undefined for anything else. */
async function asked(page: Page): Promise<string | undefined> {
  const text = await cards(page).last().innerText();
  return pathway.questions
    .filter((q) => text.includes(q.prompt))
    .sort((a, b) => b.prompt.length - a.prompt.length)[0]?.id;
}

async function waitForMoreCards(page: Page, count: number): Promise<void> {
  await page.waitForFunction(
    (n) => document.querySelectorAll('#webchat .webchat__basic-transcript .ac-adaptiveCard').length > n,
    count,
    { timeout: 15_000 },
  );
}

/** Clicks through the route to the recommendation; returns the answers as the bot was sent them. */
async function answerAll(page: Page): Promise<void> {
  for (let id = await asked(page); id; id = await asked(page)) {
    const before = await cards(page).count();
    await Promise.all([
      page.waitForResponse((r) => isMessages(r.url()) && r.ok()),
      cards(page)
        .last()
        .getByRole('button', { name: labelOf(id, route[id]!), exact: true })
        .click(),
    ]);
    await waitForMoreCards(page, before);
  }
}

/** Sends a typed command and returns the bot's replies to it. */
async function send(page: Page, text: string): Promise<{ text?: string; attachments?: unknown[] }[]> {
  const before = await cards(page).count();
  const box = page.getByRole('textbox').last();
  await box.fill(text);
  const [response] = await Promise.all([
    page.waitForResponse((r) => isMessages(r.url()) && r.ok()),
    box.press('Enter'),
  ]);
  await waitForMoreCards(page, before);
  return ((await response.json()) as { activities: { text?: string }[] }).activities;
}

/** The top of `locator` once it has stayed put for five animation frames (Web Chat scrolls smoothly). */
async function settledTop(page: Page, locator: Locator): Promise<number> {
  let last = NaN;
  for (let same = 0, frames = 0; same < 5 && frames < 600; frames++) {
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(undefined))));
    const top = (await locator.boundingBox())!.y;
    same = top === last ? same + 1 : 0;
    last = top;
  }
  return last;
}

/** Contrast ratio of two CSS rgb() colours (WCAG 2 relative luminance). */
function contrast(a: string, b: string): number {
  const lum = (c: string) => {
    const [r, g, bl] = (c.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map((v) => {
      const s = Number(v) / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

describe('the chat page: handover note and keyboard', () => {
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

  it('copies the note’s exact text and downloads the consult as a FHIR Bundle of its answers', async () => {
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      acceptDownloads: true,
      permissions: ['clipboard-read', 'clipboard-write'],
    });
    const page = await context.newPage();
    const problems: string[] = [];
    let posts = 0;
    page.on('request', (r) => void (isMessages(r.url()) && posts++));
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error' && m.text().startsWith('CSP')) problems.push(m.text());
    });
    await page.addInitScript(() =>
      document.addEventListener('securitypolicyviolation', (e) =>
        console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`),
      ),
    );
    await page.goto(`${base}/`);
    await waitForMoreCards(page, 0);
    await answerAll(page);

    const replies = await send(page, 'note');
    const noteText = replies[0]!.text!;
    const version = `${headings.version.toLowerCase()} ${pathway.version}`;
    expect(noteText).toMatch(new RegExp(`^${headings.noteTitle} \\(${version}, \\d{4}-\\d{2}-\\d{2}\\)\\n`));
    const card = cards(page).last();
    await expect(card.innerText()).resolves.toContain(noteText);
    // The FHIR file rides on the note for the page's own button; Web Chat's own file bubble is not shown.
    await expect(page.locator('#webchat .webchat__fileContent').count()).resolves.toBe(0);

    for (const [width, height] of [
      [390, 844],
      [1280, 800],
    ] as const) {
      await page.setViewportSize({ width, height });
      // Web Chat scrolls its transcript by itself after a reply or a resize: bring the note to the top
      // until it stays there, as a reader who scrolled up to it would see it.
      for (let tries = 0, top = -1; tries < 10 && (top < 0 || top > height / 2); tries++) {
        await card.evaluate((el) => el.scrollIntoView({ block: 'start' }));
        top = await settledTop(page, card);
      }
      // On a phone too, the title and Copy are on the first screen.
      const copyBox = await card.getByRole('button', { name: 'Copy note' }).boundingBox();
      expect(copyBox!.y).toBeGreaterThan(0);
      expect(copyBox!.y + copyBox!.height).toBeLessThan(height);
      const scroll = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(scroll).toBeLessThanOrEqual(0);
      mkdirSync(shotsDir, { recursive: true });
      // What a doctor sees before anything is pressed.
      await page.screenshot({ path: path.join(shotsDir, `note-${width}.png`) });
    }

    // Copy: the clipboard holds the note exactly as the bot wrote it; the button says so. Neither page
    // button sends anything to the bot.
    const sent = posts;
    const copy = card.getByRole('button', { name: 'Copy note' });
    await page.evaluate(() => navigator.clipboard.writeText('nothing copied yet'));
    await copy.click();
    await card.getByRole('button', { name: 'Copied' }).waitFor();
    await expect(page.getByRole('status').innerText()).resolves.toBe('Copied');
    await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(noteText);

    // Download: a valid R4 Bundle whose QuestionnaireResponse answers are the consult's answers.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      card.getByRole('button', { name: 'Download FHIR (JSON)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('bcbm-consult.fhir.json');
    const bundle = JSON.parse(
      readFileSync((await download.path())!, 'utf8'),
    ) as Bundle<QuestionnaireResponse>;
    expect(new JSONSchemaValidator().validate(bundle)).toEqual([]);
    const response = bundle.entry![0]!.resource!;
    expect(response.resourceType).toBe('QuestionnaireResponse');
    expect(response.status).toBe('completed');
    const answers = Object.fromEntries(
      (response.item ?? []).map((i) => [i.linkId, i.answer![0]!.valueCoding!.code]),
    );
    expect(answers).toEqual(route);
    const entries = Object.entries(route).map(([q, answer]) => ({ question: q, answer })) as AnswerEntry[];
    const outcome = stepOf(replay(entries).snapshot);
    if (outcome.kind !== 'outcome') throw new Error('the route does not end in a recommendation');
    const items = buildRecommendation(pathway, outcome.outcomeId, entries).sections.flatMap((x) =>
      x.items.map((i) => i.id),
    );
    const listed = response.extension![0]!.extension!.filter((e) => e.url === 'item').map((e) => e.valueCode);
    expect(listed).toEqual(items);
    expect(posts).toBe(sent);
    expect(problems).toEqual([]);
    await context.close();
  }, 120_000);

  it('keyboard: Tab reaches an answer, Enter answers once, focus moves to the next question with a visible ring', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    const posted: Record<string, unknown>[] = [];
    page.on('request', (r) => {
      if (isMessages(r.url())) posted.push(r.postDataJSON() as Record<string, unknown>);
    });
    await page.goto(`${base}/`);
    await waitForMoreCards(page, 0);
    // The first question has focus once it is drawn: Tab goes to its first answer.
    const first = cards(page).nth((await cards(page).count()) - 1);
    await page.waitForFunction(() => document.activeElement?.classList.contains('ac-adaptiveCard'));
    await page.keyboard.press('Tab');
    const answer = first.getByRole('button', { name: labelOf('scenario', route.scenario!), exact: true });
    await expect(answer.evaluate((b) => b === document.activeElement)).resolves.toBe(true);

    // The focused button has a ring that shows: an outline of 2 px or more in a colour that stands out.
    const ring = await answer.evaluate((b) => {
      const s = getComputedStyle(b);
      // What is behind the ring: the first ancestor with a background of its own.
      let behind = 'rgb(255, 255, 255)';
      for (let at = b.parentElement; at; at = at.parentElement) {
        const bg = getComputedStyle(at).backgroundColor;
        if (bg !== 'rgba(0, 0, 0, 0)' && bg !== 'transparent') {
          behind = bg;
          break;
        }
      }
      return { style: s.outlineStyle, width: s.outlineWidth, colour: s.outlineColor, behind };
    });
    expect(ring.style).toBe('solid');
    expect(parseFloat(ring.width)).toBeGreaterThanOrEqual(2);
    expect(contrast(ring.colour, ring.behind)).toBeGreaterThanOrEqual(3);

    // Enter answers; focus lands on the next question's card, not on a button of it.
    const before = await cards(page).count();
    await Promise.all([
      page.waitForResponse((r) => isMessages(r.url()) && r.ok()),
      page.keyboard.press('Enter'),
    ]);
    await waitForMoreCards(page, before);
    await page.waitForFunction(() => document.activeElement?.classList.contains('ac-adaptiveCard'));
    const focused = await page.evaluate(() => (document.activeElement as HTMLElement).innerText);
    expect(focused).toContain(question('redFlags').prompt);
    // The old card's answers are disabled.
    await expect(answer.isDisabled()).resolves.toBe(true);

    // A second Enter sends nothing: the next request is the answer to question 2, Tab and Enter away.
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    const second = await page.evaluate(() => (document.activeElement as HTMLElement).innerText);
    expect(second).toBe(labelOf('redFlags', question('redFlags').options[0]!.value));
    const count = await cards(page).count();
    await Promise.all([
      page.waitForResponse((r) => isMessages(r.url()) && r.ok()),
      page.keyboard.press('Enter'),
    ]);
    await waitForMoreCards(page, count);
    const answered = posted.slice(1).map((a) => (a.value as { question?: string } | undefined)?.question);
    expect(answered).toEqual(['scenario', 'redFlags']);
    await expect(page.getByText(/out of date/).count()).resolves.toBe(0);

    // From the top of the page, Tab alone reaches an answer of the current question.
    await page.getByRole('button', { name: 'New consult' }).focus();
    const options = question((await asked(page))!).options.map((o) => o.label);
    let reached = '';
    for (let i = 0; i < 5 && !options.includes(reached); i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => {
        const a = document.activeElement as HTMLElement;
        return a.tagName === 'BUTTON' ? a.innerText : '';
      });
    }
    expect(options).toContain(reached);
    await context.close();
  }, 60_000);
});

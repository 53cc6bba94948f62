import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { type Browser, type Locator, type Page } from 'playwright-core';
import { readConfig } from '../../src/config';
import { pathway } from '../../src/content';
import { buildApp, type App } from '../../src/server';
import { feedbackWording } from '../../src/view/feedback';
import { headings } from '../../src/view/strings';
import { disclaimerLine, productName } from '../../src/web/chat-page';
import { consultMessages } from '../../src/channels/render';
import { channelOf } from '../../src/channels/table';
import { buildRecommendation, type AnswerEntry } from '../../src/pathway/recommend';
import { replay, stepOf } from '../../machines/step';
import { outlineOf } from '../../src/view/outline';
import { listen, startPageBot, typicalRoute } from '../support/browser';

/**
 * The local chat page in a real browser: Debian's chromium driven by playwright-core, against the real
 * server on a loopback port. CI installs the `chromium` package; without it this test fails, it is never skipped.
 */
/** Screenshots of what a reader sees first (git-ignored), to look at after a change to the cards. */
const artifactsDir = path.resolve(__dirname, '../artifacts');
const storageKey = 'bcbm-consult.webchat.v1';

const route = typicalRoute;

function question(id: string) {
  const q = pathway.questions.find((x) => x.id === id);
  if (!q) throw new Error(`no question ${id} in the content`);
  return q;
}

function labelOf(id: string, value: string): string {
  const o = question(id).options.find((x) => x.value === value);
  if (!o) throw new Error(`no answer ${value} for ${id} in the content`);
  return o.label;
}

/** The recommendation the route ends in, from the pathway itself. */
function routeRecommendation() {
  const entries = Object.entries(route).map(([question, answer]) => ({ question, answer })) as AnswerEntry[];
  const outcome = stepOf(replay(entries).snapshot);
  if (outcome.kind !== 'outcome') throw new Error('the route does not end in a recommendation');
  return buildRecommendation(pathway, outcome.outcomeId, entries);
}

/** The first line of a card as shown (the recommendation's outcome title). */
const recommendationTitleLine = (cardText: string) => cardText.split('\n')[0]!.trim();

const cards = (page: Page) => page.locator('#webchat .ac-adaptiveCard');
/** Text bubbles as seen on screen (Web Chat also keeps screen-reader copies of every message). */
const bubbles = (page: Page, text: string | RegExp) =>
  page.locator('#webchat .webchat__text-content').filter({ hasText: text });

/** Waits until the transcript holds more than `count` cards. */
async function waitForCards(page: Page, count: number): Promise<void> {
  await page.waitForFunction(
    (n) => document.querySelectorAll('#webchat .ac-adaptiveCard').length > n,
    count,
    { timeout: 15_000 },
  );
}

/** The question the newest card asks, read from the page and matched against the content. */
async function currentQuestion(page: Page): Promise<{ id: string; card: Locator } | undefined> {
  const card = cards(page).last();
  const text = await card.innerText();
  // The recommendation: its first card opens with the bottom line; a long one continues in "More details" cards.
  if (text.includes(headings.bottomLine) || text.trim().startsWith(headings.moreDetails)) return undefined;
  // The helpful / not helpful control that follows the recommendation's cards.
  if (text.includes(feedbackWording.ask)) return undefined;
  const q = pathway.questions
    .filter((x) => text.includes(x.prompt))
    .sort((a, b) => b.prompt.length - a.prompt.length)[0];
  if (!q) throw new Error(`the newest card asks no known question:\n${text}`);
  return { id: q.id, card };
}

/** Clicks the button with this answer's label on the newest card and waits for the bot's next card. */
async function clickAnswer(page: Page, card: Locator, id: string): Promise<void> {
  const before = await cards(page).count();
  const button = card.getByRole('button', { name: labelOf(id, route[id]!), exact: true });
  await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/api/messages') && r.status() === 200),
    button.click(),
  ]);
  await waitForCards(page, before);
}

async function send(page: Page, text: string): Promise<void> {
  const before = await cards(page).count();
  const box = page.getByRole('textbox').last();
  await box.fill(text);
  await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/api/messages') && r.status() === 200),
    box.press('Enter'),
  ]);
  await waitForCards(page, before);
}

describe('local chat page (HTTP)', () => {
  let app: App;
  let base: string;
  beforeAll(async () => {
    app = await buildApp(readConfig({ STORAGE: 'memory', LOG_LEVEL: 'silent' }));
    base = await listen(app);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('serves the page with a same-origin Content-Security-Policy and nothing from elsewhere', async () => {
    const res = await fetch(`${base}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toMatch(/style-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe');
    const html = await res.text();
    expect(html).toContain(productName);
    expect(html).toContain(disclaimerLine);
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    // A fresh nonce per response.
    const again = (await fetch(`${base}/`)).headers.get('content-security-policy');
    expect(again).not.toBe(csp);
  });

  it('serves Web Chat from node_modules with validators and a 304 when unchanged', async () => {
    const res = await fetch(`${base}/webchat/webchat.js`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(res.headers.get('cache-control')).toBe('public, max-age=86400');
    const etag = res.headers.get('etag');
    expect(etag).toBeTruthy();
    const body = await res.text();
    expect(body.length).toBeGreaterThan(1_000_000);
    expect(body).toContain('WebChat');
    const cached = await fetch(`${base}/webchat/webchat.js`, { headers: { 'If-None-Match': etag! } });
    expect(cached.status).toBe(304);

    for (const file of ['directline.js', 'chat.js', 'chat.css']) {
      const own = await fetch(`${base}/webchat/${file}`);
      expect(own.status).toBe(200);
      expect(own.headers.get('cache-control')).toBe('no-cache');
      expect(own.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });

  it('has no chat page when the bot runs with Microsoft credentials', async () => {
    const azure = await buildApp(
      readConfig({
        STORAGE: 'memory',
        LOG_LEVEL: 'silent',
        MicrosoftAppId: 'app',
        MicrosoftAppPassword: 'pw',
        TRAINING_LEARNER_KEY: 'a-long-random-production-key',
      }),
    );
    const url = await listen(azure);
    try {
      expect((await fetch(`${url}/`)).status).toBe(404);
      expect((await fetch(`${url}/webchat/webchat.js`)).status).toBe(404);
      expect((await fetch(`${url}/webchat/directline.js`)).status).toBe(404);
      expect((await fetch(`${url}/healthz`)).status).toBe(200);
    } finally {
      await azure.close();
    }
  });
});

describe('local chat page in a real browser', () => {
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

  it('clicks through a whole consult to the recommendation; back, reload and New consult work', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const problems: string[] = [];
    const posted: Record<string, unknown>[] = [];
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    // Web Chat 4.18 logs every Action.ToggleVisibility it is told about as an "unknown action" (and then
    // the action object), after Adaptive Cards has already opened the section: noise, not a failure.
    let toggleNoise = false;
    page.on('console', (m) => {
      if (m.type() !== 'error') return;
      if (m.text() === 'Web Chat: received unknown action from Adaptive Cards') toggleNoise = true;
      else if (toggleNoise) toggleNoise = false;
      else problems.push(`console error: ${m.text()}`);
    });
    page.on('request', (r) => {
      const url = r.url();
      if (!url.startsWith(`${base}/`) && !url.startsWith(`blob:${base}/`) && !url.startsWith('data:'))
        problems.push(`request to another origin: ${url}`);
      if (url === `${base}/api/messages`) posted.push(r.postDataJSON() as Record<string, unknown>);
    });
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) =>
        console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`),
      );
    });

    await page.goto(`${base}/`);
    await expect(page.locator('.app-header h1').innerText()).resolves.toBe(productName);
    await expect(page.locator('.app-header').innerText()).resolves.toContain(disclaimerLine);
    // A new conversation starts by itself: welcome, then question 1.
    await waitForCards(page, 0);
    await expect(bubbles(page, pathway.welcome).count()).resolves.toBe(1);
    const conversationId = await page.evaluate(
      (key) =>
        (JSON.parse(sessionStorage.getItem(key) ?? '{}') as { conversationId?: string }).conversationId,
      storageKey,
    );
    expect(conversationId).toMatch(/^local-/);

    const asked: string[] = [];
    let backDone = false;
    let reloadDone = false;
    for (let i = 0; i < 30; i++) {
      const current = await currentQuestion(page);
      if (!current) break;
      asked.push(current.id);
      await clickAnswer(page, current.card, current.id);

      if (current.id === 'seizure' && !backDone) {
        // `back` undoes the answer just given and asks that question again.
        backDone = true;
        await send(page, 'back');
        const undone = `${headings.undone}: ${question('seizure').short}: ${labelOf('seizure', route.seizure!)}`;
        await expect(bubbles(page, undone).count()).resolves.toBe(1);
        await expect(currentQuestion(page)).resolves.toMatchObject({ id: 'seizure' });
      }

      if (current.id === 'imagingResult' && !reloadDone) {
        // A reload continues the same consult: same conversation, same transcript, no new start.
        reloadDone = true;
        const next = await currentQuestion(page);
        const cardsBefore = await cards(page).count();
        await page.reload();
        await waitForCards(page, cardsBefore - 1);
        await expect(cards(page).count()).resolves.toBe(cardsBefore);
        await expect(currentQuestion(page)).resolves.toMatchObject({ id: next?.id });
        await expect(bubbles(page, pathway.welcome).count()).resolves.toBe(1);
        const after = await page.evaluate(
          (key) =>
            (JSON.parse(sessionStorage.getItem(key) ?? '{}') as { conversationId?: string }).conversationId,
          storageKey,
        );
        expect(after).toBe(conversationId);
      }
    }
    expect(backDone).toBe(true);
    expect(reloadDone).toBe(true);
    expect(asked.filter((id, i) => asked.indexOf(id) === i)).toEqual(Object.keys(route));

    // The recommendation: the first card opens with the bottom line; the details are folded in it and in
    // any "More details" cards, all in the page (hidden until opened).
    const all = await cards(page).evaluateAll((els) => els.map((el) => el.textContent ?? ''));
    const first = all
      .map((t, i) => (t.includes(headings.bottomLine) ? i : -1))
      .reduce((a, b) => Math.max(a, b));
    expect(first).toBeGreaterThanOrEqual(0);
    const recommendation = cards(page).nth(first);
    const text = all.slice(first).join('\n');
    expect(text).toContain(headings.inputs);
    expect(text).toContain(headings.references);
    expect(text).toContain(pathway.disclaimer);
    expect(text).toContain(`${headings.version} ${pathway.version}`);
    for (const [id, value] of Object.entries(route)) expect(text).toContain(labelOf(id, value));
    await expectFirstScreen(page, recommendation, 'webchat');

    // The handover note comes in a card, its lines as written (a numbered line is not renumbered).
    await send(page, 'note');
    const note = await cards(page).last().innerText();
    for (const h of ['Situation:', 'Background:', 'Assessment:', 'Recommendation:'])
      expect(note).toContain(h);
    expect(note).toMatch(/^2\. /m);

    // A Change button beside an echoed answer asks that question again.
    await page
      .getByRole('button', { name: new RegExp(`^${headings.inputs} \\(`) })
      .last()
      .click();
    const cardsBeforeChange = await cards(page).count();
    await page.getByRole('button', { name: headings.change, exact: true }).first().click();
    await waitForCards(page, cardsBeforeChange);
    await expect(currentQuestion(page)).resolves.toMatchObject({ id: 'scenario' });

    // Each card is shown once: the plain-text copy the bot sends with it is not shown as a bubble.
    for (const id of Object.keys(route))
      await expect(bubbles(page, question(id).prompt).count()).resolves.toBe(0);
    await expect(bubbles(page, recommendationTitleLine(all[first]!)).count()).resolves.toBe(0);
    // The answers clicked are shown as the user's messages; nothing failed to send.
    const lastAnswer = labelOf('extracranial', route.extracranial!);
    const shown = await page.locator('#webchat .webchat__text-content').allInnerTexts();
    expect(shown.filter((t) => t.trim() === lastAnswer)).toHaveLength(1);
    await expect(page.getByText(/send failed/i).count()).resolves.toBe(0);

    // Every post: expectReplies on the webchat channel, one conversation, a fresh id, the page's origin.
    expect(posted.length).toBeGreaterThan(Object.keys(route).length);
    for (const a of posted) {
      expect(a).toMatchObject({
        type: 'message',
        deliveryMode: 'expectReplies',
        channelId: 'webchat',
        serviceUrl: base,
        conversation: { id: conversationId },
      });
    }
    expect(new Set(posted.map((a) => a.id)).size).toBe(posted.length);
    expect(posted[0]).toMatchObject({ text: 'start' });
    // A button click posts the card's data unchanged as the value.
    expect(posted[1]).toMatchObject({ value: { question: 'scenario', answer: route.scenario } });

    // New consult: confirm, then the bot starts over at question 1 in the same conversation.
    await page.setViewportSize({ width: 1280, height: 900 });
    page.once('dialog', (d) => void d.accept());
    const before = await cards(page).count();
    await page.getByRole('button', { name: 'New consult' }).click();
    await waitForCards(page, before);
    await expect(bubbles(page, headings.restarted).count()).resolves.toBe(1);
    await expect(currentQuestion(page)).resolves.toMatchObject({ id: 'scenario' });

    expect(problems).toEqual([]);
    await context.close();
  }, 180_000);

  /** Clicks through the route on a phone; `beforeLastAnswer` runs in the page before the final click. */
  async function planOnPhone(beforeLastAnswer?: (bottomLine: string) => void): Promise<void> {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(`${base}/`);
    await waitForCards(page, 0);
    for (let i = 0; i < 30; i++) {
      const current = await currentQuestion(page);
      if (!current) break;
      if (beforeLastAnswer && current.id === 'her2Regimen')
        await page.evaluate(beforeLastAnswer, headings.bottomLine);
      await clickAnswer(page, current.card, current.id);
    }
    const title = page.getByText(routeRecommendation().outcome.title, { exact: true }).last();
    await title.waitFor();
    // No scrolling by the test after the click: what the transcript shows once it has settled.
    await settled(page, title);
    const titleBox = await title.boundingBox();
    const bottomLine = page.getByText(headings.bottomLine, { exact: true }).last();
    const lineBox = await bottomLine.boundingBox();
    const header = await page.locator('.app-header').boundingBox();
    expect(titleBox!.y).toBeGreaterThanOrEqual(header!.y);
    expect(lineBox!.y + lineBox!.height).toBeLessThan(844);
    await context.close();
  }

  it('on a phone, stops at the top of a long reply: the plan opens on its title and bottom line, not its end', async () => {
    await planOnPhone();
  }, 60_000);

  it('on a phone, the plan still opens on its title when the transcript reached its end as the plan arrived', async () => {
    // Web Chat counts what has arrived when its scroll reaches the end as read, and then scrolls on past
    // it (the race a loaded machine or a quick flick can hit). Reach the end just as the plan's first card appears.
    await planOnPhone((bottomLine) => {
      const host = document.getElementById('webchat')!;
      const observer = new MutationObserver(() => {
        const cards = host.querySelectorAll('.ac-adaptiveCard');
        if (!(cards[cards.length - 1] as HTMLElement | undefined)?.innerText.includes(bottomLine)) return;
        observer.disconnect();
        const scroller = host.querySelector('.webchat__basic-transcript__scrollable')!;
        scroller.scrollTop = scroller.scrollHeight;
      });
      observer.observe(host, { childList: true, subtree: true });
    });
  }, 60_000);

  it('draws the Teams card of the recommendation through the same Web Chat renderer', async () => {
    // The activities the bot sends Teams for this consult's recommendation, answered to the page's first post.
    const entries = Object.entries(route).map(([question, answer]) => ({
      question,
      answer,
    })) as AnswerEntry[];
    const outcome = stepOf(replay(entries).snapshot);
    if (outcome.kind !== 'outcome') throw new Error('the route does not end in a recommendation');
    const teams = consultMessages(
      {
        kind: 'recommendation',
        consultId: 'c1',
        recommendation: buildRecommendation(pathway, outcome.outcomeId, entries),
      },
      channelOf('msteams'),
    );
    expect(teams[0]!.text).toBeUndefined();
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.route(`${base}/api/messages`, (r) =>
      r.fulfill({
        status: 200,
        contentType: 'application/json',
        body: JSON.stringify({ activities: teams }),
      }),
    );
    await page.goto(`${base}/`);
    await waitForCards(page, 0);
    await expectFirstScreen(page, cards(page).first(), 'teams');
    await context.close();
  }, 60_000);
});

/**
 * Waits until `locator` stays where it is for five animation frames in a row: Web Chat scrolls its
 * transcript smoothly after a reply or a resize, and a box read mid-scroll is not what the reader sees.
 */
async function settled(page: Page, locator: Locator, ms = 10_000): Promise<void> {
  const until = Date.now() + ms;
  let last = '';
  for (let same = 0; same < 5; ) {
    if (Date.now() > until) throw new Error('the transcript did not settle');
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(undefined))));
    const box = JSON.stringify(await locator.boundingBox());
    same = box === last ? same + 1 : 0;
    last = box;
  }
}

/**
 * What a reader sees of a recommendation at desktop and phone width, saved as screenshots: the bottom line
 * on the first screen, the details closed, and a section that opens when its button is pressed.
 */
async function expectFirstScreen(page: Page, card: Locator, name: string): Promise<void> {
  const firstAction = outlineOf('c1', routeRecommendation()).head.bottomLine[0]!;
  mkdirSync(artifactsDir, { recursive: true });
  for (const [width, height] of [
    [1280, 900],
    [390, 844],
  ] as const) {
    await page.setViewportSize({ width, height });
    const bottomLine = card.getByText(headings.bottomLine, { exact: true });
    // Web Chat's transcript scrolls itself after a resize (it keeps a long reply's start in view): bring
    // the card to the top once that has settled, and again until it stays there.
    const bottomOf = async () => {
      await card.evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await settled(page, bottomLine);
      const b = await bottomLine.boundingBox();
      return b!.y + b!.height;
    };
    let bottom = await bottomOf();
    for (let tries = 0; tries < 10 && bottom >= height; tries++) bottom = await bottomOf();
    await expect(bottomLine.isVisible()).resolves.toBe(true);
    expect(bottom).toBeLessThan(height);
    // The first action is on the first screen too.
    const action = card.getByText(firstAction).first();
    const actionBox = await action.boundingBox();
    expect(actionBox!.y + actionBox!.height).toBeLessThan(height);
    // Nothing of the details is shown before a section is opened; nothing is cut sideways on a phone.
    const scroll = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(scroll).toBeLessThanOrEqual(0);
    await page.screenshot({ path: path.join(artifactsDir, `${name}-recommendation-${width}.png`) });
  }
  // Details closed: the sources are in the card but hidden; pressing "Sources" shows them.
  // Sources may be in a "More details" card of the same recommendation (Teams' message size limit).
  const sources = page.getByRole('button', { name: new RegExp(`^${headings.references} \\(`) }).last();
  const firstSource = page.getByText(/^• \[1\] /).last();
  await expect(firstSource.isVisible()).resolves.toBe(false);
  await sources.click();
  await expect(firstSource.isVisible()).resolves.toBe(true);
  await firstSource.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await page.screenshot({ path: path.join(artifactsDir, `${name}-sources-open-390.png`) });
  await sources.click();
  await expect(firstSource.isVisible()).resolves.toBe(false);
  await page.setViewportSize({ width: 1280, height: 900 });
}

import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser } from 'playwright-core';
import { readConfig } from '../../src/config';
import { buildApp, type App } from '../../src/server';

/**
 * The browser tests' one way to start: Debian's chromium driven by playwright-core (never a downloaded
 * browser), against the real server on a loopback port. CI installs the `chromium` package; without it
 * a browser test fails, it is never skipped.
 */
const chromiumPath = '/usr/bin/chromium';
const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

async function launchChromium(): Promise<Browser> {
  if (!existsSync(chromiumPath))
    throw new Error(
      `Chromium is not installed at ${chromiumPath}: the browser tests need Debian's chromium package ` +
        '(apt-get install -y chromium). They are not skipped.',
    );
  return chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
}

/** The server listening on a free loopback port; its base URL. */
export async function listen(app: App): Promise<string> {
  await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', () => resolve()));
  return `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
}

/** A local-mode bot on the memory store and a Chromium, for one test file (close both in afterAll). */
export async function startPageBot(): Promise<{ app: App; base: string; browser: Browser }> {
  const browser = await launchChromium();
  const app = await buildApp(readConfig({ STORAGE: 'memory', LOG_LEVEL: 'silent' }));
  return { app, base: await listen(app), browser };
}

/** A typical consult clicked through on the page, as answer values by question id (labels come from the content). */
export const typicalRoute: Record<string, string> = {
  scenario: 'newSymptoms',
  redFlags: 'none',
  seizure: 'yes',
  mriAccess: 'available',
  imagingResult: 'parenchymal',
  lesionCount: 'one',
  largestLesion: 'under3cm',
  massEffect: 'no',
  resectable: 'yes',
  kps: 'kps90to100',
  age: 'under60',
  her2: 'positive',
  hormoneReceptor: 'positive',
  extracranial: 'controlled',
  systemicTherapy: 'firstLine',
  her2Regimen: 'trastuzumabPertuzumab',
};

// Headless Chromium from Debian's package, driven by playwright-core (which never downloads a browser of its own).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

export const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** Chromium's flags for this closed network: without the background-networking ones its connections are refused. */
const chromiumArgs = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync',
];

export const viewports = {
  desktop: { width: 1280, height: 800 },
  phone: { width: 390, height: 844 },
};

/**
 * Starts Chromium with a fresh profile (its own --user-data-dir, deleted on close) and returns its one context.
 * The portal's Content-Security-Policy is bypassed only so that the tests can inject axe-core.
 */
export async function launchBrowser({ viewport = viewports.desktop, locale = 'en-US' } = {}) {
  const profile = mkdtempSync(path.join(tmpdir(), 'portal-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    args: chromiumArgs,
    viewport,
    locale,
    acceptDownloads: true,
    bypassCSP: true,
    timezoneId: 'UTC',
  });
  const close = async () => {
    await context.close().catch(() => {});
    rmSync(profile, { recursive: true, force: true });
  };
  return { context, close };
}

/** A new page that fails the test on any script error the portal throws. */
export async function newPage(context, errors = []) {
  const page = await context.newPage();
  page.on('pageerror', error => errors.push(error));
  return page;
}

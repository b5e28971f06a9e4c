// Screenshots of the portal for reviewers, written to docs/portal/ by the tests that bring each page to the state
// shown: NAME-desktop.png (1280×800) and NAME-phone.png (390×844), full page.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { viewports } from './browser.mjs';

const directory = process.env.PORTAL_SCREENSHOTS
  || path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../docs/portal');

/** Takes the page at desktop and phone widths (charts redraw on resize), then restores the desktop width. */
export async function screenshots(page, name) {
  mkdirSync(directory, { recursive: true });
  for (const [width, viewport] of Object.entries(viewports)) {
    await page.setViewportSize(viewport);
    // Two frames: Chart.js redraws on the resize observer's callback, then the page settles.
    await page.evaluate(() => new Promise(resolve => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    await page.waitForTimeout(150);
    await page.screenshot({ path: path.join(directory, `${name}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize(viewports.desktop);
}

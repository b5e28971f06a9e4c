// An automated accessibility check (axe-core) of every page of the portal in the states people see, at desktop and
// phone widths: no violation of impact serious or critical.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, newPage, viewports } from './support/browser.mjs';
import { adminKey, issueKey, portalUrl, samplePath } from './support/api.mjs';
import { axeViolations, seriousOf } from './support/axe.mjs';

let browser;
let brazil;
const pageErrors = [];

before(async () => {
  browser = await launchBrowser();
  brazil = await issueKey('BRA', 'portal test: Brazil');
});

after(async () => {
  await browser?.close();
  assert.deepEqual(pageErrors.map(String), [], 'no script error on any page');
});

async function check(t, page, what) {
  for (const [width, viewport] of Object.entries(viewports)) {
    await page.setViewportSize(viewport);
    const violations = await axeViolations(page);
    for (const v of violations) t.diagnostic(`${what} (${width}): ${v.id} [${v.impact}] ${v.help}`);
    assert.deepEqual(seriousOf(violations), [], `${what} at ${width} width`);
  }
  await page.setViewportSize(viewports.desktop);
}

async function open(name) {
  const page = await newPage(browser.context, pageErrors);
  await page.goto(portalUrl(name));
  await page.waitForSelector('body[data-ready]');
  return page;
}

async function signIn(page, key) {
  await page.fill('#key', key);
  await page.click('#sign-in-form button[type=submit]');
  await page.waitForSelector('#signed-in:not([hidden])');
}

test('the open-data page, with its tables and charts', async t => {
  const page = await open('index.html');
  await check(t, page, 'open data');
  await page.close();
});

test('the focal-point page: signing in, and a rejected return with its report and history', { timeout: 60_000 }, async t => {
  const page = await open('focal-point.html');
  await check(t, page, 'focal point, sign-in');
  await signIn(page, brazil.key);
  await page.fill('#upload-year', '2021');
  await page.setInputFiles('#file', samplePath('mexico-2025-es-errores.xlsx'));
  await page.click('#upload-button');
  await page.waitForSelector('#status[data-status=rejected]', { timeout: 30_000 });
  await page.waitForSelector('#history-table');
  await check(t, page, 'focal point, report');
  await page.close();
});

test('the staff page, with coverage and keys', async t => {
  const page = await open('staff.html');
  await signIn(page, adminKey);
  await page.waitForSelector('#coverage-table');
  await page.waitForSelector('#keys-table');
  await check(t, page, 'staff');
  await page.close();
});

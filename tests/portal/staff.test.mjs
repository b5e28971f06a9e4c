// The staff page in Chromium: coverage of the year (who reported, who is late), issuing and revoking a key, compiling
// a snapshot; a focal point's key does not open it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { launchBrowser, newPage } from './support/browser.mjs';
import { adminKey, api, issueKey, portalUrl } from './support/api.mjs';
import { screenshots } from './support/screens.mjs';

const messages = JSON.parse(readFileSync(new URL('../../functions/Observatory.Functions/Portal/wwwroot/messages.json', import.meta.url), 'utf8'));

let browser;
const pageErrors = [];

before(async () => {
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  assert.deepEqual(pageErrors.map(String), [], 'no script error on any page');
});

async function signedInAsStaff() {
  const page = await newPage(browser.context, pageErrors);
  await page.goto(portalUrl('staff.html'));
  await page.waitForSelector('body[data-ready]');
  await page.fill('#key', adminKey);
  await page.click('#sign-in-form button[type=submit]');
  await page.waitForSelector('#signed-in:not([hidden])');
  await page.waitForSelector('#coverage-table');
  return page;
}

test('staff see the coverage of the year: who reported, who is late, who does not take part', async () => {
  const page = await signedInAsStaff();
  await page.fill('#coverage-year', '2025');
  await page.click('#coverage-refresh');
  await page.waitForFunction(() => document.getElementById('coverage-summary').textContent.startsWith('2025'));

  const coverage = (await api('GET', 'admin/coverage?year=2025', { key: adminKey })).body;
  const catalog = (await api('GET', 'catalog')).body;
  // Late: participating, no accepted data, and past 1 March of the following year.
  const late = Date.now() >= Date.UTC(2026, 2, 1);
  const expected = Object.fromEntries(coverage.states.map(s => [
    catalog.states.find(c => c.iso3 === s.country).names.en,
    !s.participating ? 'notParticipating' : s.reported ? 'reported' : late ? 'late' : 'awaited',
  ]));
  const shown = Object.fromEntries(await page.$$eval('#coverage-table tbody tr', trs => trs.map(tr => [tr.children[0].textContent, tr.querySelector('[data-standing]').dataset.standing])));
  assert.deepEqual(shown, expected);
  for (const state of ['Mexico', 'Brazil', 'Haiti', 'Jamaica']) assert.equal(shown[state], 'reported', state);
  assert.equal(shown.Cuba, 'notParticipating');

  const lateCount = Object.values(expected).filter(s => s === 'late').length;
  assert.equal(await page.textContent('#coverage-summary'), messages.en['staff.coverageSummary']
    .replace('{year}', '2025').replace('{reported}', String(coverage.reported)).replace('{participating}', String(coverage.participating)).replace('{late}', String(lateCount)));
  await screenshots(page, 'staff');
  await page.close();
});

test('staff issue a key that is shown once and works, then revoke it and it stops working', async () => {
  const page = await signedInAsStaff();
  await page.selectOption('#issue-state', 'PER');
  await page.fill('#issue-label', 'Ministerio de la Mujer – portal test');
  await page.click('#issue-form button[type=submit]');
  await page.waitForSelector('#issued-key');
  const key = await page.textContent('#issued-key');
  const me = await api('GET', 'me', { key });
  assert.equal(me.status, 200);
  assert.deepEqual([me.body.role, me.body.country], ['focalPoint', 'PER']);

  const keyId = (await api('GET', 'admin/keys?country=PER', { key: adminKey })).body.keys.find(k => k.label === 'Ministerio de la Mujer – portal test').keyId;
  assert.ok(key.startsWith(`obs_${keyId}_`), 'the key shown is the one listed');
  const row = `#keys-table tbody tr:has(button[data-key-id="${keyId}"])`;
  assert.match(await page.textContent(row), /Ministerio de la Mujer – portal test/);

  page.once('dialog', dialog => dialog.accept());
  await page.click(`button[data-key-id="${keyId}"]`);
  await page.waitForSelector(`button[data-key-id="${keyId}"]`, { state: 'detached' });
  assert.equal((await api('GET', 'me', { key })).status, 401, 'a revoked key stops working at once');
  assert.equal(await page.$('#issued-key'), null, 'the revoked key is no longer shown');
  const revoked = await page.$$eval('#keys-table tbody tr', (trs, id) => trs.find(tr => tr.textContent.includes(id)).textContent, keyId);
  assert.match(revoked, /revoked/);

  // The audit log section, filtered to the state, shows the issue and the revocation of that key, newest first.
  await page.selectOption('#audit-state', 'PER');
  await page.click('#audit-form button[type=submit]');
  await page.waitForFunction(id => [...document.querySelectorAll('#audit-table tbody tr')].some(tr => tr.textContent.includes(id)), keyId);
  const entries = await page.$$eval('#audit-table tbody tr', (trs, id) => trs.filter(tr => tr.textContent.includes(id)).map(tr => tr.textContent), keyId);
  assert.equal(entries.length, 2, entries.join('\n'));
  assert.match(entries[0], /key revoked/);
  assert.match(entries[1], /key issued/);
  assert.ok(!entries.join('').includes(key), 'the log never shows a key');
  await page.close();
});

test('staff compile and publish a snapshot of a year from the page', { timeout: 60_000 }, async () => {
  const page = await signedInAsStaff();
  const before = (await api('GET', 'opendata')).body.snapshots.filter(s => s.year === 2024).map(s => s.version);
  await page.fill('#snapshot-year', '2024');
  await page.click('#snapshot-compile');
  await page.waitForFunction(() => /2024/.test(document.getElementById('snapshot-result').textContent) && !document.getElementById('snapshot-compile').disabled, null, { timeout: 30_000 });
  const after = (await api('GET', 'opendata')).body.snapshots.filter(s => s.year === 2024);
  const created = after.find(s => !before.includes(s.version));
  assert.ok(created, 'a new version of 2024 is published');
  assert.ok(created.latest);
  assert.match(await page.textContent('#snapshot-result'), new RegExp(created.version));
  await page.close();
});

test('staff see which cells disclosure control withheld and the audit of every small count', async () => {
  const page = await signedInAsStaff();
  await page.fill('#disclosure-year', '2025');
  await page.fill('#disclosure-state', 'HTI');
  await page.click('#disclosure-show');
  await page.waitForSelector('#disclosure-withheld');

  const report = (await api('GET', 'admin/snapshots/2025/latest/disclosure?country=HTI', { key: adminKey })).body;
  const withheld = report.tables.flatMap(t => t.withheld);
  const audits = report.tables.flatMap(t => t.audits);
  assert.ok(withheld.length > 0, "Haiti's small counts are withheld");
  assert.equal(await page.$$eval('#disclosure-withheld tbody tr', rows => rows.length), withheld.length);
  assert.equal(await page.$$eval('#disclosure-audits tbody tr', rows => rows.length), audits.length);
  const reasons = await page.$$eval('#disclosure-withheld [data-reason]', badges => badges.map(b => b.dataset.reason));
  assert.deepEqual(reasons, withheld.map(w => w.reason));
  assert.ok(audits.every(a => a.protected && a.valuesFound >= report.threshold - 1), 'every small count keeps enough values');
  // The report is never public: without the admin key the route refuses.
  assert.equal((await api('GET', 'admin/snapshots/2025/latest/disclosure')).status, 401);
  await page.close();
});

test('a focal point\'s key does not open the staff page', async () => {
  const haiti = await issueKey('HTI', 'portal test: Haiti');
  const page = await newPage(browser.context, pageErrors);
  await page.goto(portalUrl('staff.html'));
  await page.waitForSelector('body[data-ready]');
  await page.fill('#key', haiti.key);
  await page.click('#sign-in-form button[type=submit]');
  await page.waitForFunction(() => document.getElementById('sign-in-error').textContent.length > 0);
  assert.equal(await page.isVisible('#signed-in'), false);
  // Haiti works in French, so the page follows the key's state there too.
  assert.equal(await page.textContent('#sign-in-error'), messages.fr['staff.notStaff']);
  await page.close();
});

// The focal points' page in Chromium against the local host and Azurite: sign-in, template, the upload flow end to
// end (drag and drop, progress, status without reloading, history, changes), a rejected file's errors in the
// state's language and after the language switch.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { launchBrowser, newPage } from './support/browser.mjs';
import { api, contentTypes, issueKey, jsonReturn, portalUrl, sample, samplePath } from './support/api.mjs';
import { screenshots } from './support/screens.mjs';

const messages = JSON.parse(readFileSync(new URL('../../functions/Observatory.Functions/Portal/wwwroot/messages.json', import.meta.url), 'utf8'));

let browser;
let mexico;
const pageErrors = [];

before(async () => {
  browser = await launchBrowser();
  mexico = await issueKey('MEX', 'portal test: Mexico');
});

after(async () => {
  await browser?.close();
  assert.deepEqual(pageErrors.map(String), [], 'no script error on any page');
});

/** Opens the focal-point page and signs in with a key. */
async function signedIn(key) {
  const page = await newPage(browser.context, pageErrors);
  await page.goto(portalUrl('focal-point.html'));
  await page.waitForSelector('body[data-ready]');
  await page.fill('#key', key);
  await page.click('#sign-in-form button[type=submit]');
  await page.waitForSelector('#signed-in:not([hidden])');
  await page.waitForSelector('body[data-ready]');
  return page;
}

/** Sends a file from the form, as a person choosing it would; the file name is kept. */
async function sendWithInput(page, { year, file, mode = 'replace' }) {
  await page.fill('#upload-year', String(year));
  await page.check(`input[name=mode][value=${mode}]`);
  await page.setInputFiles('#file', file);
  await page.click('#upload-button');
}

/** Drops a file on the drop zone, as dragging it from the desktop does. */
async function dropFile(page, { name, bytes, type }) {
  await page.evaluate(({ name, base64, type }) => {
    const data = Uint8Array.from(atob(base64), c => c.charCodeAt(0));
    const transfer = new DataTransfer();
    transfer.items.add(new File([data], name, { type }));
    const zone = document.getElementById('drop-zone');
    for (const kind of ['dragenter', 'dragover', 'drop']) zone.dispatchEvent(new DragEvent(kind, { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, { name, base64: Buffer.from(bytes).toString('base64'), type });
}

/** Records every status the page shows, and marks the document so that a reload would be noticed. */
async function watchStatus(page) {
  await page.evaluate(() => {
    window.__statuses = [];
    window.__sameDocument = true;
    const status = document.getElementById('status');
    new MutationObserver(() => {
      const current = status.dataset.status;
      if (current && window.__statuses.at(-1) !== current) window.__statuses.push(current);
    }).observe(status, { attributes: true, attributeFilter: ['data-status'] });
  });
}

test('a focal point signs in with the state\'s key, kept in the tab\'s session only, and reads the page in the state\'s language', async () => {
  const page = await newPage(browser.context, pageErrors);
  await page.goto(portalUrl('focal-point.html'));
  await page.waitForSelector('body[data-ready]');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  await screenshots(page, 'focal-point-sign-in');

  await page.fill('#key', 'obs_0000000000000000_not-a-key');
  await page.click('#sign-in-form button[type=submit]');
  await page.waitForFunction(() => document.getElementById('sign-in-error').textContent.length > 0);
  assert.equal(await page.textContent('#sign-in-error'), messages.en['signIn.rejected']);

  await page.fill('#key', mexico.key);
  await page.click('#sign-in-form button[type=submit]');
  await page.waitForSelector('#signed-in:not([hidden])');
  assert.equal(await page.getAttribute('html', 'lang'), 'es', 'Mexico works in Spanish');
  assert.equal(await page.textContent('h1'), messages.es['focal.title']);
  assert.equal(await page.textContent('#focal-lead'), messages.es['focal.lead'].replace('{state}', 'México'));

  const storage = await page.evaluate(() => ({
    session: sessionStorage.getItem('observatory.key'),
    local: Object.keys(localStorage).map(k => localStorage.getItem(k)),
    cookies: document.cookie,
  }));
  assert.equal(storage.session, mexico.key);
  assert.ok(!storage.local.some(value => value?.includes(mexico.key)), 'the key is never in localStorage');
  assert.equal(storage.cookies, '');
  assert.equal(await page.inputValue('#key'), '', 'the key is not left in the form');

  // A reload keeps the session; signing out forgets the key.
  await page.reload();
  await page.waitForSelector('#signed-in:not([hidden])');
  await page.click('#sign-out');
  await page.waitForSelector('#sign-in:not([hidden])');
  assert.equal(await page.evaluate(() => sessionStorage.getItem('observatory.key')), null);
  await page.close();
});

test('the template is offered for the chosen year, fetched with the key', async () => {
  const page = await signedIn(mexico.key);
  assert.equal(await page.textContent('#template-download'), messages.es['focal.templateDownload']);
  // GET /api/template is served by the templates work; where it is not deployed yet, only the link is checked.
  const probe = await api('GET', 'template?country=MEX&year=2024&lang=es', { key: mexico.key });
  if (probe.status !== 404) {
    await page.fill('#template-year', '2024');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#template-download')]);
    assert.match(download.suggestedFilename(), /\.xlsx$/);
    const bytes = readFileSync(await download.path());
    assert.equal(bytes.subarray(0, 2).toString(), 'PK', 'an xlsx file (a zip archive)');
  }
  await page.close();
});

test('a return dropped on the page uploads with a progress bar, its status changes without reloading, and the history shows it with its changes', { timeout: 90_000 }, async () => {
  const page = await signedIn(mexico.key);
  await watchStatus(page);

  // Drag and drop the sample return of Mexico, for 2023.
  await page.fill('#upload-year', '2023');
  await dropFile(page, { name: 'mexico-2025-es.xlsx', bytes: sample('mexico-2025-es.xlsx'), type: contentTypes.xlsx });
  assert.match(await page.textContent('#chosen-file'), /mexico-2025-es\.xlsx/);
  await page.click('#upload-button');
  await page.waitForSelector('#status[data-status=accepted]', { timeout: 30_000 });

  assert.equal(await page.getAttribute('#upload-progress', 'value'), '100');
  assert.equal(await page.isVisible('#upload-progress'), true);
  const seen = await page.evaluate(() => ({ statuses: window.__statuses, sameDocument: window.__sameDocument === true }));
  assert.ok(seen.sameDocument, 'the page was not reloaded');
  assert.ok(['queued', 'processing'].includes(seen.statuses[0]), `first status shown: ${seen.statuses}`);
  assert.equal(seen.statuses.at(-1), 'accepted');

  const id = await page.getAttribute('#status', 'data-submission');
  const stored = (await api('GET', `submissions/${id}`, { key: mexico.key })).body;
  assert.equal(stored.fileName, 'mexico-2025-es.xlsx');
  assert.equal(stored.year, 2023);
  assert.equal(await page.textContent('#counts [data-count=observations]'), new Intl.NumberFormat('es').format(stored.counts.observations));

  // The history lists it, newest first; its changes are every cell added.
  await page.waitForSelector(`#history-table button[data-action=diff][data-id="${id}"]`);
  const firstRow = await page.$$eval('#history-table tbody tr', rows => rows[0].textContent);
  assert.match(firstRow, /mexico-2025-es\.xlsx/);
  await page.click(`#history-table button[data-action=diff][data-id="${id}"]`);
  await page.waitForSelector(`#diff-view[data-submission="${id}"]`);
  const diff = (await api('GET', `submissions/${id}/diff`, { key: mexico.key })).body;
  assert.equal(diff.added, stored.counts.observations);
  assert.equal(await page.$$eval('#diff-view tbody tr', rows => rows.length), diff.changes.length);

  // An amendment with one cell: its changes show the old and the new value.
  const amendment = jsonReturn({ country: 'MEX', year: 2023, victims: 70, population: 40_370_367, prosecuted: 75, convicted: 33 });
  await sendWithInput(page, { year: 2023, mode: 'amend', file: { name: 'mexico-2023-correccion.json', mimeType: contentTypes.json, buffer: amendment } });
  await page.waitForFunction(previous => {
    const status = document.getElementById('status');
    return status.dataset.submission !== previous && status.dataset.status === 'accepted';
  }, id, { timeout: 30_000 });
  const amendId = await page.getAttribute('#status', 'data-submission');
  await page.waitForSelector(`#history-table button[data-action=diff][data-id="${amendId}"]`);
  await page.click(`#history-table button[data-action=diff][data-id="${amendId}"]`);
  await page.waitForSelector(`#diff-view[data-submission="${amendId}"]`);
  const amendDiff = (await api('GET', `submissions/${amendId}/diff`, { key: mexico.key })).body;
  const victims = amendDiff.changes.find(c => c.indicator === 'CT_VICT_DET' && Object.values(c.dimensions).every(v => v === '_T'));
  assert.deepEqual([victims.change, victims.oldValue, victims.newValue], ['changed', 61, 70]);
  const rowTexts = await page.$$eval('#diff-view tbody tr', rows => rows.map(r => [...r.children].map(c => c.textContent)));
  assert.ok(rowTexts.some(cells => cells.includes('61') && cells.includes('70') && cells.includes(messages.es['diff.changed'])),
    `the changed victims count is shown: ${JSON.stringify(rowTexts)}`);
  await page.close();
});

test('a rejected file shows each error with its row and a message in Spanish, then in English after the language switch', { timeout: 60_000 }, async () => {
  const page = await signedIn(mexico.key);
  await sendWithInput(page, { year: 2022, file: samplePath('mexico-2025-es-errores.xlsx') });
  await page.waitForSelector('#status[data-status=rejected]', { timeout: 30_000 });
  await page.waitForSelector('#errors tbody tr');

  const id = await page.getAttribute('#status', 'data-submission');
  const spanish = (await api('GET', `submissions/${id}?lang=es`, { key: mexico.key })).body;
  const english = (await api('GET', `submissions/${id}?lang=en`, { key: mexico.key })).body;
  assert.ok(spanish.errors.length >= 5);
  const shown = () => page.$$eval('#errors tbody tr', rows => rows.map(r => ({ row: r.children[0].textContent, message: r.children[4].textContent })));
  assert.deepEqual(await shown(), spanish.errors.map(e => ({ row: String(e.row ?? ''), message: e.message })));
  assert.equal(await page.textContent('#status .badge'), messages.es['status.rejected']);

  // The report links are offered with the verdict.
  assert.equal(await page.textContent('#report-xlsx'), messages.es['focal.reportXlsx']);
  assert.equal(await page.textContent('#report-html'), messages.es['focal.reportHtml']);
  const report = await api('GET', `submissions/${id}/report?format=xlsx`, { key: mexico.key });
  if (report.status === 200) {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#report-xlsx')]);
    assert.match(download.suggestedFilename(), /\.xlsx$/);
  }
  await screenshots(page, 'focal-point');

  await page.selectOption('#language', 'en');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  await page.waitForFunction(expected => document.querySelector('#errors tbody tr td:nth-child(5)')?.textContent === expected,
    english.errors[0].message, { timeout: 10_000 });
  assert.deepEqual(await shown(), english.errors.map(e => ({ row: String(e.row ?? ''), message: e.message })));
  assert.equal(await page.textContent('#status .badge'), messages.en['status.rejected']);
  assert.equal(await page.textContent('h1'), messages.en['focal.title']);

  // The choice holds across the portal's pages for the rest of the tab's session.
  await page.click('nav a[href="index.html"]');
  await page.waitForSelector('body[data-ready]');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  await page.close();
});

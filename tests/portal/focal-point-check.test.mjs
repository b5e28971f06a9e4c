// "Check the file" on the focal points' page, in Chromium against the local host and Azurite: a focal point downloads
// the template, fills it in with one mistake (a real edit of the workbook's cells), checks it and reads the error where
// it stands in Spanish, corrects it, checks again, sends it and sees it accepted. The check step passes axe-core too.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { launchBrowser, newPage, viewports } from './support/browser.mjs';
import { axeViolations, seriousOf } from './support/axe.mjs';
import { api, contentTypes, issueKey, portalUrl } from './support/api.mjs';
import { screenshots } from './support/screens.mjs';
import { Workbook } from './support/xlsx.mjs';

const messages = JSON.parse(readFileSync(new URL('../../functions/Observatory.Functions/Portal/wwwroot/messages.json', import.meta.url), 'utf8'));

// Costa Rica works in Spanish; 2023 is a year no other portal test sends or publishes.
const country = 'CRI';
const year = 2023;

let browser;
let costaRica;
const pageErrors = [];

before(async () => {
  browser = await launchBrowser();
  costaRica = await issueKey(country, 'portal test: Costa Rica');
});

after(async () => {
  await browser?.close();
  assert.deepEqual(pageErrors.map(String), [], 'no script error on any page');
});

/** The template's data sheet as a person reads it: the header row with "Indicador" and "Valor", and the rows under it. */
function dataSheet(workbook) {
  for (const { name } of workbook.sheets) {
    const rows = workbook.rows(name);
    const header = rows.find(r => [...r.cells.values()].includes('Indicador') && [...r.cells.values()].includes('Valor'));
    if (!header) continue;
    const letter = label => [...header.cells.entries()].find(([, text]) => text === label)[0];
    const dimensions = [...header.cells.entries()].filter(([, text]) => !['Indicador', 'Valor', 'Valor del año anterior', 'Marca', 'Nota'].includes(text)).map(([l]) => l);
    return { name, rows: rows.filter(r => r.row > header.row), indicator: letter('Indicador'), value: letter('Valor'), dimensions };
  }
  throw new Error('the template has no data sheet');
}

/** The cell of the value of an indicator's total row (every breakdown "Total" or blank). */
function totalValueCell(sheet, indicatorLabel) {
  const row = sheet.rows.find(r => r.cells.get(sheet.indicator) === indicatorLabel
    && sheet.dimensions.every(l => ['', 'Total', undefined].includes(r.cells.get(l))));
  assert.ok(row, `the template lists the total of ${indicatorLabel}`);
  return `${sheet.value}${row.row}`;
}

/** The template filled in: children detected and persons prosecuted, the children's count as given. */
function filledIn(template, catalog, childrenDetected) {
  const workbook = new Workbook(template);
  const sheet = dataSheet(workbook);
  const label = code => catalog.indicators.find(i => i.code === code).labels.es;
  const victims = totalValueCell(sheet, label('CT_VICT_DET'));
  workbook.type(sheet.name, victims, childrenDetected);
  workbook.type(sheet.name, totalValueCell(sheet, label('CT_PERS_PROS')), 9);
  return { bytes: workbook.save(), sheet: sheet.name, victims };
}

const shownErrors = page => page.$$eval('#check-errors tbody tr', rows => rows.map(r => ({
  row: r.children[0].textContent, column: r.children[1].textContent, sheet: r.children[2].textContent, message: r.children[4].textContent,
})));

test('a focal point checks the filled-in template, reads the mistake in Spanish, corrects it, checks again and sends it', { timeout: 120_000 }, async () => {
  const catalog = (await api('GET', 'catalog')).body;
  const page = await newPage(browser.context, pageErrors);
  await page.goto(portalUrl('focal-point.html'));
  await page.waitForSelector('body[data-ready]');
  await page.fill('#key', costaRica.key);
  await page.click('#sign-in-form button[type=submit]');
  await page.waitForSelector('#signed-in:not([hidden])');
  await page.waitForSelector('body[data-ready]');
  assert.equal(await page.getAttribute('html', 'lang'), 'es', 'Costa Rica works in Spanish');
  assert.equal(await page.textContent('#check-button'), messages.es['focal.check']);

  // 1. The template of the year, downloaded from the page.
  await page.fill('#template-year', String(year));
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#template-download')]);
  const template = readFileSync(await download.path());

  // 2. Filled in with one mistake: a negative count of children.
  const wrong = filledIn(template, catalog, -12);
  await page.fill('#upload-year', String(year));
  await page.setInputFiles('#file', { name: `plantilla-${country}-${year}.xlsx`, mimeType: contentTypes.xlsx, buffer: wrong.bytes });
  await page.click('#check-button');
  await page.waitForSelector('#check-status[data-status=invalid]', { timeout: 30_000 });

  // The error where it stands, in Spanish, as the API words it; nothing was stored.
  const expected = (await api('POST', `validations?country=${country}&year=${year}&lang=es`, { key: costaRica.key, body: wrong.bytes, contentType: contentTypes.xlsx })).body;
  assert.equal(expected.status, 'invalid');
  const error = expected.errors.find(e => `${e.column}${e.row}` === wrong.victims);
  assert.ok(error, `the API reports the mistake at ${wrong.victims}: ${JSON.stringify(expected.errors)}`);
  assert.match(error.message, /negativo/);
  assert.deepEqual(await shownErrors(page), expected.errors.map(e => ({ row: String(e.row ?? ''), column: e.column ?? '', sheet: e.sheet ?? '', message: e.message })));
  assert.equal(await page.textContent('#check-status .badge'), messages.es['status.invalid']);
  assert.match(await page.textContent('#check-problems'), new RegExp(messages.es['focal.checkInvalid'].slice(0, 30)));
  assert.equal((await api('GET', `submissions?country=${country}`, { key: costaRica.key })).body.submissions.length, 0, 'a check stores no submission');
  await screenshots(page, 'focal-point-check');
  for (const [width, viewport] of Object.entries(viewports)) {
    await page.setViewportSize(viewport);
    assert.deepEqual(seriousOf(await axeViolations(page)), [], `the check step at ${width} width has no serious or critical accessibility violation`);
  }
  await page.setViewportSize(viewports.desktop);

  // 3. Corrected and checked again: valid, no error left.
  const corrected = filledIn(template, catalog, 12);
  await page.setInputFiles('#file', { name: `plantilla-${country}-${year}.xlsx`, mimeType: contentTypes.xlsx, buffer: corrected.bytes });
  assert.equal(await page.isVisible('#check'), false, 'choosing another file clears the last check');
  await page.click('#check-button');
  await page.waitForSelector('#check-status[data-status=valid]', { timeout: 30_000 });
  assert.equal(await page.$('#check-errors'), null);
  assert.equal(await page.textContent('#check-status .badge'), messages.es['status.valid']);
  assert.equal(await page.textContent('#check-counts [data-count=errors]'), '0');

  // 4. Sent: accepted.
  await page.click('#upload-button');
  await page.waitForSelector('#status[data-status=accepted]', { timeout: 30_000 });
  const id = await page.getAttribute('#status', 'data-submission');
  const stored = (await api('GET', `submissions/${id}`, { key: costaRica.key })).body;
  assert.equal(stored.status, 'accepted');
  assert.equal(stored.year, year);
  assert.equal(stored.counts.errors, 0);
  await page.close();
});

// The researchers' page in Chromium: the published snapshots with sizes, checksums and working download links; the
// charts drawn from the snapshot's own observations.json, suppressed cells marked and never drawn as zero; the trend
// over the published years; the treaty table; the language switch.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { launchBrowser, newPage } from './support/browser.mjs';
import { api, baseUrl, portalUrl } from './support/api.mjs';
import { suppressedState } from './support/data.mjs';
import { screenshots } from './support/screens.mjs';

const messages = JSON.parse(readFileSync(new URL('../../functions/Observatory.Functions/Portal/wwwroot/messages.json', import.meta.url), 'utf8'));

let browser;
let catalog;
const pageErrors = [];

before(async () => {
  browser = await launchBrowser();
  catalog = (await api('GET', 'catalog')).body;
});

after(async () => {
  await browser?.close();
  assert.deepEqual(pageErrors.map(String), [], 'no script error on any page');
});

async function openData(language) {
  const page = await newPage(browser.context, pageErrors);
  await page.goto(portalUrl('index.html'));
  await page.waitForSelector('body[data-ready]');
  if (language) {
    await page.selectOption('#language', language);
    await page.waitForFunction(l => document.documentElement.lang === l, language);
  }
  return page;
}

const latest = async year => (await api('GET', 'opendata')).body.snapshots.find(s => s.year === year && s.latest);
const rowsOf = async year => (await api('GET', `opendata/${year}/latest/observations.json`)).body;
const dimensions = () => catalog.codeLists.filter(l => l.isDimension).map(l => l.id);
const total = (rows, country, indicator) => rows.find(r => r.country === country && r.indicator === indicator && dimensions().every(d => r[d] == null || r[d] === '_T'));
const nameOf = (iso3, language = 'en') => catalog.states.find(s => s.iso3 === iso3).names[language];
const labelOf = (code, language = 'en') => catalog.indicators.find(i => i.code === code).labels[language];

/** What a chart holds, read from Chart.js itself. */
const chartOf = (page, id) => page.evaluate(canvasId => {
  const chart = globalThis.Chart.getChart(document.getElementById(canvasId));
  return {
    type: chart.config.type,
    labels: chart.data.labels,
    datasets: chart.data.datasets.map(d => ({ label: d.label, data: d.data, suppressed: d.suppressed })),
    marks: chart.$suppressedMarks,
    ariaLabel: chart.canvas.getAttribute('aria-label'),
  };
}, id);

test('the published snapshots are listed by year with sizes, checksums and download links that give those very bytes', async () => {
  const page = await openData();
  const snapshot = await latest(2025);
  const years = await page.$$eval('#year option', options => options.map(o => o.value));
  assert.deepEqual(years, ['2025', '2024']);

  const rows = await page.$$eval('#files table tbody tr', trs => trs.map(tr => ({
    name: tr.children[0].textContent, href: tr.querySelector('a').href, sha256: tr.children[2].textContent, size: tr.children[1].textContent,
  })));
  assert.deepEqual(rows.map(r => r.name), snapshot.files.map(f => f.name));
  assert.deepEqual(rows.map(r => r.sha256), snapshot.files.map(f => f.sha256));
  assert.ok(rows.every(r => /\d/.test(r.size)));
  for (const name of ['observations.csv', 'SHA256SUMS']) {
    const row = rows.find(r => r.name === name);
    assert.equal(row.href, `${baseUrl}${snapshot.files.find(f => f.name === name).url}`);
    const bytes = Buffer.from(await (await fetch(row.href)).arrayBuffer());
    assert.equal(createHash('sha256').update(bytes).digest('hex'), row.sha256, `${name} matches its checksum`);
  }

  await page.selectOption('#year', '2024');
  await page.waitForFunction(() => document.getElementById('indicators-title').textContent.includes('2024'));
  const older = await latest(2024);
  assert.deepEqual(await page.$$eval('#files table tbody tr td:nth-child(3)', cells => cells.map(c => c.textContent)), older.files.map(f => f.sha256));
  await page.close();
});

test('the charts draw the snapshot\'s own data; a suppressed cell is marked as suppressed and never drawn as zero', async () => {
  const page = await openData();
  const rows = await rowsOf(2025);
  const countries = [...new Set(rows.map(r => r.country))].sort((a, b) => nameOf(a).localeCompare(nameOf(b), 'en'));
  const expected = indicator => countries.map(c => total(rows, c, indicator)).map(cell => (cell && cell.flag !== 'suppressed' ? cell.value : null));
  const suppressed = indicator => countries.map(c => total(rows, c, indicator)?.flag === 'suppressed');

  // The test data has Jamaica's count of victims, 3, which disclosure control suppresses, and so its rate.
  assert.equal(total(rows, suppressedState, 'CT_VICT_DET').flag, 'suppressed');
  assert.equal(total(rows, suppressedState, 'CT_VICT_DET').value, null);

  const victims = await chartOf(page, 'chart-victims');
  assert.equal(victims.type, 'bar');
  assert.deepEqual(victims.labels, countries.map(c => nameOf(c)));
  assert.deepEqual(victims.datasets[0].data, expected('CT_VICT_DET'));
  assert.deepEqual(victims.datasets[0].suppressed, suppressed('CT_VICT_DET'));
  const jamaica = countries.indexOf(suppressedState);
  assert.equal(victims.datasets[0].data[jamaica], null, 'no bar, and certainly no zero');
  assert.deepEqual(victims.marks.map(m => m.index), [jamaica]);
  assert.match(victims.ariaLabel, new RegExp(`${nameOf(suppressedState)}: ${messages.en['data.suppressed']}`));

  const rate = await chartOf(page, 'chart-rate');
  assert.deepEqual(rate.datasets[0].data, expected('CT_VICT_DET_RATE'));
  assert.deepEqual(rate.marks.map(m => m.index), [jamaica]);

  const justice = await chartOf(page, 'chart-justice');
  assert.deepEqual(justice.datasets.map(d => d.label), [labelOf('CT_PERS_PROS'), labelOf('CT_PERS_CONV')]);
  assert.deepEqual(justice.datasets.map(d => d.data), [expected('CT_PERS_PROS'), expected('CT_PERS_CONV')]);

  // The canvas really shows it: the bar of the largest count is painted, and the hatched mark is where the plugin said.
  const painted = await page.evaluate(({ mark }) => {
    const canvas = document.getElementById('chart-victims');
    const chart = globalThis.Chart.getChart(canvas);
    const context = canvas.getContext('2d');
    const ratio = chart.currentDevicePixelRatio;
    const inked = (x, y, w, h) => {
      const data = context.getImageData(Math.round(x * ratio), Math.round(y * ratio), Math.max(1, Math.round(w * ratio)), Math.max(1, Math.round(h * ratio))).data;
      let count = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i + 3] > 0 && (data[i] < 200 || data[i + 1] < 200 || data[i + 2] < 200)) count++;
      return count / (data.length / 4);
    };
    const values = chart.data.datasets[0].data;
    const tallest = values.indexOf(Math.max(...values.filter(v => v !== null)));
    const bar = chart.getDatasetMeta(0).data[tallest];
    return { bar: inked(bar.x - 2, bar.y + 4, 4, 4), mark: inked(mark.left + 1, mark.top + 1, mark.width - 2, mark.height - 2) };
  }, { mark: victims.marks[0] });
  assert.ok(painted.bar > 0.9, `the tallest bar is painted (${painted.bar})`);
  assert.ok(painted.mark > 0.1 && painted.mark < 0.9, `the suppressed mark is hatched, part ink and part paper (${painted.mark})`);

  // The table beside the charts says "suppressed" where the value is withheld.
  const tableRow = await page.$$eval('#main-indicators tbody tr', (trs, name) => [...trs.find(tr => tr.children[0].textContent === name).children].map(c => c.textContent), nameOf(suppressedState));
  assert.deepEqual(tableRow.slice(1, 3), [messages.en['data.suppressed'], messages.en['data.suppressed']]);
  assert.equal(await page.$$eval('#main-indicators [data-suppressed]', cells => cells.length), suppressed('CT_VICT_DET').filter(Boolean).length + suppressed('CT_VICT_DET_RATE').filter(Boolean).length);
  await screenshots(page, 'open-data');
  await page.close();
});

test('the trend shows each state\'s victims over the published years, and the treaty table their ratifications', async () => {
  const page = await openData();
  const [rows2024, rows2025] = await Promise.all([rowsOf(2024), rowsOf(2025)]);
  const trend = await chartOf(page, 'chart-trend');
  assert.equal(trend.type, 'line');
  assert.deepEqual(trend.labels, ['2024', '2025']);
  for (const dataset of trend.datasets) {
    const iso3 = catalog.states.find(s => s.names.en === dataset.label).iso3;
    const cells = [total(rows2024, iso3, 'CT_VICT_DET'), total(rows2025, iso3, 'CT_VICT_DET')];
    assert.deepEqual(dataset.data, cells.map(c => (c && c.flag !== 'suppressed' ? c.value : null)), dataset.label);
    assert.deepEqual(dataset.suppressed, cells.map(c => c?.flag === 'suppressed'), dataset.label);
  }
  assert.ok(trend.datasets.some(d => d.label === nameOf(suppressedState) && d.data[0] === 7 && d.data[1] === null), 'Jamaica: 7 in 2024, suppressed in 2025');

  const treaties = catalog.indicators.filter(i => i.valueList === 'TREATY_STATUS');
  const headers = await page.$$eval('#treaty-table thead th', ths => ths.map(th => th.textContent));
  assert.deepEqual(headers.slice(1), treaties.map(t => t.labels.en));
  const statusLabel = code => catalog.codeLists.find(l => l.id === 'TREATY_STATUS').codes.find(c => c.code === code).labels.en;
  const table = await page.$$eval('#treaty-table tbody tr', trs => trs.map(tr => [...tr.children].map(c => c.textContent)));
  for (const line of table) {
    const iso3 = catalog.states.find(s => s.names.en === line[0]).iso3;
    treaties.forEach((treaty, index) => {
      const cell = total(rows2025, iso3, treaty.code);
      assert.equal(line[index + 1], cell?.value_code ? statusLabel(cell.value_code) : messages.en['data.notReported'], `${iso3} ${treaty.code}`);
    });
  }
  await page.close();
});

test('the time series and the SDMX files are offered as downloads, and the trend reads the series\' one file', async () => {
  const page = await newPage(browser.context, pageErrors);
  const requested = [];
  page.on('request', request => requested.push(new URL(request.url()).pathname));
  await page.goto(portalUrl('index.html'));
  await page.waitForSelector('body[data-ready]');

  const series = (await api('GET', 'opendata/series')).body.series.find(s => s.latest);
  assert.deepEqual(series.years.map(y => y.year), [2024, 2025]);
  const quick = ['observations.csv', 'observations.xlsx', 'observations.sdmx.csv', 'structure.xml'];
  const links = await page.$$eval('#series-downloads a', as => as.map(a => ({ file: a.dataset.file, href: a.href, text: a.textContent })));
  assert.deepEqual(links.map(l => l.file), quick);
  assert.deepEqual(links.map(l => l.text), ['openData.download.csv', 'openData.download.xlsx', 'openData.download.sdmx', 'openData.download.structure'].map(k => messages.en[k]));
  for (const link of links) {
    const file = series.files.find(f => f.name === link.file);
    assert.equal(link.href, `${baseUrl}${file.url}`);
    const bytes = Buffer.from(await (await fetch(link.href)).arrayBuffer());
    assert.equal(createHash('sha256').update(bytes).digest('hex'), file.sha256, `${link.file} of the series matches its checksum`);
  }
  assert.deepEqual(await page.$$eval('#series-files table tbody tr', trs => trs.map(tr => tr.children[0].textContent)), series.files.map(f => f.name));

  // The year's SDMX files are one click away too.
  const snapshot = await latest(2025);
  const yearLinks = await page.$$eval('#downloads a', as => as.map(a => ({ file: a.dataset.file, href: a.href })));
  assert.deepEqual(yearLinks.map(l => l.file), quick);
  assert.deepEqual(yearLinks.map(l => l.href), quick.map(name => `${baseUrl}${snapshot.files.find(f => f.name === name).url}`));

  // The trend came from the series' observations.json; no other year's file was fetched for it.
  await page.waitForFunction(() => globalThis.Chart.getChart(document.getElementById('chart-trend')));
  assert.ok(requested.includes(series.files.find(f => f.name === 'observations.json').url), 'the series file is read');
  const older = await latest(2024);
  assert.ok(!requested.includes(older.files.find(f => f.name === 'observations.json').url), '2024\'s own file is not fetched for the trend');
  const seriesRows = (await api('GET', 'opendata/series/latest/observations.json')).body;
  const trend = await chartOf(page, 'chart-trend');
  for (const dataset of trend.datasets) {
    const iso3 = catalog.states.find(s => s.names.en === dataset.label).iso3;
    const cells = [2024, 2025].map(year => total(seriesRows.filter(r => r.year === year), iso3, 'CT_VICT_DET'));
    assert.deepEqual(dataset.data, cells.map(c => (c && c.flag !== 'suppressed' ? c.value : null)), dataset.label);
  }

  await page.selectOption('#language', 'fr');
  await page.waitForFunction(() => document.documentElement.lang === 'fr');
  assert.equal(await page.textContent('#series-title'), messages.fr['openData.seriesTitle']);
  assert.equal((await page.$$eval('#series-downloads a', as => as.map(a => a.textContent)))[3], messages.fr['openData.download.structure']);
  await page.close();
});

test('the language switch changes the page, the catalog\'s labels and the numbers\' format, and holds across pages', async () => {
  const page = await openData('fr');
  assert.equal(await page.textContent('h1'), messages.fr['openData.title']);
  assert.equal(await page.title(), messages.fr['openData.pageTitle']);
  await page.waitForFunction(expected => document.getElementById('chart-victims-title').textContent.startsWith(expected), labelOf('CT_VICT_DET', 'fr'));
  const victims = await chartOf(page, 'chart-victims');
  assert.ok(victims.labels.includes(nameOf('HTI', 'fr')) && victims.labels.includes(nameOf('MEX', 'fr')), victims.labels.join(', '));
  assert.match(await page.textContent('#main-indicators'), new RegExp(messages.fr['data.suppressed']));

  await page.selectOption('#language', 'es');
  await page.waitForFunction(() => document.documentElement.lang === 'es');
  assert.equal(await page.textContent('h1'), messages.es['openData.title']);
  const states = await page.$$eval('#main-indicators tbody th', ths => ths.map(th => th.textContent));
  assert.ok(states.includes('México') && states.includes('Brasil'), states.join(', '));

  await page.click('nav a[href="staff.html"]');
  await page.waitForSelector('body[data-ready]');
  assert.equal(await page.getAttribute('html', 'lang'), 'es');
  assert.equal(await page.textContent('h1'), messages.es['staff.title']);
  await page.close();
});

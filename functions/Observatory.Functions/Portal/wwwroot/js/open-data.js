// The researchers' page: the published snapshots by year (files, sizes, checksums, downloads), the time series across
// years, and for the chosen year the main indicators by state, from the snapshot's own observations.json; the trend
// over the years comes from the series' observations.json, one file for every year.
import { apiFetch, apiUrl } from './api.js';
import { byId, el, replaceContent, show, table } from './dom.js';
import { t, language, formatNumber, formatBytes, formatDateTime } from './i18n.js';
import { loadCatalog, stateName, indicatorLabel, codeLabel, dimensionIds } from './catalog.js';
import { drawChart } from './charts.js';
import { startPage } from './shell.js';

const VICTIMS = 'CT_VICT_DET';
const RATE = 'CT_VICT_DET_RATE';
const PROSECUTED = 'CT_PERS_PROS';
const CONVICTED = 'CT_PERS_CONV';

const state = { catalog: null, snapshotsByYear: new Map(), years: [], year: null, observations: new Map(), series: null, seriesRows: null };

/** The files offered as quick downloads, in this order: the table for a spreadsheet, and SDMX with its structure. */
const QUICK_DOWNLOADS = [
  ['observations.csv', 'openData.download.csv'],
  ['observations.xlsx', 'openData.download.xlsx'],
  ['observations.sdmx.csv', 'openData.download.sdmx'],
  ['structure.xml', 'openData.download.structure'],
];

/** The snapshots grouped by year, each year's versions newest first. */
function groupByYear(snapshots) {
  const byYear = new Map();
  for (const snapshot of snapshots) {
    if (!byYear.has(snapshot.year)) byYear.set(snapshot.year, []);
    byYear.get(snapshot.year).push(snapshot);
  }
  for (const versions of byYear.values()) versions.sort((a, b) => b.version.localeCompare(a.version));
  return byYear;
}

function latestOf(year) {
  const versions = state.snapshotsByYear.get(year) ?? [];
  return versions.find(v => v.latest) ?? versions[0];
}

/** The rows of a year's latest snapshot (observations.json), fetched once by its immutable version URL. */
async function observationsOf(year) {
  if (!state.observations.has(year)) {
    const file = latestOf(year).files.find(f => f.name === 'observations.json');
    state.observations.set(year, fetch(apiUrl(file.url)).then(response => {
      if (!response.ok) throw new Error(t('error.load'));
      return response.json();
    }));
  }
  return state.observations.get(year);
}

/** A state's cell of an indicator with every dimension at its total, or undefined when the state did not report it. */
function totalCell(rows, country, indicator) {
  const dimensions = dimensionIds(state.catalog);
  return rows.find(row => row.country === country && row.indicator === indicator &&
    dimensions.every(d => row[d] === null || row[d] === undefined || row[d] === '_T'));
}

const isSuppressed = cell => cell?.flag === 'suppressed';
const numberOf = cell => (cell && !isSuppressed(cell) && typeof cell.value === 'number' ? cell.value : null);

function formatValue(value, indicator) {
  return indicator === RATE ? formatNumber(value, { maximumFractionDigits: 2 }) : formatNumber(value);
}

/** A cell as a table shows it: the value, "suppressed" (marked up so it can be styled and found), or "not reported". */
function cellContent(cell, indicator) {
  if (!cell) return el('span', { class: 'not-reported' }, t('data.notReported'));
  if (isSuppressed(cell)) return el('span', { class: 'suppressed', 'data-suppressed': '' }, t('data.suppressed'));
  return formatValue(cell.value, indicator);
}

/** "Download: CSV · Excel · SDMX-CSV · SDMX structure", each a link to that file of a version, when it has it. */
function quickDownloads(files) {
  const links = QUICK_DOWNLOADS
    .map(([name, key]) => [files.find(f => f.name === name), key])
    .filter(([file]) => file)
    .map(([file, key]) => el('a', { href: apiUrl(file.url), download: file.name, 'data-file': file.name }, t(key)));
  return links.length === 0 ? null : [t('openData.downloads'), ' ', ...links.flatMap((link, i) => (i === 0 ? [link] : [' · ', link]))];
}

function renderFiles(year) {
  const latest = latestOf(year);
  replaceContent(byId('version-info'), t('openData.versionInfo', { version: latest.version, date: formatDateTime(latest.createdAt) }));
  replaceContent(byId('downloads'), quickDownloads(latest.files));
  replaceContent(byId('files'), filesTable(latest, t('openData.filesCaption', { year, version: latest.version })));
  const older = (state.snapshotsByYear.get(year) ?? []).filter(v => v !== latest);
  replaceContent(byId('older-versions'), older.length === 0 ? null : el('details', {},
    el('summary', {}, t('openData.olderVersions', { n: older.length })),
    older.map(v => filesTable(v, t('openData.filesCaption', { year, version: v.version })))));
}

function filesTable(snapshot, caption) {
  return table({
    t, caption, className: 'files', stack: true,
    columns: [
      { key: 'openData.file', cell: f => el('a', { href: apiUrl(f.url), download: f.name }, f.name) },
      { key: 'openData.size', numeric: true, cell: f => formatBytes(f.size) },
      { key: 'openData.sha256', cell: f => el('code', { class: 'checksum' }, f.sha256) },
    ],
    rows: snapshot.files,
  });
}

async function renderIndicators(year) {
  const rows = await observationsOf(year);
  const catalog = state.catalog;
  const countries = [...new Set(rows.map(r => r.country))]
    .sort((a, b) => stateName(catalog, a).localeCompare(stateName(catalog, b), language()));
  const names = countries.map(c => stateName(catalog, c));

  replaceContent(byId('indicators-title'), t('openData.indicatorsTitle', { year }));
  show(byId('indicators'));

  const mainColumns = [VICTIMS, RATE, PROSECUTED, CONVICTED];
  replaceContent(byId('main-table'), table({
    t: key => (key.startsWith('ind:') ? indicatorLabel(catalog, key.slice(4)) + (key.endsWith(RATE) ? ` (${t('data.perHundredThousand')})` : '') : t(key)),
    caption: t('openData.mainTableCaption', { year }), id: 'main-indicators', className: 'data-table', stack: true,
    columns: [
      { key: 'data.state', cell: c => stateName(catalog, c) },
      ...mainColumns.map(indicator => ({ key: `ind:${indicator}`, numeric: true, cell: c => cellContent(totalCell(rows, c, indicator), indicator) })),
    ],
    rows: countries,
  }));

  const series = indicator => countries.map(c => totalCell(rows, c, indicator));
  const describe = (title, indicator, cells) => `${title}. ` + countries.map((c, i) =>
    `${names[i]}: ${!cells[i] ? t('data.notReported') : isSuppressed(cells[i]) ? t('data.suppressed') : formatValue(cells[i].value, indicator)}`).join('; ');

  const bar = (canvasId, titleId, indicator, yTitle) => {
    const title = indicatorLabel(catalog, indicator);
    const cells = series(indicator);
    replaceContent(byId(titleId), `${title}, ${year}`);
    drawChart(byId(canvasId), {
      type: 'bar', labels: names, language: language(), yTitle,
      datasets: [{ label: title, data: cells.map(numberOf), suppressed: cells.map(isSuppressed) }],
      suppressedLabel: t('data.suppressed'), formatValue: v => formatValue(v, indicator),
      description: describe(title, indicator, cells),
    });
  };
  bar('chart-victims', 'chart-victims-title', VICTIMS, t('data.children'));
  bar('chart-rate', 'chart-rate-title', RATE, t('data.perHundredThousand'));

  const prosecuted = series(PROSECUTED);
  const convicted = series(CONVICTED);
  const justiceTitle = t('openData.justiceTitle', { year });
  replaceContent(byId('chart-justice-title'), justiceTitle);
  drawChart(byId('chart-justice'), {
    type: 'bar', labels: names, language: language(), yTitle: t('data.persons'),
    datasets: [
      { label: indicatorLabel(catalog, PROSECUTED), data: prosecuted.map(numberOf), suppressed: prosecuted.map(isSuppressed) },
      { label: indicatorLabel(catalog, CONVICTED), data: convicted.map(numberOf), suppressed: convicted.map(isSuppressed) },
    ],
    suppressedLabel: t('data.suppressed'), formatValue: v => formatNumber(v),
    description: `${justiceTitle}. ${indicatorLabel(catalog, PROSECUTED)} – ${describe('', PROSECUTED, prosecuted)} ${indicatorLabel(catalog, CONVICTED)} – ${describe('', CONVICTED, convicted)}`,
  });

  await renderTrend();
  renderTreaties(rows, countries);
}

/** The latest series: its years and files, with quick downloads. */
function renderSeries() {
  const series = state.series;
  show(byId('series'), Boolean(series));
  if (!series) return;
  const years = series.years.map(y => y.year);
  const span = years.length === 1 ? `${years[0]}` : `${years[0]}–${years[years.length - 1]}`;
  replaceContent(byId('series-info'), t('openData.seriesInfo', { years: span, version: series.version, date: formatDateTime(series.createdAt) }));
  replaceContent(byId('series-downloads'), quickDownloads(series.files));
  replaceContent(byId('series-files'), filesTable(series, t('openData.seriesCaption', { version: series.version })));
}

/** The rows of the latest series (its observations.json), fetched once by its immutable version URL. */
async function seriesRows() {
  if (!state.seriesRows) {
    const file = state.series.files.find(f => f.name === 'observations.json');
    state.seriesRows = fetch(apiUrl(file.url)).then(response => {
      if (!response.ok) throw new Error(t('error.load'));
      return response.json();
    });
  }
  return state.seriesRows;
}

/** Victims detected by state over the years of the series (the latest version of each year), when it has more than one. */
async function renderTrend() {
  const catalog = state.catalog;
  const years = (state.series?.years ?? []).map(y => y.year).sort((a, b) => a - b);
  const title = t('openData.trendTitle', { indicator: indicatorLabel(catalog, VICTIMS) });
  replaceContent(byId('chart-trend-title'), title);
  const enough = years.length > 1;
  show(byId('trend-note'), !enough);
  show(byId('trend-box'), enough);
  if (!enough) return;

  const rows = (await seriesRows()).filter(r => r.indicator === VICTIMS);
  const byYear = years.map(year => rows.filter(r => r.year === year));
  const countries = [...new Set(byYear.flat().filter(r => r.indicator === VICTIMS).map(r => r.country))]
    .sort((a, b) => stateName(catalog, a).localeCompare(stateName(catalog, b), language()));
  const datasets = countries.map(country => {
    const cells = byYear.map(rows => totalCell(rows, country, VICTIMS));
    return { label: stateName(catalog, country), data: cells.map(numberOf), suppressed: cells.map(isSuppressed), cells };
  });
  drawChart(byId('chart-trend'), {
    type: 'line', labels: years.map(String), language: language(), yTitle: t('data.children'),
    datasets: datasets.map(({ cells, ...dataset }) => dataset),
    suppressedLabel: t('data.suppressed'), formatValue: v => formatNumber(v),
    description: `${title}. ` + datasets.map(d => `${d.label}: ` + years.map((y, i) =>
      `${y} ${!d.cells[i] ? t('data.notReported') : isSuppressed(d.cells[i]) ? t('data.suppressed') : formatNumber(d.cells[i].value)}`).join(', ')).join('; '),
  });
}

function renderTreaties(rows, countries) {
  const catalog = state.catalog;
  const treaties = catalog.indicators.filter(i => i.valueList === 'TREATY_STATUS').map(i => i.code);
  replaceContent(byId('treaties'), table({
    t: key => (key.startsWith('ind:') ? indicatorLabel(catalog, key.slice(4)) : t(key)),
    caption: t('openData.treatiesCaption', { year: state.year }), id: 'treaty-table', className: 'data-table treaties', stack: true,
    columns: [
      { key: 'data.state', cell: c => stateName(catalog, c) },
      ...treaties.map(code => ({
        key: `ind:${code}`,
        cell: c => {
          const cell = totalCell(rows, c, code);
          if (!cell || !cell.value_code) return el('span', { class: 'not-reported' }, t('data.notReported'));
          return el('span', { class: `treaty treaty-${cell.value_code.toLowerCase()}` }, codeLabel(catalog, 'TREATY_STATUS', cell.value_code));
        },
      })),
    ],
    rows: countries,
  }));
}

async function selectYear(year) {
  state.year = year;
  renderFiles(year);
  renderSeries();
  await renderIndicators(year);
}

async function main() {
  await startPage();
  try {
    const [catalog, listing, series] = await Promise.all([loadCatalog(), apiFetch('opendata'), apiFetch('opendata/series')]);
    state.catalog = catalog;
    state.series = series.series.find(s => s.latest) ?? null;
    state.snapshotsByYear = groupByYear(listing.snapshots);
    state.years = [...state.snapshotsByYear.keys()].sort((a, b) => b - a);
    if (state.years.length === 0) {
      show(byId('no-snapshots'));
      return;
    }
    const picker = byId('year');
    replaceContent(picker, state.years.map(y => el('option', { value: y }, y)));
    show(byId('year-picker'));
    picker.addEventListener('change', () => selectYear(Number(picker.value)).catch(showError));
    document.addEventListener('languagechange', () => selectYear(state.year).catch(showError));
    await selectYear(state.years[0]);
    document.body.dataset.ready = 'true';
  } catch (error) {
    showError(error);
  }
}

function showError(error) {
  replaceContent(byId('page-error'), error.message || t('error.load'));
}

main();

// How a submission, its problems and its changes are shown: shared by the focal-point page (and usable by staff).
import { el, table } from './dom.js';
import { t, formatNumber, formatDateTime, pick } from './i18n.js';
import { indicatorLabel, codeLabel } from './catalog.js';

/** The statuses after which a submission does not change any more. */
export const finalStatuses = new Set(['accepted', 'rejected', 'failed']);

/** A status as a labelled badge; data-status carries the API's name. */
export function statusBadge(status) {
  return el('span', { class: `badge status-${status}`, 'data-status': status }, t(`status.${status}`));
}

/** The counts of a submission (or, with check, of a dry run, which stored nothing) as a description list. */
export function countsList(counts, { check = false } = {}) {
  return ['rows', 'observations', 'errors', 'warnings'].map(name => el('div', {},
    el('dt', {}, t(check && name === 'observations' ? 'counts.observations.check' : `counts.${name}`)),
    el('dd', { 'data-count': name }, formatNumber(counts?.[name] ?? 0))));
}

/** The errors or warnings of a submission as a table: where in the file, the value found, what to do. */
export function problemsTable(problems, captionKey, id) {
  return table({
    t, id, className: 'problems', stack: true, caption: t(captionKey, { n: problems.length }),
    columns: [
      { key: 'problem.row', numeric: true, cell: p => (p.row ?? '') },
      { key: 'problem.column', cell: p => p.column ?? '' },
      { key: 'problem.sheet', cell: p => p.sheet ?? '' },
      { key: 'problem.value', cell: p => (p.value === null || p.value === undefined ? '' : el('code', {}, p.value)) },
      { key: 'problem.message', cell: p => p.message },
    ].map((column, index) => ({ ...column, rowHeader: index === 0 ? true : undefined })),
    rows: problems,
  });
}

function listLabel(catalog, dimension) {
  const list = catalog.codeListsById.get(dimension);
  return list ? pick(list.labels) : dimension;
}

function valueText(catalog, indicator, value) {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return formatNumber(value);
  const list = catalog.indicatorsByCode.get(indicator)?.valueList;
  return list ? codeLabel(catalog, list, value) : String(value);
}

/** The changes a submission made against the version it replaced. */
export function diffView(catalog, diff) {
  const summary = t('diff.summary', {
    added: formatNumber(diff.added), removed: formatNumber(diff.removed), changed: formatNumber(diff.changed),
  });
  return el('div', { class: 'diff', id: 'diff-view', 'data-submission': diff.id },
    el('h3', {}, t('diff.title', { id: diff.id })),
    el('p', {}, summary, ' ', diff.replaces ? t('diff.replaces', { id: diff.replaces }) : t('diff.first')),
    diff.changes.length === 0 ? null : table({
      t, className: 'diff-table', stack: true, caption: t('diff.caption'),
      columns: [
        { key: 'diff.indicator', cell: c => indicatorLabel(catalog, c.indicator) },
        { key: 'diff.dimensions', cell: c => dimensionsTextWithNames(catalog, c.dimensions) },
        { key: 'diff.change', cell: c => el('span', { class: `change change-${c.change}` }, t(`diff.${c.change}`)) },
        { key: 'diff.before', numeric: true, cell: c => valueText(catalog, c.indicator, c.oldValue) },
        { key: 'diff.after', numeric: true, cell: c => valueText(catalog, c.indicator, c.newValue) },
      ],
      rows: diff.changes,
    }));
}

function dimensionsTextWithNames(catalog, dimensions) {
  const parts = Object.entries(dimensions ?? {})
    .filter(([, code]) => code !== '_T')
    .map(([dimension, code]) => `${listLabel(catalog, dimension)}: ${codeLabel(catalog, dimension, code)}`);
  return parts.length === 0 ? t('diff.total') : parts.join(', ');
}

/** The line that names a submission: its file, when it arrived and its status. */
export function submissionLine(submission) {
  return [
    el('span', { class: 'file-name' }, submission.fileName || submission.id), ' – ',
    t('focal.receivedAt', { date: formatDateTime(submission.receivedAt) }), ' ',
    statusBadge(submission.status),
  ];
}

// The focal points' page: sign in with the state's key, download the template, check a return before sending it (a dry
// run: its errors shown inline, nothing stored), send it (drag and drop, with upload progress), follow its status without reloading, read its report in the page's language, and see the state's
// submissions and what each changed.
import { apiFetch, uploadFile, contentTypeOf, fetchFile, saveBlob, openBlob } from './api.js';
import { byId, el, replaceContent, show, table } from './dom.js';
import { t, language, formatDateTime, formatNumber, formatBytes, pick } from './i18n.js';
import { loadCatalog, stateName, statesByName } from './catalog.js';
import { sessionKey } from './session.js';
import { startPage, wireSignIn, showSignedIn } from './shell.js';
import { finalStatuses, statusBadge, countsList, problemsTable, diffView, submissionLine } from './submission-view.js';

const pollInterval = 1000;
const pollLimit = 15 * 60 * 1000;

const page = {
  caller: null,
  catalog: null,
  country: null,
  chosenFile: null,
  check: null, // the last dry run: { file, year, mode, answer }
  shown: null, // the submission whose report is shown
  pollTimer: null,
  diff: null,
  history: [],
};

const lastFullYear = () => new Date().getFullYear() - 1;

async function onSignedIn(caller) {
  page.caller = caller;
  page.catalog = await loadCatalog();
  showSignedIn(true);
  const staff = caller.role === 'staff';
  show(byId('staff-state'), staff);
  if (staff) {
    const picker = byId('state');
    replaceContent(picker, statesByName(page.catalog).map(s => el('option', { value: s.iso3 }, pick(s.names))));
    picker.value = page.country ?? 'MEX';
    picker.onchange = () => {
      page.country = picker.value;
      clearResult();
      renderLead();
      loadHistory();
    };
    page.country = picker.value;
  } else {
    page.country = caller.country;
  }
  for (const id of ['template-year', 'upload-year']) {
    const input = byId(id);
    if (!input.value) input.value = lastFullYear();
    input.max = new Date().getFullYear();
  }
  renderLead();
  await loadHistory();
  document.body.dataset.ready = 'true';
}

function renderLead() {
  const name = stateName(page.catalog, page.country);
  replaceContent(byId('focal-lead'), page.caller.role === 'staff' ? t('focal.leadStaff', { state: name }) : t('focal.lead', { state: name }));
}

// ---- template ----

async function downloadTemplate() {
  const error = byId('template-error');
  replaceContent(error);
  const year = byId('template-year').value;
  try {
    const file = await fetchFile(`template?country=${page.country}&year=${encodeURIComponent(year)}&lang=${language()}`,
      { key: sessionKey(), fallbackName: `template-${page.country}-${year}.xlsx` });
    saveBlob(file.blob, file.name);
  } catch (failure) {
    replaceContent(error, failure.message);
  }
}

// ---- upload ----

function chooseFile(file) {
  page.chosenFile = file ?? null;
  clearCheck();
  replaceContent(byId('chosen-file'), file ? t('focal.chosen', { name: file.name, size: formatBytes(file.size) }) : '');
}

function wireDropZone() {
  const zone = byId('drop-zone');
  const input = byId('file');
  input.addEventListener('change', () => chooseFile(input.files[0]));
  zone.addEventListener('dragover', event => {
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    zone.classList.add('dragging');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('dragging'));
  zone.addEventListener('drop', event => {
    event.preventDefault();
    zone.classList.remove('dragging');
    const file = event.dataTransfer?.files?.[0];
    if (file) chooseFile(file);
  });
}

function setProgress(fraction) {
  const percent = Math.round(fraction * 100);
  const label = byId('upload-progress-label');
  label.dataset.i18n = percent === 100 ? 'focal.sent' : 'focal.uploading';
  replaceContent(label, t(label.dataset.i18n));
  byId('upload-progress').value = percent;
  replaceContent(byId('upload-percent'), `${percent} %`);
}

async function send(event) {
  event.preventDefault();
  const error = byId('upload-error');
  replaceContent(error);
  const form = readForm(error);
  if (!form) return;
  const { year, file, contentType, mode } = form;

  const button = byId('upload-button');
  button.disabled = true;
  show(byId('upload-progress-box'));
  setProgress(0);
  try {
    const answer = await uploadFile(`submissions?country=${page.country}&year=${year}&mode=${mode}&lang=${language()}&fileName=${encodeURIComponent(file.name)}`,
      { key: sessionKey(), file, contentType, onProgress: setProgress });
    if (answer.status === 202 || answer.status === 200) {
      setProgress(1);
      if (answer.status === 200) replaceContent(error, t('focal.sameFile', { id: answer.body.id }));
      byId('file').value = '';
      chooseFile(null);
      await showSubmission(answer.body, { follow: true });
      loadHistory();
    } else {
      replaceContent(error, answer.body?.detail || answer.body?.title || t('error.upload', { status: answer.status }));
    }
  } catch (failure) {
    replaceContent(error, failure.message);
  } finally {
    button.disabled = false;
  }
}

// ---- check (dry run) ----

/** The year, the file and its content type from the form, or null after saying what is missing. */
function readForm(error) {
  const year = byId('upload-year').value.trim();
  const file = page.chosenFile;
  if (!/^\d{4}$/.test(year)) return replaceContent(error, t('focal.needYear')), null;
  if (!file) return replaceContent(error, t('focal.needFile')), null;
  const contentType = contentTypeOf(file.name);
  if (!contentType) return replaceContent(error, t('focal.wrongType')), null;
  return { year, file, contentType, mode: new FormData(byId('upload-form')).get('mode') };
}

function clearCheck() {
  page.check = null;
  show(byId('check'), false);
}

/** Checks the chosen file without sending it: POST /api/validations answers at once with the report, in the page's language. */
async function check() {
  const error = byId('upload-error');
  replaceContent(error);
  const form = readForm(error);
  if (!form) return;
  const buttons = [byId('check-button'), byId('upload-button')];
  buttons.forEach(b => { b.disabled = true; });
  show(byId('check'));
  const status = byId('check-status');
  delete status.dataset.status;
  replaceContent(status, t('focal.checking.file'));
  replaceContent(byId('check-counts'));
  replaceContent(byId('check-problems'));
  try {
    const answer = await uploadFile(`validations?country=${page.country}&year=${form.year}&mode=${form.mode}&lang=${language()}&fileName=${encodeURIComponent(form.file.name)}`,
      { key: sessionKey(), file: form.file, contentType: form.contentType });
    if (answer.status === 200) {
      page.check = { file: form.file, year: form.year, mode: form.mode, answer: answer.body };
      renderCheck();
    } else {
      clearCheck();
      replaceContent(error, answer.body?.detail || answer.body?.title || t('error.upload', { status: answer.status }));
    }
  } catch (failure) {
    clearCheck();
    replaceContent(error, failure.message);
  } finally {
    buttons.forEach(b => { b.disabled = false; });
  }
}

function renderCheck() {
  const answer = page.check?.answer;
  if (!answer) return;
  const status = byId('check-status');
  status.dataset.status = answer.status;
  replaceContent(status, t('focal.checkLine', { file: answer.fileName, year: answer.year }), ' ', statusBadge(answer.status));
  replaceContent(byId('check-counts'), countsList(answer.counts, { check: true }));
  const problems = [el('p', {}, t(answer.status === 'valid' ? 'focal.checkValid' : 'focal.checkInvalid'))];
  if (answer.errors?.length) problems.push(problemsTable(answer.errors, 'focal.errorsCaption', 'check-errors'));
  if (answer.warnings?.length) problems.push(problemsTable(answer.warnings, 'focal.warningsCaption', 'check-warnings'));
  replaceContent(byId('check-problems'), problems);
  show(byId('check'));
}

// ---- status and report ----

function clearResult() {
  clearTimeout(page.pollTimer);
  page.shown = null;
  show(byId('result'), false);
}

/** Shows a submission and, while it is not final, follows its status until it is. */
async function showSubmission(submission, { follow = false } = {}) {
  clearTimeout(page.pollTimer);
  page.shown = submission;
  renderSubmission(submission);
  show(byId('result'));
  if (follow) byId('result').scrollIntoView({ block: 'start' });
  const started = Date.now();
  const poll = async () => {
    if (page.shown?.id !== submission.id) return;
    try {
      const latest = await apiFetch(`submissions/${submission.id}?lang=${language()}`, { key: sessionKey() });
      if (page.shown?.id !== submission.id) return;
      page.shown = latest;
      renderSubmission(latest);
      if (finalStatuses.has(latest.status)) {
        loadHistory();
        return;
      }
    } catch (failure) {
      replaceContent(byId('report-error'), failure.message);
    }
    if (Date.now() - started < pollLimit) page.pollTimer = setTimeout(poll, pollInterval);
  };
  await poll();
}

function renderSubmission(submission) {
  const status = byId('status');
  status.dataset.status = submission.status;
  status.dataset.submission = submission.id;
  replaceContent(status, t('focal.statusLine', { year: submission.year }), ' ', submissionLine(submission),
    finalStatuses.has(submission.status) ? '' : el('span', { class: 'hint' }, ' ', t('focal.checking')));
  replaceContent(byId('counts'), submission.counts ? countsList(submission.counts) : null);
  replaceContent(byId('report-error'));

  const hasReport = submission.status === 'accepted' || submission.status === 'rejected';
  replaceContent(byId('report-links'), hasReport ? [
    el('button', { type: 'button', id: 'report-xlsx', class: 'secondary', onclick: () => report(submission, 'xlsx') }, t('focal.reportXlsx')),
    ' ',
    el('button', { type: 'button', id: 'report-html', class: 'secondary', onclick: () => report(submission, 'html') }, t('focal.reportHtml')),
  ] : null);

  const problems = [];
  if (submission.status === 'failed') problems.push(el('p', { class: 'error' }, t('focal.failed')));
  if (submission.status === 'rejected') problems.push(el('p', {}, t('focal.rejectedHelp')));
  if (submission.status === 'accepted') problems.push(el('p', {}, t('focal.acceptedHelp')));
  if (submission.errors?.length) problems.push(problemsTable(submission.errors, 'focal.errorsCaption', 'errors'));
  if (submission.warnings?.length) problems.push(problemsTable(submission.warnings, 'focal.warningsCaption', 'warnings'));
  replaceContent(byId('problems'), problems);
}

async function report(submission, format) {
  replaceContent(byId('report-error'));
  try {
    const file = await fetchFile(`submissions/${submission.id}/report?format=${format}&lang=${language()}`,
      { key: sessionKey(), fallbackName: `${submission.id}-report.${format}` });
    if (format === 'html') openBlob(file.blob);
    else saveBlob(file.blob, file.name);
  } catch (failure) {
    replaceContent(byId('report-error'), failure.message);
  }
}

// ---- history and changes ----

async function loadHistory() {
  try {
    const answer = await apiFetch(`submissions?country=${page.country}`, { key: sessionKey() });
    page.history = answer.submissions;
    renderHistory();
  } catch (failure) {
    replaceContent(byId('history'), el('p', { class: 'error' }, failure.message));
  }
}

function renderHistory() {
  show(byId('history-empty'), page.history.length === 0);
  replaceContent(byId('history'), page.history.length === 0 ? null : table({
    t, id: 'history-table', className: 'history', stack: true, caption: t('focal.historyCaption', { state: stateName(page.catalog, page.country) }),
    columns: [
      { key: 'focal.received', cell: s => formatDateTime(s.receivedAt) },
      { key: 'focal.year', numeric: true, cell: s => s.year },
      { key: 'focal.file', cell: s => s.fileName },
      { key: 'focal.mode', cell: s => t(`mode.${s.mode}`) },
      { key: 'focal.status', cell: s => statusBadge(s.status) },
      { key: 'counts.errors', numeric: true, cell: s => formatNumber(s.counts?.errors ?? 0) },
      { key: 'counts.warnings', numeric: true, cell: s => formatNumber(s.counts?.warnings ?? 0) },
      {
        key: 'focal.actions', cell: s => [
          el('button', { type: 'button', class: 'secondary small', 'data-action': 'show', 'data-id': s.id,
            'aria-label': t('focal.showReportOf', { file: s.fileName, date: formatDateTime(s.receivedAt) }),
            onclick: () => showSubmission(s, { follow: true }) }, t('focal.showReport')),
          s.status === 'accepted' ? [' ', el('button', { type: 'button', class: 'secondary small', 'data-action': 'diff', 'data-id': s.id,
            'aria-label': t('focal.showChangesOf', { file: s.fileName, date: formatDateTime(s.receivedAt) }),
            onclick: () => showDiff(s.id) }, t('focal.showChanges'))] : null,
        ],
      },
    ],
    rows: page.history,
  }));
}

async function showDiff(id) {
  try {
    page.diff = await apiFetch(`submissions/${id}/diff`, { key: sessionKey() });
    renderDiff();
    byId('diff').scrollIntoView({ block: 'start' });
  } catch (failure) {
    replaceContent(byId('diff'), el('p', { class: 'error' }, failure.message));
  }
}

function renderDiff() {
  replaceContent(byId('diff'), page.diff ? diffView(page.catalog, page.diff) : null);
}

// ---- start ----

async function main() {
  const caller = await startPage();
  wireSignIn(onSignedIn);
  wireDropZone();
  byId('upload-form').addEventListener('submit', send);
  byId('check-button').addEventListener('click', check);
  // A check holds for the year and mode it was made with.
  byId('upload-year').addEventListener('input', clearCheck);
  for (const radio of document.querySelectorAll('input[name=mode]')) radio.addEventListener('change', clearCheck);
  byId('template-download').addEventListener('click', downloadTemplate);
  document.addEventListener('languagechange', () => {
    if (!page.caller) return;
    renderLead();
    renderHistory();
    renderDiff();
    if (page.shown) showSubmission(page.shown);
    // The check's messages come from the API in the language asked for: the same file is checked again in the new one.
    if (page.check && page.check.file === page.chosenFile) check();
  });
  if (caller) await onSignedIn(caller);
  else {
    showSignedIn(false);
    document.body.dataset.ready = 'true';
  }
}

main();

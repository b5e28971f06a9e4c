// The staff page: the coverage of a reporting year (who reported, who is late), issuing and revoking focal points'
// keys, and compiling a snapshot. Staff sign in with the admin key, kept in the tab's session like a focal point's.
import { apiFetch } from './api.js';
import { byId, el, replaceContent, show, table } from './dom.js';
import { t, formatDateTime, formatNumber, pick } from './i18n.js';
import { loadCatalog, stateName, statesByName, indicatorLabel } from './catalog.js';
import { sessionKey } from './session.js';
import { startPage, wireSignIn, showSignedIn } from './shell.js';
import { statusBadge } from './submission-view.js';
import { startContacts, wireContacts, renderContactsAgain } from './staff-contacts.js';

const page = { catalog: null, coverage: null, keys: [], issued: null, published: null, audit: [], auditNext: null };
const auditActions = ['key.issued', 'key.revoked', 'submission.uploaded', 'submission.reprocessed', 'lock.locked', 'lock.unlocked', 'snapshot.published', 'contact.added', 'contact.removed'];
const lastFullYear = () => new Date().getFullYear() - 1;

/**
 * The day after which a state without accepted data for `year` is late: the scheduled compile of the year's snapshot,
 * 1 March of the following year (domain.md: returns are expected in the first months of the next year).
 */
const deadlineOf = year => new Date(Date.UTC(year + 1, 2, 1));

function standingOf(entry, year, now) {
  if (!entry.participating) return 'notParticipating';
  if (entry.reported) return 'reported';
  return now >= deadlineOf(year) ? 'late' : 'awaited';
}

async function onSignedIn(caller) {
  if (caller.role !== 'staff') {
    showSignedIn(false);
    // A focal point's key stays signed in for their own page; signing in here with the admin key replaces it.
    replaceContent(byId('sign-in-error'), t('staff.notStaff'));
    document.body.dataset.ready = 'true';
    return;
  }
  page.catalog = await loadCatalog();
  showSignedIn(true);
  for (const id of ['coverage-year', 'snapshot-year', 'disclosure-year']) {
    const input = byId(id);
    if (!input.value) input.value = lastFullYear();
    input.max = new Date().getFullYear();
  }
  replaceContent(byId('issue-state'), statesByName(page.catalog).map(s => el('option', { value: s.iso3 }, pick(s.names))));
  renderAuditFilters();
  await Promise.all([loadCoverage(), loadKeys(), loadAudit(), startContacts(page.catalog)]);
  document.body.dataset.ready = 'true';
}

// ---- coverage ----

async function loadCoverage() {
  replaceContent(byId('coverage-error'));
  try {
    page.coverage = await apiFetch(`admin/coverage?year=${encodeURIComponent(byId('coverage-year').value)}`, { key: sessionKey() });
    renderCoverage();
  } catch (failure) {
    replaceContent(byId('coverage-error'), failure.message);
  }
}

function renderCoverage() {
  const coverage = page.coverage;
  if (!coverage) return;
  const now = new Date();
  const rows = coverage.states.map(entry => ({ ...entry, standing: standingOf(entry, coverage.year, now) }))
    .sort((a, b) => stateName(page.catalog, a.country).localeCompare(stateName(page.catalog, b.country)));
  const late = rows.filter(r => r.standing === 'late').length;
  replaceContent(byId('coverage-summary'), t('staff.coverageSummary', {
    year: coverage.year, reported: formatNumber(coverage.reported), participating: formatNumber(coverage.participating), late: formatNumber(late),
  }));
  replaceContent(byId('coverage-rule'), t('staff.lateRule', { date: new Intl.DateTimeFormat(document.documentElement.lang, { dateStyle: 'long', timeZone: 'UTC' }).format(deadlineOf(coverage.year)) }));
  replaceContent(byId('coverage'), table({
    t, id: 'coverage-table', className: 'coverage', stack: true, caption: t('staff.coverageCaption', { year: coverage.year }),
    columns: [
      { key: 'data.state', cell: r => stateName(page.catalog, r.country) },
      { key: 'staff.standing', cell: r => el('span', { class: `badge standing-${r.standing}`, 'data-standing': r.standing }, t(`standing.${r.standing}`)) },
      { key: 'staff.lastSubmission', cell: r => (r.lastSubmission ? [statusBadge(r.lastStatus), ' ', formatDateTime(r.lastReceivedAt)] : '') },
      { key: 'staff.acceptedAt', cell: r => formatDateTime(r.acceptedAt) },
      {
        key: 'staff.indicators', numeric: true,
        cell: r => (r.indicators.length === 0 ? '' : el('span', { title: r.indicators.map(code => indicatorLabel(page.catalog, code)).join('\n') }, formatNumber(r.indicators.length))),
      },
    ],
    rows,
  }));
}

// ---- keys ----

async function loadKeys() {
  try {
    page.keys = (await apiFetch('admin/keys', { key: sessionKey() })).keys;
    renderKeys();
  } catch (failure) {
    replaceContent(byId('keys-error'), failure.message);
  }
}

function renderKeys() {
  replaceContent(byId('keys'), page.keys.length === 0 ? el('p', { class: 'hint' }, t('staff.noKeys')) : table({
    t, id: 'keys-table', className: 'keys', stack: true, caption: t('staff.keysCaption'),
    columns: [
      { key: 'data.state', cell: k => stateName(page.catalog, k.country) },
      { key: 'staff.keyLabel', cell: k => k.label },
      { key: 'staff.keyId', cell: k => el('code', {}, k.keyId) },
      { key: 'staff.issued', cell: k => formatDateTime(k.createdAt) },
      { key: 'staff.keyStatus', cell: k => (k.revokedAt ? t('staff.revokedAt', { date: formatDateTime(k.revokedAt) }) : t('staff.active')) },
      {
        key: 'focal.actions',
        cell: k => (k.revokedAt ? '' : el('button', {
          type: 'button', class: 'danger small', 'data-key-id': k.keyId,
          'aria-label': t('staff.revokeOf', { id: k.keyId, state: stateName(page.catalog, k.country) }),
          onclick: () => revoke(k),
        }, t('staff.revoke'))),
      },
    ],
    rows: page.keys,
  }));
}

async function issue(event) {
  event.preventDefault();
  replaceContent(byId('keys-error'));
  const country = byId('issue-state').value;
  try {
    page.issued = await apiFetch('admin/keys', { method: 'POST', key: sessionKey(), body: { country, label: byId('issue-label').value.trim() } });
    byId('issue-label').value = '';
    renderIssued();
    await loadKeys();
  } catch (failure) {
    replaceContent(byId('keys-error'), failure.message);
  }
}

function renderIssued() {
  const issued = page.issued;
  if (!issued) return;
  const copied = el('span', { class: 'hint', 'aria-live': 'polite' });
  replaceContent(byId('issued'),
    el('p', {}, t('staff.issuedFor', { state: stateName(page.catalog, issued.country) })),
    el('p', {}, el('code', { id: 'issued-key', class: 'secret' }, issued.key), ' ',
      el('button', {
        type: 'button', class: 'secondary small',
        onclick: async () => {
          try {
            await navigator.clipboard.writeText(issued.key);
            replaceContent(copied, t('staff.copied'));
          } catch {
            replaceContent(copied, t('staff.copyFailed'));
          }
        },
      }, t('staff.copy')), ' ', copied),
    el('p', { class: 'hint' }, t('staff.shownOnce')));
}

async function revoke(key) {
  const state = stateName(page.catalog, key.country);
  if (!window.confirm(t('staff.confirmRevoke', { id: key.keyId, state }))) return;
  replaceContent(byId('keys-error'));
  try {
    await apiFetch(`admin/keys/${encodeURIComponent(key.keyId)}`, { method: 'DELETE', key: sessionKey() });
    if (page.issued?.keyId === key.keyId) {
      page.issued = null;
      replaceContent(byId('issued'));
    }
    await loadKeys();
  } catch (failure) {
    replaceContent(byId('keys-error'), failure.message);
  }
}

// ---- snapshot ----

async function compile() {
  const button = byId('snapshot-compile');
  replaceContent(byId('snapshot-error'));
  replaceContent(byId('snapshot-result'), t('staff.compiling'));
  button.disabled = true;
  try {
    const year = Number(byId('snapshot-year').value);
    page.published = await apiFetch(`snapshots/${year}`, { method: 'POST', key: sessionKey() });
    renderPublished();
  } catch (failure) {
    replaceContent(byId('snapshot-result'));
    replaceContent(byId('snapshot-error'), failure.message);
  } finally {
    button.disabled = false;
  }
}

function renderPublished() {
  const published = page.published;
  if (!published) return;
  const statistics = published.statistics ?? {};
  replaceContent(byId('snapshot-result'),
    t('staff.published', {
      year: published.year, version: published.version, files: formatNumber(published.files.length),
      states: formatNumber(statistics.states ?? 0), rows: formatNumber(statistics.rows ?? 0),
    }), ' ',
    el('a', { href: 'index.html' }, t('staff.seeOpenData')));
}

// ---- disclosure control (staff only: the report names true values) ----

async function loadDisclosure() {
  replaceContent(byId('disclosure-error'));
  const year = Number(byId('disclosure-year').value);
  const version = byId('disclosure-version').value.trim() || 'latest';
  const state = byId('disclosure-state').value.trim().toUpperCase();
  try {
    const query = state ? `?country=${encodeURIComponent(state)}` : '';
    page.disclosure = await apiFetch(`admin/snapshots/${year}/${encodeURIComponent(version)}/disclosure${query}`, { key: sessionKey() });
    renderDisclosure();
  } catch (failure) {
    page.disclosure = null;
    replaceContent(byId('disclosure'));
    replaceContent(byId('disclosure-error'), failure.message);
  }
}

function renderDisclosure() {
  const report = page.disclosure;
  if (!report) return;
  const withheld = report.tables.flatMap(table => table.withheld.map(cell => ({ ...cell, country: table.country, indicator: table.indicator })));
  const audits = report.tables.flatMap(table => table.audits.map(audit => ({ ...audit, country: table.country, indicator: table.indicator })));
  const summary = el('p', { class: 'hint' }, t('staff.disclosureSummary', {
    version: report.version, threshold: report.threshold, needed: report.threshold - 1,
    withheld: formatNumber(withheld.length), audited: formatNumber(audits.length),
    earlier: report.earlierVersions.length === 0 ? t('staff.disclosureNoEarlier') : report.earlierVersions.join(', '),
  }));
  if (withheld.length === 0) {
    replaceContent(byId('disclosure'), summary);
    return;
  }
  replaceContent(byId('disclosure'), summary,
    table({
      t, id: 'disclosure-withheld', stack: true, caption: t('staff.disclosureWithheldCaption'),
      columns: [
        { key: 'data.state', cell: r => stateName(page.catalog, r.country) },
        { key: 'staff.cell', cell: r => el('code', {}, r.cell) },
        { key: 'staff.reason', cell: r => el('span', { class: 'badge', 'data-reason': r.reason }, t(`withheld.${r.reason}`)) },
      ],
      rows: withheld,
    }),
    table({
      t, id: 'disclosure-audits', stack: true, caption: t('staff.disclosureAuditCaption', { needed: report.threshold - 1 }),
      columns: [
        { key: 'data.state', cell: r => stateName(page.catalog, r.country) },
        { key: 'staff.cell', cell: r => el('code', {}, r.cell) },
        { key: 'staff.trueValue', numeric: true, cell: r => formatNumber(r.value) },
        { key: 'staff.feasibleValues', cell: r => t('staff.feasibleRange', { lowest: formatNumber(r.lowest), highest: r.highest == null ? '∞' : formatNumber(r.highest) }) },
        { key: 'staff.auditMethod', cell: r => t(`auditMethod.${r.method}`) },
        { key: 'staff.auditResult', cell: r => el('span', { class: `badge ${r.protected ? 'status-accepted' : 'status-rejected'}` }, t(r.protected ? 'staff.protected' : 'staff.notProtected')) },
      ],
      rows: audits,
    }));
}

// ---- audit log ----

function renderAuditFilters() {
  const state = byId('audit-state');
  const action = byId('audit-action');
  const [chosenState, chosenAction] = [state.value, action.value];
  replaceContent(state, el('option', { value: '' }, t('staff.auditAllStates')),
    statesByName(page.catalog).map(s => el('option', { value: s.iso3 }, pick(s.names))));
  replaceContent(action, el('option', { value: '' }, t('staff.auditAllActions')),
    auditActions.map(a => el('option', { value: a }, t(`audit.${a}`))));
  state.value = chosenState;
  action.value = chosenAction;
}

function auditQuery(continuationToken) {
  const query = new URLSearchParams({ pageSize: '50' });
  if (byId('audit-state').value) query.set('country', byId('audit-state').value);
  if (byId('audit-action').value) query.set('action', byId('audit-action').value);
  // Dates are whole days in UTC: from the start of the first to the end of the last.
  if (byId('audit-from').value) query.set('from', `${byId('audit-from').value}T00:00:00Z`);
  if (byId('audit-to').value) {
    const end = new Date(`${byId('audit-to').value}T00:00:00Z`);
    end.setUTCDate(end.getUTCDate() + 1);
    query.set('to', end.toISOString());
  }
  if (continuationToken) query.set('continuationToken', continuationToken);
  return query.toString();
}

async function loadAudit(event, more = false) {
  event?.preventDefault();
  replaceContent(byId('audit-error'));
  try {
    const result = await apiFetch(`admin/audit?${auditQuery(more ? page.auditNext : null)}`, { key: sessionKey() });
    page.audit = more ? [...page.audit, ...result.entries] : result.entries;
    page.auditNext = result.continuationToken;
    renderAudit();
  } catch (failure) {
    replaceContent(byId('audit-error'), failure.message);
  }
}

function renderAudit() {
  show(byId('audit-more'), Boolean(page.auditNext));
  replaceContent(byId('audit'), page.audit.length === 0 ? el('p', { class: 'hint' }, t('staff.auditEmpty')) : table({
    t, id: 'audit-table', className: 'audit', stack: true, caption: t('staff.auditCaption'),
    columns: [
      { key: 'staff.auditWhen', cell: e => formatDateTime(e.at) },
      { key: 'staff.auditAction', cell: e => t(`audit.${e.action}`) },
      { key: 'staff.auditActor', cell: e => el('code', {}, e.actor) },
      { key: 'data.state', cell: e => e.country ? stateName(page.catalog, e.country) : '' },
      { key: 'focal.year', cell: e => e.year ?? '' },
      { key: 'staff.auditSubject', cell: e => e.subject ? el('code', {}, e.subject) : '' },
      { key: 'staff.auditDetail', cell: e => e.detail ?? '' },
    ],
    rows: page.audit,
  }));
}

// ---- start ----

async function main() {
  const caller = await startPage();
  wireSignIn(onSignedIn);
  byId('coverage-refresh').addEventListener('click', loadCoverage);
  byId('coverage-year').addEventListener('keydown', event => { if (event.key === 'Enter') loadCoverage(); });
  byId('issue-form').addEventListener('submit', issue);
  wireContacts();
  byId('snapshot-compile').addEventListener('click', compile);
  byId('disclosure-show').addEventListener('click', loadDisclosure);
  byId('audit-form').addEventListener('submit', loadAudit);
  byId('audit-more').addEventListener('click', () => loadAudit(null, true));
  document.addEventListener('languagechange', () => {
    if (!page.catalog) return;
    const picker = byId('issue-state');
    const chosen = picker.value;
    replaceContent(picker, statesByName(page.catalog).map(s => el('option', { value: s.iso3 }, pick(s.names))));
    picker.value = chosen;
    renderCoverage();
    renderDisclosure();
    renderKeys();
    renderIssued();
    renderContactsAgain();
    renderPublished();
    renderAuditFilters();
    renderAudit();
  });
  if (caller) await onSignedIn(caller);
  else {
    showSignedIn(false);
    document.body.dataset.ready = 'true';
  }
}

main();

// The staff page's e-mail contacts (register, list, remove; personal data, shown to staff only) and the notifications
// that could not be sent after the queue's retries (the poison queue "notifications-poison").
import { apiFetch } from './api.js';
import { byId, el, replaceContent, table } from './dom.js';
import { t, formatDateTime, pick } from './i18n.js';
import { stateName, statesByName } from './catalog.js';
import { sessionKey } from './session.js';

// Each language named in itself, as the page's language picker names them.
const languages = { en: 'English', es: 'Español', pt: 'Português', fr: 'Français' };
const roles = ['focalPoint', 'deputy'];
const contacts = { catalog: null, list: [], poisoned: [] };

/** Fills the form's pickers and loads the contacts and the poisoned notifications; call once signed in as staff. */
export async function startContacts(catalog) {
  contacts.catalog = catalog;
  renderContactForm();
  await Promise.all([loadContacts(), loadPoisoned()]);
}

/** Wires the form; call once at start. */
export function wireContacts() {
  byId('contact-form').addEventListener('submit', addContact);
  byId('poisoned-refresh').addEventListener('click', loadPoisoned);
}

/** Renders the section again in the page's new language. */
export function renderContactsAgain() {
  if (!contacts.catalog) return;
  renderContactForm();
  renderContacts();
  renderPoisoned();
}

function renderContactForm() {
  const state = byId('contact-state');
  const chosenState = state.value;
  replaceContent(state, statesByName(contacts.catalog).map(s => el('option', { value: s.iso3 }, pick(s.names))));
  if (chosenState) state.value = chosenState;
  const language = byId('contact-language');
  const chosenLanguage = language.value;
  replaceContent(language, Object.entries(languages).map(([code, name]) => el('option', { value: code, lang: code }, name)));
  if (chosenLanguage) language.value = chosenLanguage;
  const role = byId('contact-role');
  const chosenRole = role.value;
  replaceContent(role, roles.map(code => el('option', { value: code }, t(`staff.contactRole.${code}`))));
  if (chosenRole) role.value = chosenRole;
}

async function loadContacts() {
  try {
    contacts.list = (await apiFetch('admin/contacts', { key: sessionKey() })).contacts;
    renderContacts();
  } catch (failure) {
    replaceContent(byId('contacts-error'), failure.message);
  }
}

function renderContacts() {
  replaceContent(byId('contacts'), contacts.list.length === 0 ? el('p', { class: 'hint' }, t('staff.noContacts')) : table({
    t, id: 'contacts-table', className: 'contacts', stack: true, caption: t('staff.contactsCaption'),
    columns: [
      { key: 'data.state', cell: c => stateName(contacts.catalog, c.country) },
      { key: 'staff.contactEmail', cell: c => c.email },
      { key: 'staff.contactLanguage', cell: c => languages[c.language] ?? c.language },
      { key: 'staff.contactRole', cell: c => t(`staff.contactRole.${c.role}`) },
      { key: 'staff.issued', cell: c => formatDateTime(c.addedAt) },
      {
        key: 'focal.actions',
        cell: c => el('button', {
          type: 'button', class: 'danger small', 'data-contact-id': c.id,
          'aria-label': t('staff.removeContactOf', { state: stateName(contacts.catalog, c.country) }),
          onclick: () => removeContact(c),
        }, t('staff.removeContact')),
      },
    ],
    rows: contacts.list,
  }));
}

async function addContact(event) {
  event.preventDefault();
  replaceContent(byId('contacts-error'));
  const body = {
    country: byId('contact-state').value,
    email: byId('contact-email').value.trim(),
    language: byId('contact-language').value,
    role: byId('contact-role').value,
  };
  try {
    await apiFetch('admin/contacts', { method: 'POST', key: sessionKey(), body });
    byId('contact-email').value = '';
    await loadContacts();
  } catch (failure) {
    replaceContent(byId('contacts-error'), failure.message);
  }
}

async function removeContact(contact) {
  if (!window.confirm(t('staff.confirmRemoveContact', { state: stateName(contacts.catalog, contact.country) }))) return;
  replaceContent(byId('contacts-error'));
  try {
    await apiFetch(`admin/contacts/${encodeURIComponent(contact.id)}`, { method: 'DELETE', key: sessionKey() });
    await loadContacts();
  } catch (failure) {
    replaceContent(byId('contacts-error'), failure.message);
  }
}

async function loadPoisoned() {
  replaceContent(byId('poisoned-error'));
  try {
    contacts.poisoned = (await apiFetch('admin/notifications/poison', { key: sessionKey() })).notifications;
    renderPoisoned();
  } catch (failure) {
    replaceContent(byId('poisoned-error'), failure.message);
  }
}

function renderPoisoned() {
  replaceContent(byId('poisoned'), contacts.poisoned.length === 0 ? el('p', { class: 'hint' }, t('staff.noPoisoned')) : table({
    t, id: 'poisoned-table', className: 'poisoned', stack: true, caption: t('staff.poisonedCaption'),
    columns: [
      { key: 'staff.poisonedAt', cell: p => (p.insertedOn ? formatDateTime(p.insertedOn) : '') },
      { key: 'staff.poisonedKind', cell: p => (p.kind ? t(`staff.notificationKind.${p.kind}`) : '') },
      { key: 'staff.poisonedWhat', cell: p => el('code', {}, p.id ?? p.text ?? '') },
    ],
    rows: contacts.poisoned,
  }));
}

// The portal's own texts in en, es, pt and fr (messages.json), the language in use and formatting in it.
// The language is the one chosen with the switch in this browser tab, else the focal point's state's, else the
// browser's when it is one of the four, else English.

export const languages = ['en', 'es', 'pt', 'fr'];
const chosenLanguageKey = 'observatory.language';

let messages = {};
let current = 'en';

/** Loads the message catalog and applies the language to the page. */
export async function initI18n(preferred) {
  const response = await fetch('messages.json');
  messages = await response.json();
  current = chooseLanguage(preferred);
  applyLanguage();
}

function chooseLanguage(preferred) {
  const chosen = sessionStorage.getItem(chosenLanguageKey);
  if (languages.includes(chosen)) return chosen;
  if (languages.includes(preferred)) return preferred;
  const browser = (navigator.language || 'en').slice(0, 2).toLowerCase();
  return languages.includes(browser) ? browser : 'en';
}

/** The language in use: en, es, pt or fr. */
export function language() {
  return current;
}

/**
 * Changes the language. `chosen` is true for the person's own choice with the switch, which then holds for the rest
 * of the tab's session; a focal point's sign-in sets their state's language without it.
 */
export function setLanguage(code, { chosen = false } = {}) {
  if (!languages.includes(code)) return;
  if (chosen) sessionStorage.setItem(chosenLanguageKey, code);
  else sessionStorage.removeItem(chosenLanguageKey);
  if (code === current) return;
  current = code;
  applyLanguage();
  document.dispatchEvent(new CustomEvent('languagechange', { detail: { language: code } }));
}

/** The text of a message in the current language (English when missing), with {name} placeholders filled in. */
export function t(key, parameters = {}) {
  const text = messages[current]?.[key] ?? messages.en?.[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in parameters ? String(parameters[name]) : whole));
}

/** Fills every data-i18n element (text), data-i18n-label (aria-label) and data-i18n-title within root. */
export function translate(root = document) {
  for (const element of root.querySelectorAll('[data-i18n]')) element.textContent = t(element.dataset.i18n);
  for (const element of root.querySelectorAll('[data-i18n-label]')) element.setAttribute('aria-label', t(element.dataset.i18nLabel));
  for (const element of root.querySelectorAll('[data-i18n-title]')) element.setAttribute('title', t(element.dataset.i18nTitle));
}

function applyLanguage() {
  document.documentElement.lang = current;
  translate(document);
  const picker = document.getElementById('language');
  if (picker) picker.value = current;
}

/** A number written the way the language writes it. */
export function formatNumber(value, options = {}) {
  return new Intl.NumberFormat(current, options).format(value);
}

/** A time in the reader's time zone, in the language. */
export function formatDateTime(iso) {
  if (!iso) return '';
  return new Intl.DateTimeFormat(current, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

/** A file size (1 kB = 1,000 bytes). */
export function formatBytes(bytes) {
  if (bytes < 1000) return t('unit.bytes', { n: formatNumber(bytes) });
  if (bytes < 1_000_000) return t('unit.kilobytes', { n: formatNumber(bytes / 1000, { maximumFractionDigits: 1 }) });
  return t('unit.megabytes', { n: formatNumber(bytes / 1_000_000, { maximumFractionDigits: 1 }) });
}

/** A label from the catalog ({ en, es, pt, fr }) in the language. */
export function pick(labels) {
  return labels?.[current] ?? labels?.en ?? '';
}

// What every page of the portal shares: the language switch, who is signed in, the sign-in form.
import { byId, replaceContent, el, show } from './dom.js';
import { initI18n, setLanguage, t } from './i18n.js';
import { currentCaller, signIn, signOut } from './session.js';
import { loadCatalog, stateName } from './catalog.js';

/**
 * Starts a page: finds who the tab's key stands for, loads the texts in the right language, wires the switch.
 * Returns the caller (null when not signed in).
 */
export async function startPage() {
  const caller = await currentCaller();
  await initI18n(caller?.language);
  byId('language').addEventListener('change', event => setLanguage(event.target.value, { chosen: true }));
  await showCaller(caller);
  document.addEventListener('languagechange', () => showCaller(currentCallerShown));
  return caller;
}

let currentCallerShown = null;

/** Shows who is signed in, with a sign-out button, in the header. */
export async function showCaller(caller) {
  currentCallerShown = caller;
  const who = byId('who');
  if (!caller) {
    replaceContent(who);
    return;
  }
  const catalog = await loadCatalog();
  const role = caller.role === 'staff' ? t('who.staff') : t('who.focalPoint', { state: stateName(catalog, caller.country) });
  replaceContent(who,
    el('span', {}, role),
    ' ',
    el('button', { type: 'button', class: 'link-button', id: 'sign-out', onclick: () => { signOut(); location.reload(); } }, t('signIn.signOut')));
}

/**
 * Wires the sign-in form of a page: on success the key is kept for the tab, a focal point's page switches to the
 * state's language (unless the person chose one), and onSignedIn(caller) runs.
 */
export function wireSignIn(onSignedIn) {
  const form = byId('sign-in-form');
  const error = byId('sign-in-error');
  form.addEventListener('submit', async event => {
    event.preventDefault();
    replaceContent(error);
    const key = byId('key').value;
    if (!key.trim()) {
      replaceContent(error, t('signIn.empty'));
      return;
    }
    try {
      const caller = await signIn(key);
      byId('key').value = '';
      if (caller.language && !sessionStorage.getItem('observatory.language')) setLanguage(caller.language);
      await showCaller(caller);
      await onSignedIn(caller);
    } catch (failure) {
      replaceContent(error, failure.status === 401 ? t('signIn.rejected') : failure.message);
    }
  });
}

/** Shows the sign-in section and hides the signed-in one, or the reverse. */
export function showSignedIn(signedIn) {
  show(byId('sign-in'), !signedIn);
  show(byId('signed-in'), signedIn);
}

// Signing in with a key. The key is kept in this tab's sessionStorage only: it is gone when the tab closes, is never
// written to localStorage or a cookie, and is sent to the API as X-Api-Key.
import { apiFetch, ApiError } from './api.js';

const keyItem = 'observatory.key';

/** The key of this tab's session, or null. */
export function sessionKey() {
  return sessionStorage.getItem(keyItem);
}

/** Checks a key with GET /api/me and keeps it for the session; returns who it stands for. Throws ApiError (401). */
export async function signIn(key) {
  const trimmed = key.trim();
  const caller = await apiFetch('me', { key: trimmed });
  sessionStorage.setItem(keyItem, trimmed);
  return caller;
}

/** Forgets the key. */
export function signOut() {
  sessionStorage.removeItem(keyItem);
}

/** Who the session's key stands for, or null when there is none or it no longer works (revoked); then it is forgotten. */
export async function currentCaller() {
  const key = sessionKey();
  if (!key) return null;
  try {
    return await apiFetch('me', { key });
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) signOut();
    return null;
  }
}

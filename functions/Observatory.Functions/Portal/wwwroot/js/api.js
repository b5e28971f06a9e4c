// Calls to the observatory's HTTP API (the same contract as curl and scripts use), from pages served at /api/portal/.
import { t } from './i18n.js';

/** The API's base URL: the pages live at /api/portal/, the API at /api/. */
export const apiBase = new URL('../', location.href);

/** The absolute URL of an API path such as 'catalog' or '/api/opendata/2025/latest/observations.json'. */
export function apiUrl(path) {
  return new URL(path, apiBase).toString();
}

/** An answer other than 2xx, with the problem details the API sent (RFC 9457). */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

function headersFor(key, extra = {}) {
  const headers = { Accept: 'application/json', ...extra };
  if (key) headers['X-Api-Key'] = key;
  return headers;
}

async function problemOf(response) {
  try {
    return await response.json();
  } catch {
    return { title: response.statusText, status: response.status };
  }
}

/** Calls the API and returns the parsed JSON (null for 204); throws ApiError on a problem, with a readable message. */
export async function apiFetch(path, { method = 'GET', key, body, headers } = {}) {
  let response;
  try {
    response = await fetch(apiUrl(path), {
      method,
      headers: headersFor(key, body !== undefined ? { 'Content-Type': 'application/json', ...headers } : headers),
      body: body !== undefined ? JSON.stringify(body) : undefined,
      cache: 'no-store',
    });
  } catch {
    throw new ApiError(0, { detail: t('error.network') });
  }
  if (!response.ok) throw new ApiError(response.status, await problemOf(response));
  if (response.status === 204) return null;
  return response.json();
}

/** The content type the API expects for a file, from its name; null for a kind it does not take. */
export function contentTypeOf(fileName) {
  const extension = fileName.toLowerCase().split('.').pop();
  return {
    xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    csv: 'text/csv',
    json: 'application/json',
  }[extension] ?? null;
}

/**
 * Sends a file as the raw request body, reporting progress (fetch cannot report upload progress; XMLHttpRequest can).
 * Resolves with { status, body } for any HTTP answer; rejects only when the network fails.
 */
export function uploadFile(path, { key, file, contentType, onProgress }) {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', apiUrl(path));
    request.setRequestHeader('Accept', 'application/json');
    request.setRequestHeader('Content-Type', contentType);
    if (key) request.setRequestHeader('X-Api-Key', key);
    request.upload.addEventListener('progress', event => {
      if (event.lengthComputable) onProgress?.(event.loaded / event.total);
    });
    request.upload.addEventListener('load', () => onProgress?.(1));
    request.addEventListener('load', () => {
      let body = null;
      try { body = JSON.parse(request.responseText); } catch { /* not JSON: keep null */ }
      resolve({ status: request.status, body });
    });
    request.addEventListener('error', () => reject(new ApiError(0, { detail: t('error.network') })));
    request.send(file);
  });
}

/** The file name a response offers in Content-Disposition, or the fallback. */
function fileNameOf(response, fallback) {
  const disposition = response.headers.get('Content-Disposition') ?? '';
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (encoded) return decodeURIComponent(encoded[1]);
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  return plain ? plain[1] : fallback;
}

/** Fetches a file that needs the key (a plain link cannot send it) and returns it as a blob with its name. */
export async function fetchFile(path, { key, fallbackName }) {
  let response;
  try {
    response = await fetch(apiUrl(path), { headers: key ? { 'X-Api-Key': key } : {}, cache: 'no-store' });
  } catch {
    throw new ApiError(0, { detail: t('error.network') });
  }
  if (!response.ok) throw new ApiError(response.status, await problemOf(response));
  return { blob: await response.blob(), name: fileNameOf(response, fallbackName) };
}

/** Saves a blob as a download, as a link with the download attribute would. */
export function saveBlob(blob, name) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Opens a blob (an HTML report) in a new tab. */
export function openBlob(blob) {
  const url = URL.createObjectURL(blob);
  window.open(url, '_blank', 'noopener');
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

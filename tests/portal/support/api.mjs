// The pipeline's HTTP API, used by the tests to load data the way focal points' systems and staff do.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const baseUrl = (process.env.PORTAL_BASE_URL || 'http://127.0.0.1:7071').replace(/\/$/, '');
export const adminKey = process.env.PORTAL_ADMIN_KEY || process.env.Observatory__AdminKey || '';
export const portalUrl = page => `${baseUrl}/api/portal/${page}`;

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const samplePath = name => path.join(root, 'samples', name);
export const sample = name => readFileSync(samplePath(name));

export const contentTypes = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv',
  json: 'application/json',
};

/** Calls the API; returns { status, body (parsed JSON when there is one), headers }. */
export async function api(method, route, { key, json, body, contentType } = {}) {
  const headers = { Accept: 'application/json' };
  if (key) headers['X-Api-Key'] = key;
  if (json !== undefined) headers['Content-Type'] = 'application/json';
  if (contentType) headers['Content-Type'] = contentType;
  const response = await fetch(`${baseUrl}/api/${route}`, { method, headers, body: json !== undefined ? JSON.stringify(json) : body });
  const text = await response.text();
  let parsed = text;
  try { parsed = text ? JSON.parse(text) : null; } catch { /* not JSON */ }
  return { status: response.status, body: parsed, headers: response.headers };
}

/** Issues a focal point's key for a state. */
export async function issueKey(country, label = 'portal test focal point') {
  const answer = await api('POST', 'admin/keys', { key: adminKey, json: { country, label } });
  if (answer.status !== 201) throw new Error(`issuing a key for ${country}: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
}

/** Polls a submission until it is accepted, rejected or failed. */
export async function waitUntilFinal(id, key, { timeoutMs = 30_000 } = {}) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const answer = await api('GET', `submissions/${id}`, { key });
    if (['accepted', 'rejected', 'failed'].includes(answer.body?.status)) return answer.body;
    if (Date.now() > deadline) throw new Error(`submission ${id} still ${answer.body?.status} after ${timeoutMs} ms`);
    await new Promise(resolve => setTimeout(resolve, 200));
  }
}

/** Uploads a return through the API and waits for its verdict. */
export async function submit(key, { country, year, bytes, contentType, fileName, mode = 'replace' }) {
  const name = fileName ? `&fileName=${encodeURIComponent(fileName)}` : '';
  const answer = await api('POST', `submissions?country=${country}&year=${year}&mode=${mode}${name}`, { key, body: bytes, contentType });
  if (answer.status !== 202 && answer.status !== 200) throw new Error(`upload for ${country} ${year}: ${answer.status} ${JSON.stringify(answer.body)}`);
  return waitUntilFinal(answer.body.id, key);
}

/** A small JSON return (docs/return-schema.md) with the headline indicators of one state and year. */
export function jsonReturn({ country, year, victims, population, prosecuted, convicted, palermo = 'RATIFIED', crc = 'RATIFIED' }) {
  const observations = [
    { indicator: 'CT_VICT_DET', value: victims },
    { indicator: 'POP_U18', value: population },
    { indicator: 'CT_PERS_PROS', value: prosecuted },
    { indicator: 'CT_PERS_CONV', value: convicted },
    { indicator: 'LEG_CRC', value: crc },
    { indicator: 'LEG_PALERMO', value: palermo },
  ];
  return Buffer.from(JSON.stringify({ country, year, observations }));
}

// The portal's files as the Function App serves them: content types, caching, security headers, the message catalog.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { baseUrl } from './support/api.mjs';

const wwwroot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../functions/Observatory.Functions/Portal/wwwroot');
const get = (route, init) => fetch(`${baseUrl}/api/portal/${route}`, { redirect: 'manual', ...init });

test('pages, scripts, styles, texts and the bundled charting library are served with their content types', async () => {
  const expected = {
    '': 'text/html; charset=utf-8',
    'index.html': 'text/html; charset=utf-8',
    'focal-point.html': 'text/html; charset=utf-8',
    'staff.html': 'text/html; charset=utf-8',
    'js/open-data.js': 'text/javascript; charset=utf-8',
    'css/portal.css': 'text/css; charset=utf-8',
    'messages.json': 'application/json; charset=utf-8',
    'favicon.svg': 'image/svg+xml; charset=utf-8',
    'vendor/chart.umd.min.js': 'text/javascript; charset=utf-8',
  };
  for (const [route, contentType] of Object.entries(expected)) {
    const response = await get(route);
    assert.equal(response.status, 200, route);
    assert.equal(response.headers.get('content-type'), contentType, route);
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff', route);
  }
  // The library comes from node_modules at build time, as package-lock.json pins it.
  const lock = JSON.parse(readFileSync(path.resolve(wwwroot, '../../../../package-lock.json'), 'utf8'));
  const library = await (await get('vendor/chart.umd.min.js')).text();
  assert.match(library, new RegExp(`Chart\\.js v${lock.packages['node_modules/chart.js'].version.replaceAll('.', '\\.')}`));
  // Every file in wwwroot is served byte for byte.
  const files = readdirSync(wwwroot, { recursive: true, withFileTypes: true }).filter(entry => entry.isFile());
  for (const file of files) {
    const relative = path.relative(wwwroot, path.join(file.parentPath ?? file.path, file.name)).split(path.sep).join('/');
    const served = Buffer.from(await (await get(relative)).arrayBuffer());
    assert.deepEqual(served, readFileSync(path.join(wwwroot, relative)), relative);
  }
});

test('files carry a strong ETag and are revalidated: an unchanged file answers 304 without a body', async () => {
  const first = await get('js/charts.js');
  const etag = first.headers.get('etag');
  assert.match(etag, /^"[0-9a-f]{32}"$/);
  assert.equal(first.headers.get('cache-control'), 'no-cache');
  const again = await get('js/charts.js', { headers: { 'If-None-Match': etag } });
  assert.equal(again.status, 304);
  assert.equal((await again.arrayBuffer()).byteLength, 0);
  const other = await get('js/api.js');
  assert.notEqual(other.headers.get('etag'), etag);
  const head = await get('index.html', { method: 'HEAD' });
  assert.equal(head.status, 200);
  assert.equal(head.headers.get('etag'), (await get('index.html')).headers.get('etag'));
});

test('pages allow scripts from the portal only; /api/portal redirects to the front page; unknown files are 404', async () => {
  const page = await get('staff.html');
  const policy = page.headers.get('content-security-policy');
  assert.match(policy, /script-src 'self'(;|$)/);
  assert.match(policy, /frame-ancestors 'none'/);
  assert.equal(page.headers.get('referrer-policy'), 'no-referrer');
  assert.equal((await get('js/shell.js')).headers.get('content-security-policy'), null);

  const bare = await fetch(`${baseUrl}/api/portal`, { redirect: 'manual' });
  assert.equal(bare.status, 301);
  assert.equal(new URL(bare.headers.get('location'), baseUrl).pathname, '/api/portal/');

  const missing = await get('js/missing.js');
  assert.equal(missing.status, 404);
  assert.match(missing.headers.get('content-type'), /^application\/problem\+json/);
  assert.equal((await get('../catalog')).status, 200, 'the API itself stays reachable next to the portal');
});

test('the message catalog has every text in en, es, pt and fr, with the same placeholders', () => {
  const messages = JSON.parse(readFileSync(path.join(wwwroot, 'messages.json'), 'utf8'));
  assert.deepEqual(Object.keys(messages), ['en', 'es', 'pt', 'fr']);
  const keys = Object.keys(messages.en);
  const placeholders = text => [...text.matchAll(/\{(\w+)\}/g)].map(m => m[1]).sort();
  for (const language of ['es', 'pt', 'fr']) {
    assert.deepEqual(Object.keys(messages[language]).sort(), [...keys].sort(), `${language} has the same keys as en`);
    for (const key of keys) {
      assert.ok(messages[language][key].trim().length > 0, `${language}.${key} is empty`);
      assert.deepEqual(placeholders(messages[language][key]), placeholders(messages.en[key]), `${language}.${key} placeholders`);
    }
  }

  // Every key the pages and scripts use exists (dynamic keys: statuses, standings, modes, counts, changes).
  const used = new Set();
  for (const name of readdirSync(wwwroot)) {
    if (name.endsWith('.html')) for (const m of readFileSync(path.join(wwwroot, name), 'utf8').matchAll(/data-i18n(?:-label|-title)?="([^"]+)"/g)) used.add(m[1]);
  }
  for (const name of readdirSync(path.join(wwwroot, 'js'))) {
    const source = readFileSync(path.join(wwwroot, 'js', name), 'utf8');
    for (const m of source.matchAll(/\bt\('([\w.]+)'/g)) used.add(m[1]);
    for (const m of source.matchAll(/\bkey: '([\w.]+)'/g)) used.add(m[1]);
    for (const m of source.matchAll(/'(focal\.(?:errors|warnings)Caption)'/g)) used.add(m[1]);
  }
  for (const family of [['status', ['queued', 'processing', 'accepted', 'rejected', 'failed']], ['standing', ['reported', 'late', 'awaited', 'notParticipating']],
    ['mode', ['replace', 'amend']], ['counts', ['rows', 'observations', 'errors', 'warnings']], ['diff', ['added', 'removed', 'changed']]]) {
    for (const name of family[1]) used.add(`${family[0]}.${name}`);
  }
  const missing = [...used].filter(key => !key.startsWith('ind:') && !(key in messages.en));
  assert.deepEqual(missing, []);
});

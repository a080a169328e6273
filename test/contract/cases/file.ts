/** Contract cases of the 'file' route group. Each case names the cases it builds on (`needs`), so it can run on its own. */
import { c } from '../support/case';

export const putFile = c('PUT /file', 'record a file and get an upload URL', [], async (t) => {
  const put = await t.call('PUT', '/file', { query: { name: 'proofs/example.com/sql-injection' } });
  expect(put.status).toBe(200);
  expect(put.body.files[0]).toMatchObject({ key: '#file#proofs/example.com/sql-injection', name: 'proofs/example.com/sql-injection' });
  expect(put.body.url).toMatch(/method=PUT/);
  expect((await t.call('PUT', '/file', { query: { name: '../etc/passwd' } })).status).toBe(400);
  expect((await t.call('PUT', '/file')).status).toBe(400);
});

export const getFile = c('GET /file', 'download URL, list, 404', [putFile], async (t) => {
  const got = await t.call('GET', '/file', { query: { name: 'proofs/example.com/sql-injection' } });
  expect(got.status).toBe(200);
  expect(got.body.url).toMatch(/method=GET/);
  expect((await t.call('GET', '/file', { query: { name: 'proofs/nope' } })).status).toBe(404);
  expect((await t.call('GET', '/file', { as: 'bob', query: { name: 'proofs/example.com/sql-injection' } })).status).toBe(404);
  expect((await t.call('GET', '/file')).body.files).toHaveLength(1);
});

export const profilePicture = c('PUT /file', "chariot-ui's logo name #profilePicture# is a file name", [], async (t) => {
  const put = await t.call('PUT', '/file', { query: { name: '#profilePicture#' } });
  expect(put.status).toBe(200);
  expect(put.body.files[0]).toMatchObject({ key: '#file##profilePicture#', name: '#profilePicture#' });
  expect((await t.call('GET', '/my', { query: { key: '#file##profilePicture#', exact: 'true' } })).body.files).toHaveLength(1);
});

export const deleteFile = c('DELETE /file', 'delete a file row; a missing file is a success; readonly cannot', [putFile], async (t) => {
  const name = 'proofs/example.com/sql-injection';
  expect((await t.call('DELETE', '/file', { query: { name }, body: {} })).body.files[0]).toMatchObject({ name });
  expect((await t.call('GET', '/file', { query: { name } })).status).toBe(404);
  expect(await t.call('DELETE', '/file', { query: { name } })).toEqual({ status: 200, body: { files: [] } });
  expect((await t.call('DELETE', '/file', { query: { name: '../x' } })).status).toBe(400);
});

// Browsers (an Origin header) read a file's bytes; the SDKs its {url} (docs/client-compat.md, conflict 1).
const BROWSER = { origin: 'http://localhost:3000' };

export const browserDownload = c('GET /file', 'a browser gets the bytes; no bytes uploaded → 404; isolation', [], async (t) => {
  const name = 'proofs/example.com/browser';
  expect((await t.call('PUT', '/file', { query: { name } })).status).toBe(200);
  expect(await t.call('GET', '/file', { query: { name }, headers: BROWSER })).toEqual({ status: 404, body: { error: `file ${name} has no content yet` } });
  expect((await t.call('PUT', '/encrypted-file', { query: { name: '_encrypted/browser' }, rawBody: 'x' })).status).toBe(200);
  expect((await t.call('GET', '/file', { query: { name: '_encrypted/browser' }, headers: BROWSER })).status).toBe(400); // never presigned
  expect((await t.call('GET', '/file', { as: 'bob', query: { name }, headers: BROWSER })).status).toBe(404);
});

export const putEncryptedFile = c('PUT /encrypted-file', 'store raw bytes under _encrypted/ (a file row); errors; readonly cannot', [], async (t) => {
  const put = await t.call('PUT', '/encrypted-file', { query: { name: '_encrypted/notes.txt' }, rawBody: 'secret notes' });
  expect(put.status).toBe(200);
  expect(put.body.files[0]).toMatchObject({ key: '#file#_encrypted/notes.txt', name: '_encrypted/notes.txt' });
  expect((await t.call('GET', '/my', { query: { key: '#file#_encrypted/' } })).body.files).toHaveLength(1);
  expect((await t.call('PUT', '/encrypted-file', { query: { name: 'home/plain.txt' }, rawBody: 'x' })).status).toBe(400);
  expect((await t.call('PUT', '/encrypted-file', { query: { name: '_encrypted/../x' }, rawBody: 'x' })).status).toBe(400);
  expect((await t.call('PUT', '/encrypted-file', { rawBody: 'x' })).status).toBe(400);
  expect((await t.call('PUT', '/file', { query: { name: '_encrypted/notes.txt' } })).status).toBe(400); // no presigned upload
});

export const getEncryptedFile = c('GET /encrypted-file', 'the bytes back; 404 when absent; isolation', [putEncryptedFile], async (t) => {
  const got = await t.call('GET', '/encrypted-file', { query: { name: '_encrypted/notes.txt' }, headers: { accept: 'application/octet-stream' } });
  expect(got).toEqual({ status: 200, body: 'secret notes' });
  expect(await t.call('GET', '/encrypted-file', { query: { name: '_encrypted/none' } })).toEqual({ status: 404, body: { error: 'file _encrypted/none not found' } });
  expect((await t.call('GET', '/encrypted-file', { as: 'bob', query: { name: '_encrypted/notes.txt' } })).status).toBe(404);
  expect((await t.call('GET', '/encrypted-file', { query: { name: 'home/x' } })).status).toBe(400);
});

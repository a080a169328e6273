import { decodeBody, decodeBytes, decodeHeaders, encodeResponse, lambdaBody } from './codec';

test('bodies: text, base64 and bytes decode alike; a byte-order mark is dropped; empty is no body', () => {
  const json = '{"a":1}';
  expect(decodeBody(json)).toBe(json);
  expect(decodeBody(Buffer.from(json).toString('base64'), true)).toBe(json);
  expect(decodeBody(new TextEncoder().encode(`\uFEFF${json}`))).toBe(json);
  expect(decodeBody(`\uFEFF${json}`)).toBe(json);
  expect(decodeBody(Buffer.from(`\uFEFF${json}`).toString('base64'), true)).toBe(json);
  expect(decodeBody('')).toBeUndefined();
  expect(decodeBody(new ArrayBuffer(0))).toBeUndefined();
  expect(decodeBody('\uFEFF')).toBeUndefined();
  expect(decodeBody(undefined)).toBeUndefined();
});

test('headers: lower-cased names, repeats joined with ", " from a record, arrays or fetch Headers', () => {
  expect(decodeHeaders({ 'Content-Type': 'application/json', Accept: ['a', 'b'], gone: undefined })).toEqual({ 'content-type': 'application/json', accept: 'a, b' });
  const fetchHeaders = new Headers([['X-A', '1'], ['x-a', '2']]);
  expect(decodeHeaders(fetchHeaders)).toEqual({ 'x-a': '1, 2' });
});

test('responses are JSON unless the operation set its own content type', () => {
  expect(encodeResponse({ status: 201, body: { ok: true } })).toEqual({ status: 201, headers: { 'content-type': 'application/json' }, body: '{"ok":true}' });
  expect(encodeResponse({ status: 200, body: 'x', headers: { 'content-type': 'text/plain' } }).headers['content-type']).toBe('text/plain');
});

test('bytes: a request keeps its raw bytes beside the text; a Uint8Array answer goes out as octet-stream, base64 for Lambda', () => {
  const raw = Uint8Array.from([0xff, 0x00, 0xfe]);
  expect(decodeBytes(Buffer.from(raw).toString('base64'), true)).toEqual(Buffer.from(raw));
  expect(decodeBytes(raw)).toBe(raw);
  expect(decodeBytes('')).toBeUndefined();
  const wire = encodeResponse({ status: 200, body: raw });
  expect(wire.headers['content-type']).toBe('application/octet-stream');
  expect(lambdaBody(wire.body)).toEqual({ body: '/wD+', isBase64Encoded: true });
  expect(lambdaBody(encodeResponse({ status: 200, body: { a: 1 } }).body)).toEqual({ body: '{"a":1}', isBase64Encoded: false });
});

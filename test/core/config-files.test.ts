/** Runtime config validation and the local file store's signed URLs (no emulator needed). */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { AUTHORIZER_BINDING, GRAPH_PROJECTOR_BINDING, apiBinding } from '../../shared/config/binding';
import { LOCAL_API_TOKEN_KEY, LOCAL_OFFSET_KEYS, loadRuntimeConfig } from '../../shared/config/runtime';
import { LocalFileStore, S3FileStore, objectKey } from '../../shared/files';

const base = { TABLE_NAME: 'chariot', COGNITO_ISSUER: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Abc', COGNITO_CLIENT_ID: 'client' };
const arnOf = (name: string) => `arn:aws:secretsmanager:us-east-1:123456789012:secret:${name}-AbCdEf`;

test('config: defaults, jwks uri, secrets as values or ARNs, readable errors', () => {
  const local = loadRuntimeConfig({ ...base, OFFSET_KEYS: LOCAL_OFFSET_KEYS, API_TOKEN_KEY: LOCAL_API_TOKEN_KEY, FILES_DIR: '/tmp/files' });
  expect(local).toMatchObject({
    region: 'us-east-1',
    offsetKeys: { value: LOCAL_OFFSET_KEYS },
    cognito: { jwksUri: `${base.COGNITO_ISSUER}/.well-known/jwks.json` },
    files: { kind: 'local', dir: '/tmp/files', publicUrl: 'http://127.0.0.1:3000' },
  });
  expect(local.apiTokenKey).toEqual({ value: LOCAL_API_TOKEN_KEY });
  // No project switch turns a requirement off: a missing secret is an error wherever the process runs.
  expect(() => loadRuntimeConfig(base)).toThrow(/OFFSET_KEY_SECRET_ARN or OFFSET_KEYS.*API_TOKEN_SECRET_ARN or API_TOKEN_KEY/);
  const prod = loadRuntimeConfig(
    { ...base, OFFSET_KEY_SECRET_ARN: arnOf('offset'), FILES_BUCKET: 'bucket', API_TOKEN_SECRET_ARN: arnOf('api'), NEO4J_SECRET_ARN: arnOf('neo4j') },
    apiBinding({ table: 'readWrite', files: true, graph: true }),
  );
  expect(prod.files).toEqual({ kind: 's3', bucket: 'bucket' });
  expect(prod.apiTokenKey).toEqual({ secretArn: arnOf('api') });
  expect(prod.offsetKeys).toEqual({ secretArn: arnOf('offset') });
  expect(() => loadRuntimeConfig({ COGNITO_CLIENT_ID: 'c' })).toThrow(/TABLE_NAME/);
  expect(() => loadRuntimeConfig({ ...base, OFFSET_KEYS: '{}', API_TOKEN_KEY: LOCAL_API_TOKEN_KEY, FILES_DIR: 'a', FILES_BUCKET: 'b' })).toThrow(/not both/);
});

test('config: each binding asks for exactly its needs', () => {
  const files = apiBinding({ table: 'readWrite', files: true });
  expect(() => loadRuntimeConfig({ ...base, OFFSET_KEYS: '{}', API_TOKEN_KEY: LOCAL_API_TOKEN_KEY }, files)).toThrow(/FILES_BUCKET or FILES_DIR/);
  expect(() => loadRuntimeConfig({ ...base, OFFSET_KEYS: '{}', API_TOKEN_KEY: LOCAL_API_TOKEN_KEY }, apiBinding({ table: 'read', graph: true }))).toThrow(
    /NEO4J_SECRET_ARN or NEO4J_URI/,
  );
  // The authorizer pages nothing: no offset key; the projector verifies no tokens: no Cognito, no API token key.
  expect(loadRuntimeConfig({ ...base, API_TOKEN_SECRET_ARN: arnOf('api') }, AUTHORIZER_BINDING).offsetKeys).toBeUndefined();
  expect(loadRuntimeConfig({ TABLE_NAME: 'chariot', NEO4J_SECRET_ARN: arnOf('neo4j') }, GRAPH_PROJECTOR_BINDING)).toMatchObject({ tableName: 'chariot' });
  expect(() => loadRuntimeConfig({ TABLE_NAME: 'chariot' }, GRAPH_PROJECTOR_BINDING)).toThrow(/NEO4J_SECRET_ARN/);
});

test('local file store: signed URLs bound to method, file and tenant, expiring', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'files-'));
  let clock = Date.now();
  const store = new LocalFileStore(dir, 'http://127.0.0.1:3000', 'secret', () => clock);
  try {
    const put = new URL(await store.uploadUrl('ada@example.com', 'proofs/x y'));
    const query = Object.fromEntries(put.searchParams);
    const file = store.resolve('PUT', put.pathname, query);
    expect(file).toBe(store.pathOf('ada@example.com', 'proofs/x y'));
    await store.write(file, Buffer.from('hello'));
    const get = new URL(await store.downloadUrl('ada@example.com', 'proofs/x y'));
    expect((await store.read(store.resolve('GET', get.pathname, Object.fromEntries(get.searchParams)))).toString()).toBe('hello');

    expect(() => store.resolve('GET', put.pathname, query)).toThrow(/signature/);
    const otherTenant = put.pathname.replace(objectKey('ada@example.com', '').split('/')[0], objectKey('bob@example.com', '').split('/')[0]);
    expect(() => store.resolve('PUT', otherTenant, query)).toThrow(/signature/);
    expect(() => store.resolve('PUT', '/files/../../etc/passwd', query)).toThrow();
    clock += 2 * 3600_000;
    expect(() => store.resolve('PUT', put.pathname, query)).toThrow(/expired/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('s3 file store presigns GET and PUT under the tenant prefix (offline)', async () => {
  const store = new S3FileStore('bucket', { region: 'us-east-1', credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' } });
  const url = new URL(await store.uploadUrl('ada@example.com', 'imports/a.csv', 60));
  expect(url.pathname).toContain(objectKey('ada@example.com', 'imports/a.csv'));
  expect(url.searchParams.get('X-Amz-Expires')).toBe('60');
  expect(await store.downloadUrl('ada@example.com', 'imports/a.csv')).toContain('X-Amz-Signature=');
});

test('file stores hand out the bytes themselves: too large is said, not read; S3 puts _encrypted/ files under SSE-KMS', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'bytes-'));
  try {
    const local = new LocalFileStore(dir, 'http://127.0.0.1:3000', 'k');
    expect(await local.getBytes('ada@example.com', 'proofs/x', 10)).toBeUndefined();
    await local.putBytes('ada@example.com', 'proofs/x', Buffer.from('0123456789A'));
    expect(await local.getBytes('ada@example.com', 'proofs/x', 10)).toBe('too-large');
    expect(Buffer.from((await local.getBytes('ada@example.com', 'proofs/x', 11)) as Uint8Array).toString()).toBe('0123456789A');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  // S3 cannot run here: a request handler stands in for it and records what the SDK sends.
  const sent: { method: string; path: string; headers: Record<string, string> }[] = [];
  const answer = (statusCode: number, body: string, headers: Record<string, string> = {}) => ({ response: { statusCode, headers, body: Readable.from([Buffer.from(body)]) } });
  const answers = [answer(200, ''), answer(200, '0123456789A', { 'content-length': '11' }), answer(404, '<Error><Code>NoSuchKey</Code></Error>')];
  const requestHandler = { handle: async (request: (typeof sent)[number]) => (sent.push(request), answers.shift()!) };
  const s3 = new S3FileStore('bucket', { region: 'us-east-1', credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' }, requestHandler } as never);
  await s3.putBytes('ada@example.com', '_encrypted/a', Buffer.from('x'), { encrypted: true });
  expect(sent[0]).toMatchObject({ method: 'PUT', headers: expect.objectContaining({ 'x-amz-server-side-encryption': 'aws:kms' }) });
  expect(sent[0].path).toContain(objectKey('ada@example.com', '_encrypted/a'));
  expect(await s3.getBytes('ada@example.com', 'proofs/x', 10)).toBe('too-large');
  expect(await s3.getBytes('ada@example.com', 'proofs/none', 10)).toBeUndefined();
});

/** Rows a call needs before it runs, made with TODAY's API (never the call under test), and small read helpers. */
import { LocalFileStore, LOCAL_FILES_URL_KEY } from '../../../shared/files';
import { COLLABORATOR, type Answer, type CaseContext } from '../support/catalogue';

const ok = (answer: Answer, what: string): Answer => {
  if (answer.status >= 300) throw new Error(`arrange ${what}: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer;
};

export async function addAsset(c: CaseContext, dns: string, name = dns): Promise<string> {
  return ok(await c.native('PUT', '/asset', { body: { dns, name } }), `asset ${dns}`).body[0].key;
}

export async function addRisk(c: CaseContext, assetKey: string, name: string, status = 'TH'): Promise<string> {
  const key = ok(await c.native('POST', '/risk', { body: { key: assetKey, name, status: status.startsWith('T') ? status : 'TH' } }), `risk ${name}`).body.risks[0].key;
  if (!status.startsWith('T')) ok(await c.native('PUT', '/risk', { body: { key, status } }), `risk ${name} → ${status}`);
  return key;
}

export async function addAttribute(c: CaseContext, parentKey: string, name: string, value: string): Promise<string> {
  return ok(await c.native('PUT', '/attribute', { body: { key: parentKey, name, value } }), `attribute ${name}`).body.attributes[0].key;
}

export async function addJob(c: CaseContext, targetKey: string, capability = 'whois'): Promise<string> {
  return ok(await c.native('PUT', '/job', { body: { key: targetKey, capabilities: [capability] } }), `job ${capability}`).body.jobs[0].key;
}

export async function addCollaborator(c: CaseContext, role = 'analyst'): Promise<void> {
  ok(await c.native('POST', `/account/${encodeURIComponent(COLLABORATOR)}`, { body: { role } }), 'collaborator');
}

export async function addFile(c: CaseContext, name: string): Promise<void> {
  ok(await c.native('PUT', '/file', { query: { name } }), `file ${name}`);
}

/** A file row and its bytes: the client's second step, the PUT to the presigned URL, served as the local gateway does. */
export async function uploadFile(c: CaseContext, name: string, content: string): Promise<void> {
  const url = new URL(ok(await c.native('PUT', '/file', { query: { name } }), `file ${name}`).body.url);
  const store = new LocalFileStore(process.env.FILES_DIR!, url.origin, LOCAL_FILES_URL_KEY);
  await store.write(store.resolve('PUT', url.pathname, Object.fromEntries(url.searchParams)), Buffer.from(content));
}

export async function addWebhook(c: CaseContext, pin: string): Promise<string> {
  return ok(await c.native('POST', '/account/hook', { body: { value: pin } }), 'webhook').body.key;
}

/** An offset token for `key` from today's API (a 1-row page), for a client to echo back. */
export async function firstPageOffset(c: CaseContext, key: string): Promise<string> {
  const page = ok(await c.native('GET', '/my', { query: { key, limit: '1' } }), `page of ${key}`);
  if (!page.body.offset) throw new Error(`arrange: ${key} has a single page`);
  return page.body.offset;
}

/** Rows of one kind in the tenant, through today's API. */
export async function rowsOf(c: CaseContext, key: string, plural: string): Promise<Record<string, unknown>[]> {
  return ok(await c.native('GET', '/my', { query: { key } }), `rows of ${key}`).body[plural] ?? [];
}

/** The SDKs' flatten_results: every list in the answer, concatenated (sdk/entities/search.py). */
export const flatten = (body: Record<string, unknown>): Record<string, unknown>[] =>
  Object.entries(body).flatMap(([field, value]) => (field !== 'offset' && Array.isArray(value) ? (value as Record<string, unknown>[]) : []));

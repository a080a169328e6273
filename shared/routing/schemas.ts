/**
 * Response shapes the route groups share, for their declarations (and so for OpenAPI). They describe
 * what the routes answer today; rows are open objects (`looseObject`) because each entity carries more
 * fields than a client needs to rely on.
 */
import * as z from 'zod';

/** A body of raw bytes (`application/octet-stream`), not JSON: file contents. */
export const Bytes = z.custom<Uint8Array>((value) => value instanceof Uint8Array).meta({ id: 'Bytes', description: 'Raw bytes (application/octet-stream)' });

export const ErrorBody = z.object({ error: z.string() }).meta({ id: 'Error', description: 'Every 4xx/5xx answer' });

export const HistoryRecord = z.object({
  from: z.string().optional(),
  to: z.string().optional(),
  by: z.string().optional(),
  comment: z.string().optional(),
  updated: z.string(),
});

/** Fields every stored row has; `version` and secret hashes never leave. */
export const row = <Shape extends z.ZodRawShape>(id: string, shape: Shape) =>
  z.looseObject({ username: z.string(), key: z.string(), ...shape }).meta({ id });

/** The next-page token: opaque, HMAC-signed, bound to the tenant and the query; absent on the last page. */
export const Offset = z.string().optional().describe('Next-page token; omitted on the last page');

/** `{"<plural>": [...], "offset": "<token>"}` */
export const listOf = <Plural extends string, Item extends z.ZodType>(plural: Plural, item: Item) =>
  z.object({ [plural]: z.array(item), offset: Offset } as { [K in Plural]: z.ZodArray<Item> } & { offset: typeof Offset });

/** A write answers the written entity in a list: `{"assets": [asset]}`. */
export const written = <Plural extends string, Item extends z.ZodType>(plural: Plural, item: Item) =>
  z.object({ [plural]: z.array(item) } as { [K in Plural]: z.ZodArray<Item> });

const text = z.string();
const tagList = z.array(z.string()).optional();

export const AssetView = row('Asset', {
  dns: text, name: text, status: text, source: text, origin: text.optional(), created: text, visited: text, ttl: z.number(),
  class: text, private: z.boolean(), group: text, identifier: text, tags: tagList, attackSurface: tagList, history: z.array(HistoryRecord).optional(),
  updated: text.optional().describe('Last seen: the latest of created, visited and history (chariot-ui shows it)'),
});
export const RiskView = row('Risk', {
  dns: text, name: text, title: text, target: text, status: text, source: text, priority: z.number(), created: text, updated: text,
  visited: text, ttl: z.number(), guid: text, comment: text.optional(), tags: tagList, history: z.array(HistoryRecord).optional(),
});
export const AttributeView = row('Attribute', {
  name: text, value: text, source: text.describe('Key of the parent asset or risk'), status: text, created: text, visited: text, ttl: z.number(),
  capability: text.optional(), metadata: z.record(z.string(), z.string()).optional(),
});
export const AccountView = row('Account', {
  name: text.describe('The tenant'), member: text, value: text, role: z.enum(['readonly', 'analyst', 'admin']).optional(), updated: text, ttl: z.number(),
  settings: z.unknown().optional(),
});
export const JobView = row('Job', {
  dns: text, target: text, capability: text, status: text, source: text, created: text, updated: text, started: text.optional(),
  finished: text.optional(), ttl: z.number(), config: z.record(z.string(), z.string()), Queue: text, comment: text.optional(),
});
export const FileView = row('File', { name: text, updated: text });
export const KeyView = row('ApiKey', {
  id: text, keyId: text, name: text, creator: text, created: text, expires: text, status: z.enum(['A', 'D']),
  role: z.enum(['readonly', 'analyst', 'admin']).optional(), visited: text.optional(),
});

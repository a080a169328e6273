/**
 * The EXPLICIT list of what may differ between the Lambda and the Hono transcript. Everything else
 * must be byte-for-byte equal. Each rule says why the value genuinely varies between two runs.
 */

/** RFC3339 timestamps (`created`, `updated`, `visited`, history, job `JQ#<ts>` / `<capability>#<ts>`): wall clock. */
const TIMESTAMP = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})/g;
/** API key ids (`#key#<base32>`): 128 random bits per key. */
const KEY_ID = /[A-Z2-7]{26}={6}/g;
/** Presigned file URLs: expiry (wall clock) and the signature over it. */
const URL_EXPIRY = /([?&](?:expires|X-Amz-Date|X-Amz-Expires)=)[^&]+/g;
const URL_SIGNATURE = /([?&](?:sig|X-Amz-Signature|X-Amz-Credential)=)[^&]+/g;
/** Capability schedule ids: a uuid v4 per schedule, in its key and in the paths that name it. */
const SCHEDULE_ID = /(#capability_schedule#|\/capability\/schedule\/)[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

/** Fields whose whole value is random per run. */
const RANDOM_FIELDS: Readonly<Record<string, string>> = {
  guid: '<uuid>', // Risk.guid: uuid v4
  secret: '<secret>', // API key secret, returned once
  token: '<token>', // `<key id>.<secret>`
  scheduleId: '<uuid>', // CapabilitySchedule.scheduleId: uuid v4
};

function normaliseString(value: string): string {
  return value.replace(TIMESTAMP, '<time>').replace(KEY_ID, '<key-id>').replace(URL_EXPIRY, '$1<expiry>').replace(URL_SIGNATURE, '$1<signature>').replace(SCHEDULE_ID, '$1<uuid>');
}

/**
 * An offset token is `<base64url JSON of LastEvaluatedKey>.<HMAC>`. It is compared verbatim unless its
 * payload embeds a varying value (a job's `JQ#<ts>` on the byStatus index, a key id); then the payload is
 * compared normalised and the MAC (which covers it) is dropped.
 */
export function normaliseOffset(token: string): string {
  const [payload] = token.split('.');
  let decoded: string;
  try {
    decoded = Buffer.from(payload, 'base64url').toString('utf8');
  } catch {
    return token;
  }
  const normalised = normaliseString(decoded);
  return normalised === decoded ? token : `<offset ${normalised}>`;
}

export function normalise(value: unknown, field?: string): unknown {
  if (Array.isArray(value)) return value.map((item) => normalise(item));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalise(v, k)]));
  }
  if (field && field in RANDOM_FIELDS && typeof value === 'string') return RANDOM_FIELDS[field];
  if (field === 'ttl' && typeof value === 'number' && value > 0) return '<ttl>'; // epoch seconds from the wall clock; 0 (never) stays
  if (field === 'offset' && typeof value === 'string') return normaliseOffset(value);
  if (typeof value === 'string') return normaliseString(value);
  return value;
}

/** A recorded request line `METHOD /path?query`: an `offset` it carries is normalised like a returned one. */
export function normaliseRequestLine(line: string): string {
  const [path, query] = line.split('?');
  const target = path.replace(SCHEDULE_ID, '$1<uuid>');
  if (!query) return target;
  const params = new URLSearchParams(query);
  const offset = params.get('offset');
  if (offset) params.set('offset', normaliseOffset(offset));
  return `${target}?${params.toString()}`;
}

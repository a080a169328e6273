/**
 * fast-check arbitraries for requests to any route: field names the route accepts (from its zod request
 * schemas) with valid-looking and hostile values, plus hostile bodies, queries, headers and path
 * parameters. The schemas are the ones each route declares (`spec.query`, `spec.body` in
 * shared/routes/<group>/routes.ts): a new route is fuzzed with its own fields as soon as it is declared.
 */
import fc from 'fast-check';
import * as z from 'zod';
import { routeId, type RouteDefinition, type RouteId } from '../../../shared/routing/routes';
import { ROUTES } from '../../../shared/routing/table';

/** The field names a zod schema accepts: an object's keys, through unions, arrays, optionals and extensions. */
export function fieldsOf(schema: z.ZodType | undefined): string[] {
  if (!schema) return [];
  const def = (schema as unknown as { def?: Record<string, unknown> }).def ?? {};
  if (schema instanceof z.ZodObject) return Object.keys(schema.shape);
  if (schema instanceof z.ZodUnion) return [...new Set((def.options as z.ZodType[]).flatMap(fieldsOf))];
  for (const inner of [def.element, def.innerType, def.in, def.schema]) if (inner) return fieldsOf(inner as z.ZodType);
  return [];
}

const BOM = '\uFEFF';

/** Lone surrogates cannot be percent-encoded: a client would send their replacement character. */
const encode = (s: string): string => encodeURIComponent(s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD'));
/** Header values are bytes: what a client can actually put on the wire (no NUL, CR, LF or non-Latin-1). */
const headerSafe = (s: string): string => s.replace(/[^\x20-\x7e]/g, '');
const SAMPLES = [
  '#asset#example.com#example.com', '#asset', '#risk#example.com#cve-2026-1', '#', '##', '#asset#', 'status:A', 'dns:example.com', 'source:seed',
  'example.com', 'a.example.com', '10.0.0.1', '10.0.0.0/8', 'TH', 'TI', 'DHF', 'A', 'D', 'F', 'nuclei', 'asset', 'risk', 'job', 'analyst', 'admin',
  'readonly', 'true', 'false', '2030-01-01T00:00:00Z', '1999-01-01T00:00:00Z', 'CVE-2026-0001', '3f2c1d7e-8a9b-4c5d-9e0f-1a2b3c4d5e6f',
];
const HOSTILE_STRINGS = ['__proto__', 'constructor', 'prototype', '\u0000', 'a\u0000b', BOM, `${BOM}#asset`, '#asset#\u0000', '../../etc/passwd', '%00', '%23asset',
  '\uD800', '\uDFFF', '𝔘𝔫𝔦𝔠𝔬𝔡𝔢', 'é', '\u202E', ' ', '', '\t\n', '"', "'", '\\', '<script>', '${x}', '{{x}}', 'null', 'NaN', '-0', '1e309', 'ß'.repeat(600)];

const textUpTo = (longest: number): fc.Arbitrary<string> =>
  fc.oneof(
    fc.constantFrom(...SAMPLES, ...HOSTILE_STRINGS),
    fc.string({ maxLength: 40 }),
    fc.string({ unit: 'binary', maxLength: 20 }),
    fc.string({ unit: 'grapheme', maxLength: 20 }),
    fc.integer({ min: 1000, max: longest }).map((n) => 'x'.repeat(n)),
  );
/** Body values may be huge (API Gateway takes 10 MB bodies) ... */
const text = textUpTo(70_000);
/** ... but the request line and headers together stay within its 10,240 bytes, as any request that reaches a runtime does. */
const shortText = textUpTo(2000);
const API_GATEWAY_HEADER_BYTES = 10_240;

const numbers = fc.oneof(
  fc.constantFrom(0, -1, 1, 1000, 1001, 2 ** 53, 2 ** 53 + 2, -(2 ** 63), 1e308, 5e-324, 4096, 4097),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

/** A nesting as deep as `depth`: DynamoDB holds 32 levels. */
const deep = fc.integer({ min: 30, max: 2000 }).chain((depth) =>
  fc.constantFrom('[', '{"a":').map((open) => JSON.parse(open.repeat(depth) + '1' + (open === '[' ? ']' : '}').repeat(depth)) as unknown),
);

export const value: fc.Arbitrary<unknown> = fc.letrec<{ v: unknown }>((tie) => ({
  v: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    text,
    numbers,
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('v'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(text, fc.constantFrom('__proto__', 'constructor')), tie('v'), { maxKeys: 4 }),
    deep,
  ),
})).v;

/** A JSON object body from the route's fields (each present or not), sometimes with hostile extra keys. */
function objectBody(fields: readonly string[]): fc.Arbitrary<Record<string, unknown>> {
  const known = fields.length ? fc.subarray([...fields]).chain((names) => fc.tuple(...names.map((name) => fc.tuple(fc.constant(name), value)))) : fc.constant([]);
  return fc
    .tuple(known, fc.array(fc.tuple(fc.oneof(text, fc.constant('__proto__')), value), { maxLength: 2 }))
    .map(([own, extra]) => {
      const body: Record<string, unknown> = {};
      for (const [k, v] of [...own, ...extra]) Object.defineProperty(body, k, { value: v, enumerable: true, writable: true, configurable: true });
      return body;
    });
}

/** Raw body text: JSON of a generated body, or something that is not quite JSON. */
function bodyText(fields: readonly string[]): fc.Arbitrary<string | undefined> {
  return fc.oneof(
    { weight: 6, arbitrary: objectBody(fields).map((b) => JSON.stringify(b)) },
    { weight: 1, arbitrary: fc.array(objectBody(fields), { maxLength: 3 }).map((b) => JSON.stringify(b)) },
    { weight: 1, arbitrary: objectBody(fields).map((b) => BOM + JSON.stringify(b)) },
    { weight: 1, arbitrary: value.map((v) => JSON.stringify(v) ?? 'null') },
    { weight: 1, arbitrary: fc.constantFrom(undefined, '', ' ', '{', '[]', 'null', '{"a":1}{', '\u0000', BOM, '{"__proto__":{"x":1}}', '1e999', '"\uD800"') },
  );
}

/** A raw query string: the route's names (and others), values hostile, names sometimes repeated. */
function queryString(fields: readonly string[]): fc.Arbitrary<string> {
  const name = fields.length ? fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...fields) }, { weight: 1, arbitrary: shortText }) : shortText;
  const scalar = fc.oneof(shortText, numbers.map(String), fc.boolean().map(String));
  return fc
    .array(fc.tuple(name, scalar), { maxLength: 5 })
    .map((pairs) => pairs.map(([k, v]) => `${encode(k)}=${encode(v)}`).join('&'))
    .chain((q) => fc.oneof({ weight: 5, arbitrary: fc.constant(q) }, { weight: 1, arbitrary: fc.constantFrom(`${q}&key`, `${q}&=x`, `${q}&key=%ZZ`, `${q}&&`) }));
}

const pathParameter = fc.oneof(fc.constantFrom('bob@beta.test', 'hook', 'github', 'ada@alpha.test', 'YWRhQGFscGhhLnRlc3Q'), shortText.filter((s) => s.length > 0 && s.length < 300));

export interface FuzzRequest {
  readonly route: RouteId;
  readonly method: string;
  readonly path: string;
  readonly rawQueryString: string;
  readonly headers: Record<string, string>;
  readonly body?: string;
}

/** Requests to `route` by the caller whose Authorization header is given (sometimes spoiled). */
export function requestFor(route: RouteDefinition, authorization: string): fc.Arbitrary<FuzzRequest> {
  const schemas = route.spec;
  const parameters = (route.path.match(/\{[^}]+\}/g) ?? []).map(() => pathParameter);
  return fc
    .record({
      parameters: fc.tuple(...parameters),
      rawQueryString: queryString(fieldsOf(schemas.query)),
      body: route.method === 'GET' ? fc.constant(undefined) : bodyText(fieldsOf(schemas.body)),
      auth: fc.oneof({ weight: 8, arbitrary: fc.constant(authorization) }, { weight: 1, arbitrary: fc.constantFrom('', 'Bearer', `Bearer ${BOM}x`, `${authorization}x`) }),
      account: fc.option(fc.oneof(fc.constantFrom('bob@beta.test', 'ada@alpha.test'), shortText), { freq: 5 }),
      contentType: fc.constantFrom('application/json', 'text/plain', 'application/json; charset=utf-16', ''),
    })
    .map(({ parameters: values, rawQueryString, body, auth, account, contentType }) => {
      let i = 0;
      const path = route.path.replace(/\{[^}]+\}/g, () => encode(values[i++] as string));
      const headers: Record<string, string> = {};
      if (headerSafe(auth)) headers.authorization = headerSafe(auth);
      if (account !== null) headers.account = headerSafe(account);
      if (contentType) headers['content-type'] = contentType;
      return { route: routeId(route), method: route.method, path, rawQueryString, headers, body };
    })
    .filter((request) => headerBytes(request) <= API_GATEWAY_HEADER_BYTES);
}

const headerBytes = (request: FuzzRequest): number =>
  Buffer.byteLength(`${request.method} ${request.path}?${request.rawQueryString} HTTP/1.1\r\n`) +
  Object.entries(request.headers).reduce((sum, [k, v]) => sum + Buffer.byteLength(`${k}: ${v}\r\n`), 0);

export const EVERY_ROUTE_DEFINITION: readonly RouteDefinition[] = ROUTES;

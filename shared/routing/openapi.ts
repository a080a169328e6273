/**
 * The OpenAPI 3.1 document of the API, generated from the route groups' declarations (their zod
 * schemas, via zod 4's JSON Schema output). `npm run openapi` writes it to docs/openapi.json; the local
 * gateway serves it at /openapi.json (and a Swagger UI at /docs).
 */
import * as z from 'zod';
import type { RouteDefinition, RouteGroupModule } from './route-group';
import { pathParameterNames } from './routes';
import { Bytes, ErrorBody } from './schemas';

type JsonSchema = Record<string, unknown>;
type Components = Record<string, JsonSchema>;

const REF_PREFIX = '#/components/schemas/';

/** A zod schema as JSON Schema 2020-12 (OpenAPI 3.1's dialect); named schemas (`.meta({ id })`) go to components. */
function toSchema(schema: z.ZodType, io: 'input' | 'output', components: Components): JsonSchema {
  const converted = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as JsonSchema;
  const { $schema: _dialect, $defs, ...rest } = converted;
  for (const [id, definition] of Object.entries(($defs ?? {}) as Components)) components[id] = relink(definition);
  return relink(rest);
}

/** `#/$defs/X` → `#/components/schemas/X`. */
const relink = (schema: JsonSchema): JsonSchema => JSON.parse(JSON.stringify(schema).replaceAll('"#/$defs/', `"${REF_PREFIX}`)) as JsonSchema;

/** JSON, or raw bytes for the `Bytes` schema. */
const contentOf = (schema: z.ZodType, io: 'input' | 'output', components: Components) =>
  schema === Bytes ? { 'application/octet-stream': { schema: { type: 'string', contentMediaType: 'application/octet-stream' } } } : { 'application/json': { schema: toSchema(schema, io, components) } };

const errorResponse = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: `${REF_PREFIX}Error` } } } });

function operationOf(route: RouteDefinition, components: Components): Record<string, unknown> {
  const { spec } = route;
  const parameters: Record<string, unknown>[] = pathParameterNames(route.path).map((name) => ({ name, in: 'path', required: true, schema: { type: 'string' } }));
  if (spec.query) {
    const query = toSchema(spec.query, 'input', components) as { properties?: Components; required?: string[] };
    for (const [name, schema] of Object.entries(query.properties ?? {})) {
      parameters.push({ name, in: 'query', required: query.required?.includes(name) ?? false, schema });
    }
  }
  const responses: Record<string, unknown> = {};
  for (const [status, schema] of Object.entries(spec.responses)) {
    responses[status] = { description: 'Success', content: contentOf(schema, 'output', components) };
  }
  responses['400'] = errorResponse('Invalid input (nothing stored changed)');
  if (route.auth === 'jwt') {
    responses['401'] = errorResponse('Missing, expired or invalid credentials');
    responses['403'] = errorResponse('Role or tenant not allowed');
  } else {
    responses['401'] = errorResponse('Invalid webhook');
  }
  if (spec.notAvailable) responses['501'] = errorResponse(`Always: ${spec.notAvailable} is not available in this deployment`);
  responses['503'] = errorResponse('A dependency is unavailable');
  return {
    operationId: `${route.method.toLowerCase()}${route.path.replace(/\{([^}]+)\}/g, 'By-$1').replace(/[^A-Za-z0-9]+(.)/g, (_, c: string) => c.toUpperCase())}`,
    summary: spec.summary,
    tags: [route.group],
    security: route.auth === 'jwt' ? [{ bearer: [] }, { apiKey: [] }] : [],
    ...(parameters.length ? { parameters } : {}),
    ...(spec.body ? { requestBody: { required: true, content: contentOf(spec.body, 'input', components) } } : {}),
    responses,
  };
}

export function openApiDocument(groups: readonly RouteGroupModule[], version: string): Record<string, unknown> {
  const components: Components = { Error: toSchema(ErrorBody, 'output', {}) };
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of groups.flatMap((group) => group.definitions)) {
    (paths[route.path] ??= {})[route.method.toLowerCase()] = operationOf(route, components);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Chariot API',
      version,
      description: 'Generated from the route groups (shared/routes/<group>/routes.ts) by `npm run openapi`. Do not edit.',
    },
    servers: [{ url: '/' }],
    tags: groups.map((group) => ({ name: group.name })),
    paths: Object.fromEntries(Object.entries(paths).sort(([a], [b]) => a.localeCompare(b))),
    components: {
      schemas: Object.fromEntries(Object.entries(components).sort(([a], [b]) => a.localeCompare(b))),
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'A Cognito id or access token' },
        apiKey: { type: 'apiKey', in: 'header', name: 'x-api-key', description: '<id>.<secret> from POST /key' },
      },
    },
  };
}

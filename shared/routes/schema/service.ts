/** The entity schemas of `GET /schema`, taken from the OpenAPI document the route groups generate. */
import { openApiDocument } from '../../routing/openapi';
import { ROUTE_GROUP_LIST } from '../index';

type JsonSchema = { properties?: Record<string, unknown> } & Record<string, unknown>;

let schemas: Record<string, JsonSchema> | undefined;

/**
 * Every named response schema that is a stored row (it has `username` and `key`), keyed by its lower-cased name.
 * Computed once per process: the declarations are static.
 */
export function entitySchemas(): Record<string, JsonSchema> {
  if (!schemas) {
    const components = (openApiDocument(ROUTE_GROUP_LIST, 'schema') as { components: { schemas: Record<string, JsonSchema> } }).components.schemas;
    schemas = Object.fromEntries(
      Object.entries(components)
        .filter(([, schema]) => schema.properties?.username !== undefined && schema.properties?.key !== undefined)
        .map(([id, schema]) => [id.toLowerCase(), schema]),
    );
  }
  return schemas;
}

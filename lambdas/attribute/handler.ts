import { httpApiHandler } from '../runtime/http-api';
import { sharedGraphStore } from '../../shared/graph/config';
import { attributeOperations } from '../../shared/services/attribute/operations';

/** API Gateway (HTTP API v2) → the 'attribute' route group, through the shared dispatcher; its writes go to the graph at once (read-your-writes). */
export const handler = httpApiHandler('attribute', attributeOperations, { graph: () => sharedGraphStore() });

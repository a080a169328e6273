import { httpApiHandler } from '../runtime/http-api';
import { sharedGraphStore } from '../../shared/graph/config';
import { hookOperations } from '../../shared/services/hook/operations';

/** API Gateway (HTTP API v2) → the 'hook' route group, through the shared dispatcher; its writes go to the graph at once (read-your-writes). */
export const handler = httpApiHandler('hook', hookOperations, { graph: () => sharedGraphStore() });

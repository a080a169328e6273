import { httpApiHandler } from '../runtime/http-api';
import { sharedGraphStore } from '../../shared/graph/config';
import { riskOperations } from '../../shared/services/risk/operations';

/** API Gateway (HTTP API v2) → the 'risk' route group, through the shared dispatcher; its writes go to the graph at once (read-your-writes). */
export const handler = httpApiHandler('risk', riskOperations, { graph: () => sharedGraphStore() });

import { httpApiHandler } from '../runtime/http-api';
import { sharedGraphStore } from '../../shared/graph/config';
import { assetOperations } from '../../shared/services/asset/operations';

/** API Gateway (HTTP API v2) → the 'asset' route group, through the shared dispatcher; its writes go to the graph at once (read-your-writes). */
export const handler = httpApiHandler('asset', assetOperations, { graph: () => sharedGraphStore() });

import { httpApiHandler } from '../runtime/http-api';
import { sharedGraphStore } from '../../shared/graph/config';
import { searchOperations } from '../../shared/services/search/operations';

/** API Gateway (HTTP API v2) → the 'search' route group; the only group that reads the graph (`POST /my`). */
export const handler = httpApiHandler('search', searchOperations, { graph: () => sharedGraphStore() });

import { httpApiHandler } from '../runtime/http-api';
import { keyOperations } from '../../shared/services/key/operations';

/** API Gateway (HTTP API v2) → the 'key' route group, through the shared dispatcher. */
export const handler = httpApiHandler('key', keyOperations);

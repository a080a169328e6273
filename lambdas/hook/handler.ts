import { httpApiHandler } from '../runtime/http-api';
import { hookOperations } from '../../shared/services/hook/operations';

/** API Gateway (HTTP API v2) → the 'hook' route group, through the shared dispatcher. */
export const handler = httpApiHandler('hook', hookOperations);

import { httpApiHandler } from '../runtime/http-api';

/** API Gateway (HTTP API v2) → the 'search' route group, through the shared dispatcher. */
export const handler = httpApiHandler('search');

import { httpApiHandler } from '../runtime/http-api';

/** API Gateway (HTTP API v2) → the 'risk' route group, through the shared dispatcher. */
export const handler = httpApiHandler('risk');

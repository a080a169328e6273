import { httpApiHandler } from '../runtime/http-api';
import { tokenOperations } from '../../shared/services/token/operations';

/** API Gateway (HTTP API v2) → the 'token' route group, through the shared dispatcher. */
export const handler = httpApiHandler('token', tokenOperations);

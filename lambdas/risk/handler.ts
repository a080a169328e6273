import { httpApiHandler } from '../runtime/http-api';
import { riskOperations } from '../../shared/services/risk/operations';

/** API Gateway (HTTP API v2) → the 'risk' route group, through the shared dispatcher. */
export const handler = httpApiHandler('risk', riskOperations);

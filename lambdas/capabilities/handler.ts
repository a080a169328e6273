import { httpApiHandler } from '../runtime/http-api';
import { capabilitiesOperations } from '../../shared/services/capabilities/operations';

/** API Gateway (HTTP API v2) → the 'capabilities' route group, through the shared dispatcher. */
export const handler = httpApiHandler('capabilities', capabilitiesOperations);

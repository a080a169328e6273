import { httpApiHandler } from '../runtime/http-api';
import { attributeOperations } from '../../shared/services/attribute/operations';

/** API Gateway (HTTP API v2) → the 'attribute' route group, through the shared dispatcher. */
export const handler = httpApiHandler('attribute', attributeOperations);

import { httpApiHandler } from '../runtime/http-api';
import { assetOperations } from '../../shared/services/asset/operations';

/** API Gateway (HTTP API v2) → the 'asset' route group, through the shared dispatcher. */
export const handler = httpApiHandler('asset', assetOperations);

import { httpApiHandler } from '../runtime/http-api';
import { fileOperations } from '../../shared/services/file/operations';

/** API Gateway (HTTP API v2) → the 'file' route group, through the shared dispatcher. */
export const handler = httpApiHandler('file', fileOperations);

import { httpApiHandler } from '../runtime/http-api';
import { accountOperations } from '../../shared/services/account/operations';

/** API Gateway (HTTP API v2) → the 'account' route group, through the shared dispatcher. */
export const handler = httpApiHandler('account', accountOperations);

import { httpApiHandler } from '../runtime/http-api';
import { jobOperations } from '../../shared/services/job/operations';

/** API Gateway (HTTP API v2) → the 'job' route group, through the shared dispatcher. */
export const handler = httpApiHandler('job', jobOperations);

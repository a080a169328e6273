/**
 * What a test needs around the local gateway's HTTP API event builder (`local/gateway/routing.ts`,
 * `httpApiEvent`), so tests, `npm start` and production all feed the handlers the same shape.
 */
import type { Context } from 'aws-lambda';
import { lambdaContext as gatewayLambdaContext } from '../../../local/gateway/lambda-invoker';

export const lambdaContext = (functionName: string, requestId: string): Context => gatewayLambdaContext(functionName, requestId, Date.now() + 29_000);

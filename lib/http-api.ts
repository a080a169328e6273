import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaAuthorizer, HttpLambdaResponseType } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { CORS_ALLOW_HEADERS, CORS_ALLOW_METHODS, CORS_EXPOSE_HEADERS, CORS_MAX_AGE_SECONDS } from '../shared/http/cors';
import type { ResolvedRoute, RouteLike } from '../shared/routing/flags';
import { acknowledge } from './nag';

export interface ChariotHttpApiProps {
  /** lambdas/authorizer: accepts a Cognito token, an API token from `GET /token`, or `x-api-key`. */
  readonly authorizerFunction: lambda.IFunction;
  readonly corsOrigins: readonly string[];
}

/**
 * The one HTTP API: the request authorizer, CORS, `$default` stage with access logs. The authorizer is a
 * Lambda (not API Gateway's JWT authorizer, which knows one issuer and no API keys) with no identity
 * sources and no result cache: it runs on every request, so a credential without an Authorization
 * header (`x-api-key`) reaches it, and a revoked key is refused within the backend's 10 s key cache.
 */
export class ChariotHttpApi extends Construct {
  readonly api: apigwv2.HttpApi;
  readonly authorizer: HttpLambdaAuthorizer;

  constructor(scope: Construct, id: string, props: ChariotHttpApiProps) {
    super(scope, id);
    this.api = new apigwv2.HttpApi(this, 'Api', {
      description: 'Chariot API: each route on Lambda or Fargate by migration flag',
      createDefaultStage: false,
      corsPreflight: {
        allowOrigins: [...props.corsOrigins],
        allowHeaders: [...CORS_ALLOW_HEADERS],
        allowMethods: CORS_ALLOW_METHODS.map((method) => apigwv2.CorsHttpMethod[method]),
        exposeHeaders: [...CORS_EXPOSE_HEADERS],
        maxAge: Duration.seconds(CORS_MAX_AGE_SECONDS),
      },
    });
    const accessLogs = new logs.LogGroup(this, 'AccessLogs', {
      retention: logs.RetentionDays.THREE_MONTHS,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    // `$default`: no stage prefix in paths, so the ALB and Lambda see `/asset`, not `/prod/asset`.
    new apigwv2.HttpStage(this, 'DefaultStage', {
      httpApi: this.api,
      stageName: '$default',
      autoDeploy: true,
      accessLogSettings: { destination: new apigwv2.LogGroupLogDestination(accessLogs) },
    });
    this.authorizer = new HttpLambdaAuthorizer('Credentials', props.authorizerFunction, {
      responseTypes: [HttpLambdaResponseType.SIMPLE],
      identitySource: [],
      resultsCacheTtl: Duration.seconds(0),
    });
  }

  /** Adds one route; `jwt` routes get the request authorizer, `public` routes none. */
  addRoute(id: string, resolved: ResolvedRoute<RouteLike>, integration: apigwv2.HttpRouteIntegration): apigwv2.HttpRoute {
    const { method, path, auth } = resolved.route;
    const route = new apigwv2.HttpRoute(this, id, {
      httpApi: this.api,
      routeKey: apigwv2.HttpRouteKey.with(path, apigwv2.HttpMethod[method]),
      integration,
      ...(auth === 'jwt' ? { authorizer: this.authorizer } : {}),
    });
    if (auth === 'public') {
      acknowledge(route, {
        'AwsSolutions-APIG4': `${resolved.id} is public by contract (webhook PIN, or /token's API key headers); its handler authenticates the caller.`,
      });
    }
    return route;
  }
}

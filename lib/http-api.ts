import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { ResolvedRoute } from '../shared/routing/flags';

export interface ChariotHttpApiProps {
  readonly issuer: string;
  readonly clientId: string;
  readonly corsOrigins: readonly string[];
}

/** Headers browsers may send: `account` selects the tenant, `x-api-key` authenticates API keys. */
export const CORS_ALLOW_HEADERS = ['authorization', 'content-type', 'account', 'x-request-id', 'x-api-key'];

/** The one HTTP API: Cognito JWT authorizer, CORS, `$default` stage with access logs. */
export class ChariotHttpApi extends Construct {
  readonly api: apigwv2.HttpApi;
  readonly authorizer: HttpJwtAuthorizer;

  constructor(scope: Construct, id: string, props: ChariotHttpApiProps) {
    super(scope, id);
    this.api = new apigwv2.HttpApi(this, 'Api', {
      description: 'Chariot API: each route on Lambda or Fargate by migration flag',
      createDefaultStage: false,
      corsPreflight: {
        allowOrigins: [...props.corsOrigins],
        allowHeaders: CORS_ALLOW_HEADERS,
        allowMethods: [
          apigwv2.CorsHttpMethod.GET,
          apigwv2.CorsHttpMethod.POST,
          apigwv2.CorsHttpMethod.PUT,
          apigwv2.CorsHttpMethod.DELETE,
          apigwv2.CorsHttpMethod.OPTIONS,
        ],
        maxAge: Duration.hours(1),
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
    this.authorizer = new HttpJwtAuthorizer('CognitoJwt', props.issuer, { jwtAudience: [props.clientId] });
  }

  /** Adds one route; `jwt` routes get the JWT authorizer, `public` routes none. */
  addRoute(id: string, resolved: ResolvedRoute, integration: apigwv2.HttpRouteIntegration): apigwv2.HttpRoute {
    const { method, path, auth } = resolved.route;
    const route = new apigwv2.HttpRoute(this, id, {
      httpApi: this.api,
      routeKey: apigwv2.HttpRouteKey.with(path, apigwv2.HttpMethod[method]),
      integration,
      ...(auth === 'jwt' ? { authorizer: this.authorizer } : {}),
    });
    if (auth === 'public') {
      Validations.of(route).acknowledge({
        id: 'AwsSolutions-APIG4',
        reason: `${resolved.id} is public by contract (Chariot webhook); the handler authenticates the caller by username + PIN.`,
      });
    }
    return route;
  }
}

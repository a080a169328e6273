import { CfnOutput, Duration, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import type { ResolvedRoute } from '../shared/routing/flags';
import { AccessLogsBucket } from './access-logs-bucket';
import { ApiRoutes } from './api-routes';
import { ApiTokenSecret } from './api-token-secret';
import { ChariotFunction } from './chariot-function';
import type { EnvironmentConfig } from '../tooling/deploy-config/schema';
import { DataTable } from './data-table';
import { FargateBackend } from './fargate-backend';
import { FilesBucket } from './files-bucket';
import { GraphProjector } from './graph-projector';
import { ChariotHttpApi } from './http-api';
import { Neo4jSecret } from './neo4j-secret';
import { Network } from './network';
import { OffsetKey } from './offset-key';
import { bindFunction } from './runtime-binding';
import { AUTHORIZER_BINDING } from '../shared/config/binding';
import { UserDirectory } from './user-directory';

export interface ChariotStackProps extends Omit<StackProps, 'env'> {
  readonly envName: string;
  readonly environment: EnvironmentConfig;
  readonly routes: readonly ResolvedRoute[];
}

/** One environment of Chariot: data, identity, the HTTP API and both backends (Lambda and Fargate). */
export class ChariotStack extends Stack {
  readonly routes: ApiRoutes;

  constructor(scope: Construct, id: string, props: ChariotStackProps) {
    const { environment } = props;
    super(scope, id, {
      ...props,
      env: { account: environment.account, region: environment.region },
      description: `Chariot API (${props.envName})`,
    });

    const network = new Network(this, 'Network');
    const data = new DataTable(this, 'Data', environment.table);
    const users = new UserDirectory(this, 'Users', environment.userPool);
    const accessLogs = new AccessLogsBucket(this, 'AccessLogs');
    const files = new FilesBucket(this, 'Files', { accessLogs: accessLogs.bucket, corsOrigins: environment.corsOrigins });
    const neo4j = new Neo4jSecret(this, 'Neo4j', { secretName: environment.neo4jSecretName });
    const apiTokens = new ApiTokenSecret(this, 'ApiTokens');
    const offsetKey = new OffsetKey(this, 'OffsetKey');
    // Everything a backend may be bound to; each gets only what its binding (shared/config/binding.ts) names.
    const resources = {
      table: data.table,
      filesBucket: files.bucket,
      neo4jSecret: neo4j.secret,
      apiTokenSecret: apiTokens.secret,
      offsetKeySecret: offsetKey.secret,
      cognito: { issuer: users.issuer, clientId: users.clientId },
      logLevel: environment.logLevel,
    };

    // The request authorizer: the backend's own credential check (shared/auth/authorizer.ts), with the same
    // environment, so it accepts exactly the tokens `GET /token` issues (same issuer, audience and key).
    const authorizer = new ChariotFunction(this, 'Authorizer', {
      entry: 'lambdas/authorizer/handler.ts',
      environment: { POWERTOOLS_SERVICE_NAME: 'authorizer' },
      timeout: Duration.seconds(10),
    }).function;
    bindFunction(authorizer, AUTHORIZER_BINDING, resources);
    const api = new ChariotHttpApi(this, 'Http', { authorizerFunction: authorizer, corsOrigins: environment.corsOrigins });
    // Kept even with no route migrated, so the first flip only adds a service, a rule and an integration.
    const backend = new FargateBackend(this, 'Fargate', { vpc: network.vpc, accessLogs: accessLogs.bucket });
    this.routes = new ApiRoutes(this, 'Routes', {
      routes: props.routes,
      api,
      backend,
      resources,
      fargate: environment.fargate,
    });

    new GraphProjector(this, 'Graph', { table: data.table, resources });

    new CfnOutput(this, 'ApiUrl', { value: api.api.apiEndpoint });
    new CfnOutput(this, 'UserPoolId', { value: users.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: users.clientId });
    new CfnOutput(this, 'TableName', { value: data.table.tableName });
  }
}

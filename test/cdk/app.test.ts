import { Match } from 'aws-cdk-lib/assertions';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { routeId } from '../../shared/routing/routes';
import { ROUTE_GROUPS, ROUTES } from '../../shared/routing/table';
import { TABLE_SCHEMA } from '../../shared/db/table-schema';
import { buildApp } from '../../bin/build-app';
import { cliContext, integrationOf, resourcesOfType, routeResource, stacksOf, synth } from './support';

describe.each(['dev', 'staging', 'prod'])('synth of %s', (env) => {
  // Template.fromStack runs the cdk-nag plugin: any unacknowledged finding throws "Validation failed".
  const { template, config, stacks } = synth({ env });

  it('targets the account and region of the environment in every stack, with no unacknowledged cdk-nag finding', () => {
    expect(stacksOf(stacks).map((stack) => stack.stackName)).toEqual(
      ['Data', 'Network', 'Service-inventory', 'Service-identity', 'Service-operations', 'Api'].map((part) => `Chariot-${env}-${part}`),
    );
    for (const stack of stacksOf(stacks)) {
      expect(stack.account).toBe(config.environment.account);
      expect(stack.region).toBe(config.environment.region);
    }
  });

  it('has one API Gateway route per table route, with the request authorizer exactly on jwt routes', () => {
    template.resourceCountIs('AWS::ApiGatewayV2::Route', ROUTES.length);
    template.resourceCountIs('AWS::ApiGatewayV2::Authorizer', 1);
    // A Lambda authorizer run on every request: no identity source (x-api-key has no Authorization), no cache.
    template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'REQUEST',
      AuthorizerPayloadFormatVersion: '2.0',
      EnableSimpleResponses: true,
      AuthorizerResultTtlInSeconds: 0,
      IdentitySource: [],
    });
    for (const route of ROUTES) {
      const props = routeResource(template, routeId(route));
      if (route.auth === 'jwt') {
        expect(props).toMatchObject({ AuthorizationType: 'CUSTOM', AuthorizerId: { Ref: expect.any(String) } });
      } else {
        expect(props.AuthorizationType).toBe('NONE');
        expect(props.AuthorizerId).toBeUndefined();
      }
    }
  });

  it('accepts the tokens GET /token issues: the authorizer verifies with the issuer, audience and key the token function signs with', () => {
    const functionOf = (resource: unknown) => /"Fn::GetAtt":\["(\w+)","Arn"\]/.exec(JSON.stringify(resource))?.[1];
    const functions = resourcesOfType(template, 'AWS::Lambda::Function');
    const envOf = (logicalId: string | undefined) => functions[logicalId!]?.Properties?.Environment?.Variables as Record<string, unknown>;
    const authorizerEnv = envOf(functionOf(Object.values(resourcesOfType(template, 'AWS::ApiGatewayV2::Authorizer'))[0]));
    const tokenEnv = envOf(functionOf(integrationOf(template, 'GET /token').properties));
    // API token iss = apiTokenIssuer(COGNITO_ISSUER), aud = COGNITO_CLIENT_ID, HS256 key = the secret: shared/auth/api-token.ts.
    for (const name of ['COGNITO_ISSUER', 'COGNITO_CLIENT_ID', 'API_TOKEN_SECRET_ARN']) {
      expect(authorizerEnv[name]).toBeDefined();
      expect(authorizerEnv[name]).toEqual(tokenEnv[name]);
    }
    expect(JSON.stringify(authorizerEnv.API_TOKEN_SECRET_ARN)).toMatch(/^\{"Fn::ImportValue":"Chariot-\w+-Data:ExportsOutputRefApiTokensSecret/);
    expect(routeResource(template, 'GET /token').AuthorizationType).toBe('NONE');
  });

  it('sends each route where the resolver says', () => {
    for (const resolved of config.routes) {
      const { properties } = integrationOf(template, resolved.id);
      if (resolved.target === 'lambda') expect(properties.IntegrationType).toBe('AWS_PROXY');
      else expect(properties).toMatchObject({ IntegrationType: 'HTTP_PROXY', ConnectionType: 'VPC_LINK' });
    }
  });

  it('creates one function per group with a lambda route, plus the graph projector and the authorizer', () => {
    const groups = new Set(config.routes.filter((r) => r.target === 'lambda').map((r) => r.route.group));
    // + the graph projector, the request authorizer and the offset key's rotation
    template.resourceCountIs('AWS::Lambda::Function', groups.size + 3);
    template.resourceCountIs('AWS::Lambda::EventSourceMapping', 1);
  });
});

describe('dev (create mode)', () => {
  const { template } = synth({ env: 'dev' });

  it('creates the single table from TABLE_SCHEMA', () => {
    template.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({
        KeySchema: [
          { AttributeName: 'username', KeyType: 'HASH' },
          { AttributeName: 'key', KeyType: 'RANGE' },
        ],
        TimeToLiveSpecification: { AttributeName: 'ttl', Enabled: true },
        StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' },
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        GlobalSecondaryIndexes: TABLE_SCHEMA.globalIndexes.map((index) =>
          Match.objectLike({ IndexName: index.indexName, Projection: { ProjectionType: 'ALL' } }),
        ),
      }),
    });
  });

  it('creates a user pool and an app client with USER_PASSWORD and SRP auth', () => {
    template.resourceCountIs('AWS::Cognito::UserPool', 1);
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      ExplicitAuthFlows: Match.arrayWith(['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH']),
    });
  });

  it('allows the CORS headers and methods the clients use', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Api', {
      CorsConfiguration: {
        AllowHeaders: ['authorization', 'content-type', 'account', 'x-request-id', 'x-api-key'],
        AllowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
        AllowOrigins: ['*'],
      },
    });
  });

  it('gives Lambdas Node 22 on arm64, Powertools env, and least-privilege grants', () => {
    const functions = Object.values(resourcesOfType(template, 'AWS::Lambda::Function'));
    for (const fn of functions) expect(fn.Properties).toMatchObject({ Runtime: 'nodejs22.x', Architectures: ['arm64'] });
    template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: {
        Variables: Match.objectLike({
          POWERTOOLS_SERVICE_NAME: 'search',
          LOG_LEVEL: 'DEBUG',
          TABLE_NAME: Match.anyValue(),
          COGNITO_ISSUER: Match.anyValue(),
          COGNITO_CLIENT_ID: Match.anyValue(),
          NEO4J_SECRET_ARN: Match.anyValue(),
        }),
      },
    });
    // Env derives from what a group touches: the bucket only where files are served, the secret only where the graph is read.
    const variables = (group: string) =>
      functions.find((fn) => fn.Properties!.Environment.Variables.POWERTOOLS_SERVICE_NAME === group)!.Properties!.Environment.Variables as Record<string, unknown>;
    expect(Object.keys(variables('file'))).toContain('FILES_BUCKET');
    expect(Object.keys(variables('search'))).not.toContain('FILES_BUCKET');
    expect(Object.keys(variables('asset'))).not.toEqual(expect.arrayContaining(['FILES_BUCKET']));
    expect(Object.keys(variables('asset'))).toContain('NEO4J_SECRET_ARN'); // read-your-writes: asset writes go to the graph
    expect(Object.keys(variables('key'))).not.toContain('NEO4J_SECRET_ARN');
    const policies = Object.entries(resourcesOfType(template, 'AWS::IAM::Policy'));
    const actionsOf = (group: string) => {
      const [, policy] = policies.find(([id]) => id.startsWith(`Routes${group}function`))!;
      return JSON.stringify(policy.Properties!.PolicyDocument);
    };
    expect(actionsOf('search')).toContain('dynamodb:DeleteItem'); // it settles the graph's catch-up ledger (docs/graph.md)
    expect(actionsOf('capabilities')).not.toContain('dynamodb:PutItem');
    expect(actionsOf('asset')).toContain('dynamodb:PutItem');
    expect(actionsOf('file')).toContain('s3:PutObject');
    for (const group of ['search', 'asset', 'key', 'hook']) expect(actionsOf(group)).not.toContain('s3:');
    // Only groups that search or write the graph (read-your-writes) may read the Neo4j secret; every backend reads the API token key.
    for (const group of ['search', 'asset', 'risk', 'attribute', 'hook']) expect(actionsOf(group)).toContain('Neo4jSecret');
    for (const group of ['file', 'key', 'account', 'job']) expect(actionsOf(group)).not.toContain('Neo4jSecret');
    for (const group of ['search', 'asset', 'file', 'key', 'token']) expect(actionsOf(group)).toContain('ApiTokensSecret');
  });

  it('creates the files bucket encrypted, TLS-only and private, a Neo4j secret, the API token key and the offset key ring', () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      BucketEncryption: Match.anyValue(),
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
      LoggingConfiguration: Match.anyValue(),
    });
    template.resourceCountIs('AWS::SecretsManager::Secret', 3);
    template.resourceCountIs('AWS::SecretsManager::RotationSchedule', 1);
  });

  it('feeds the graph projector from the table stream with bisect, retries and batch item failures', () => {
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      EventSourceArn: { 'Fn::ImportValue': Match.stringLikeRegexp('^Chariot-dev-Data:ExportsOutputFnGetAttDataTable.*StreamArn') },
      BisectBatchOnFunctionError: true,
      MaximumRetryAttempts: 5,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
    });
  });

  it('keeps the ALB internal, reachable only from the VPC link security group', () => {
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::LoadBalancer', { Scheme: 'internal' });
    const ingress = Object.values(resourcesOfType(template, 'AWS::EC2::SecurityGroupIngress'));
    const toAlb = ingress.filter((i) => JSON.stringify(i.Properties!.GroupId).includes('FargateAlbSecurityGroup'));
    expect(toAlb).toHaveLength(1);
    expect(JSON.stringify(toAlb[0].Properties!.SourceSecurityGroupId)).toContain('FargateVpcLinkSecurityGroup');
    const albGroups = Object.values(resourcesOfType(template, 'AWS::EC2::SecurityGroup')).filter((g) =>
      JSON.stringify(g.Properties).includes('Internal ALB'),
    );
    expect(JSON.stringify(albGroups)).not.toContain('0.0.0.0/0');
    template.resourceCountIs('AWS::ECS::Service', 0);
  });
});

describe('prod (import mode)', () => {
  const { template, config } = synth({ env: 'prod' });

  it('creates no table, no user pool and no Neo4j secret, and uses the imported ones (only the API token key and the offset key ring are its own)', () => {
    template.resourceCountIs('AWS::DynamoDB::Table', 0);
    template.resourceCountIs('AWS::Cognito::UserPool', 0);
    template.resourceCountIs('AWS::Cognito::UserPoolClient', 0);
    template.resourceCountIs('AWS::SecretsManager::Secret', 2);
    template.hasResourceProperties('AWS::SecretsManager::Secret', { Description: Match.stringLikeRegexp('API tokens') });
    const env = config.environment;
    if (env.table.mode !== 'import' || env.userPool.mode !== 'import') throw new Error('prod should import');
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', { EventSourceArn: env.table.streamArn });
    template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: {
        Variables: Match.objectLike({
          COGNITO_ISSUER: `https://cognito-idp.${env.region}.amazonaws.com/${env.userPool.userPoolId}`,
          COGNITO_CLIENT_ID: env.userPool.clientId,
          POWERTOOLS_SERVICE_NAME: 'authorizer',
        }),
      },
    });
  });
});

describe('cdk-nag gate', () => {
  it('fails synth on an unacknowledged finding', () => {
    const app = new App({ context: cliContext({ env: 'dev' }) });
    const { stacks } = buildApp(app);
    new s3.Bucket(stacks.data, 'CarelessBucket');
    expect(() => Template.fromStack(stacks.data)).toThrow(/AwsSolutions-S1\b/);
  });
});

describe('bundling', () => {
  it('bundles the Lambdas with local esbuild and stages the service images, with no Docker', () => {
    // Every group but `hook` migrated: four bundles (hook + projector + authorizer + offset key rotation) keep this one real bundling synth quick.
    const flags = Object.fromEntries(
      Object.keys(ROUTE_GROUPS).filter((group) => group !== 'hook').map((group) => [`migrate:${group}`, 'fargate']),
    );
    const { app, template } = synth({ env: 'dev', ...flags }, { bundling: true });
    template.resourceCountIs('AWS::Lambda::Function', 4); // + the authorizer and the offset key's rotation
    template.resourceCountIs('AWS::ECS::Service', 3);
    const outdir = app.synth().directory;
    const assetDirs = readdirSync(outdir).filter((name) => name.startsWith('asset.'));
    const bundles = assetDirs.filter((dir) => existsSync(path.join(outdir, dir, 'index.js')));
    const images = assetDirs.filter((dir) => existsSync(path.join(outdir, dir, 'containers', 'Dockerfile')));
    expect(bundles).toHaveLength(4);
    expect(images).toHaveLength(3);
    for (const image of images) {
      // The allow-listed context: the build's own files and the service's sources, nothing else.
      for (const file of ['package-lock.json', 'scripts/build-service.ts', 'containers/runtime/server.ts', 'shared/routing/routes.ts']) {
        expect(existsSync(path.join(outdir, image, file))).toBe(true);
      }
      for (const file of ['node_modules', 'cdk.json', 'docs', 'test', 'lib', 'README.md']) expect(existsSync(path.join(outdir, image, file))).toBe(false);
      const entries = ['inventory', 'identity', 'operations'].filter((service) => existsSync(path.join(outdir, image, 'containers', service, 'server.ts')));
      expect(entries).toHaveLength(1);
    }
  });
});

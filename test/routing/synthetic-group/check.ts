/**
 * Run by synthetic-group.test.ts (with tsx) inside a temporary copy of the repository that has one extra
 * folder, shared/routes/probe/. Prints, as one JSON line, where the group showed up.
 */
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { buildApp } from '../../../bin/build-app';
import { LambdaInvoker } from '../../../local/gateway/lambda-invoker';
import { startGateway } from '../../../local/gateway/gateway';
import { writeLambdaEntries } from '../../../lambdas/runtime/entries';
import { ROUTE_GROUP_LIST } from '../../../shared/routes';
import { openApiDocument } from '../../../shared/routing/openapi';
import { ROUTES } from '../../../shared/routing/table';
import { cliContext } from '../../cdk/support';

async function main() {
  const root = process.cwd();
  const routeTable = ROUTES.filter((route) => route.group === 'probe').map((route) => route.id);

  const { stacks, config } = buildApp(new App({ context: cliContext({ env: 'dev' }) }));
  const template = Template.fromStack(stacks.api).toJSON() as {
    Resources: Record<string, { Type: string; Properties?: Record<string, any> }>;
  };
  const resources = Object.entries(template.Resources);
  const fn = resources.find(([, r]) => r.Type === 'AWS::Lambda::Function' && r.Properties?.Environment?.Variables?.POWERTOOLS_SERVICE_NAME === 'probe');
  const policy = resources.find(([id, r]) => r.Type === 'AWS::IAM::Policy' && id.startsWith('Routesprobefunction'));
  const apiRoute = resources.find(([, r]) => r.Type === 'AWS::ApiGatewayV2::Route' && r.Properties?.RouteKey === 'GET /probe/{id}');
  const actions = JSON.stringify(policy?.[1].Properties?.PolicyDocument ?? {});

  Object.assign(process.env, { TABLE_NAME: 'probe-table', COGNITO_ISSUER: 'http://127.0.0.1:9/pool', COGNITO_CLIENT_ID: 'probe', DYNAMODB_ENDPOINT: 'http://127.0.0.1:9' });
  writeLambdaEntries(ROUTE_GROUP_LIST, root);
  const cors = { allowOrigins: ['*'], allowHeaders: [], allowMethods: [], exposeHeaders: [], maxAgeSeconds: 0 };
  const gateway = await startGateway({
    port: 0,
    routes: config.routes,
    authorizer: async () => ({ allow: true, context: {} }),
    lambdas: new LambdaInvoker(root, (line) => console.error(line)),
    servicePort: () => undefined,
    cors,
  });
  const response = await fetch(`${gateway.url}/probe/hello`);
  const gatewayAnswer = { status: response.status, body: await response.json() };
  await gateway.close();

  const openapi = openApiDocument(ROUTE_GROUP_LIST, 'test') as { paths: Record<string, Record<string, { summary: string }>> };
  console.log(
    JSON.stringify({
      routeTable,
      lambda: fn ? { handler: fn[1].Properties!.Handler, hasFilesBucket: 'FILES_BUCKET' in fn[1].Properties!.Environment.Variables } : null,
      iam: { tableRead: actions.includes('dynamodb:GetItem'), tableWrite: actions.includes('dynamodb:PutItem'), files: actions.includes('s3:GetObject') },
      apiGatewayRoute: apiRoute !== undefined,
      gateway: gatewayAnswer,
      openapi: openapi.paths['/probe/{id}']?.get?.summary ?? null,
    }),
  );
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);

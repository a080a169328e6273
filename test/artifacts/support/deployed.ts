/**
 * The deployed artifacts, started against the emulators: `cdk synth` (with real esbuild bundling) into a
 * temp cdk.out, then
 *  - every route-group Lambda and the authorizer: its staged bundle loaded in a process of its own with
 *    exactly its template env (lambda-host.cjs);
 *  - every service in a task definition: its bundle built by the Dockerfile's command, started with the
 *    task definition's env and its ECS-injected secrets;
 * every token resolved to the emulators: the table to a DynamoDB Local table, secrets to ARNs on the
 * Secrets Manager emulator (seeded with values of the shape the stack generates), the user pool to
 * cognito-local. The runtime sends each request where the synthesized routes send it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { App } from 'aws-cdk-lib';
import { buildApp } from '../../../bin/build-app';
import { freePort, LOCAL_AWS, startSecretsManager, type SecretsManagerEmulator } from '../../../local/emulators';
import { startGraphServer, type GraphServer } from '../../../local/graph-server/server';
import { SECRET_DELIVERY, type SecretNeed } from '../../../shared/config/binding';
import type { ServiceName } from '../../../shared/routing/routes';
import { httpApiEvent } from '../../../tooling/http-api-emulator/event';
import { lambdaContext, responseFromResult } from '../../../tooling/http-api-emulator/lambda-integration';
import { findRoute } from '../../../tooling/http-api-emulator/routing';
import { REPO_ROOT } from '../../../tooling/paths';
import { cliContext } from '../../cdk/support';
import type { Runtime } from '../../contract/support/runtimes';
import { AppTemplates, plausibleValue, secretFieldOf, secretResourceOf, type PhysicalValue } from '../../support/cfn-resolve';
import type { TestStack } from '../../support/emulators';
import { buildServiceBundle } from './service-bundle';

export interface DeployedArtifacts {
  /** Each request to the backend its synthesized route points at. */
  readonly runtime: Runtime;
  /** Which backend served each route group: `lambda` or the service name. */
  readonly backends: Readonly<Record<string, string>>;
  /** Invokes the staged authorizer bundle with a REQUEST authorizer event carrying `headers`. */
  authorize(headers: Record<string, string>): Promise<{ isAuthorized: boolean; context?: Record<string, string> }>;
  /** Milliseconds per phase (synth + bundling, service bundles, start). */
  readonly timings: Readonly<Record<string, number>>;
  /** The staged asset directory of every Lambda started (entry bundle and lazy chunks). */
  readonly lambdaAssets: readonly string[];
  close(): Promise<void>;
}

/**
 * What AWS's platform gives every process, pointed at the emulators (never a binding variable: those come from the template).
 * There is no S3 stand-in: `s3Endpoint` is a closed local port, so the file store's SDK loads and signs for real and
 * its calls fail here (503) instead of leaving the machine.
 */
function platformEnv(stack: TestStack, secrets: SecretsManagerEmulator, s3Endpoint: string): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '',
    // The Lambda runtime provides the AWS SDK the bundles leave out (`@aws-sdk/*` is external): here, the repository's.
    NODE_PATH: join(REPO_ROOT, 'node_modules'),
    AWS_REGION: LOCAL_AWS.region,
    AWS_ACCESS_KEY_ID: LOCAL_AWS.credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: LOCAL_AWS.credentials.secretAccessKey,
    AWS_ENDPOINT_URL_DYNAMODB: stack.dynamoEndpoint,
    AWS_ENDPOINT_URL_S3: s3Endpoint,
    ...secrets.env,
    // No X-Ray daemon here; and revocations must show at once (the contract cases revoke and retry).
    POWERTOOLS_TRACE_ENABLED: 'false',
    AUTH_CACHE_TTL_MS: '0',
  };
}

/** Starts `node args` and resolves with the process once `ready(line)` accepts a stdout line; keeps the rest for diagnostics. */
function startNode(args: string[], env: Record<string, string>, ready: (line: string) => boolean, output: string[], children: ChildProcess[]): Promise<ChildProcess> {
  const child = spawn(process.execPath, args, { env, cwd: REPO_ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
  children.push(child); // killed by close() even when it never becomes ready
  const keep = (line: string) => {
    output.push(line);
    if (output.length > 200) output.shift();
  };
  createInterface({ input: child.stderr! }).on('line', keep);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${args.join(' ')} did not start:\n${output.join('\n')}`)), 120_000);
    createInterface({ input: child.stdout! }).on('line', (line) => {
      keep(line);
      if (ready(line)) {
        clearTimeout(timer);
        resolve(child);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${args.join(' ')} exited with ${code}:\n${output.join('\n')}`));
    });
  });
}

export async function startDeployedArtifacts(stack: TestStack, context: Record<string, unknown>): Promise<DeployedArtifacts> {
  const timings: Record<string, number> = {};
  const time = async <T>(phase: string, work: () => Promise<T> | T): Promise<T> => {
    const started = Date.now();
    try {
      return await work();
    } finally {
      timings[phase] = Date.now() - started;
      if (process.env.ARTIFACTS_DEBUG) process.stderr.write(`artifacts: ${phase} ${timings[phase]} ms\n`);
    }
  };
  // Outside the repository: the image assets' build context is the repository, and must not contain its own output.
  const outdir = mkdtempSync(join(tmpdir(), 'artifacts-'));
  const children: ChildProcess[] = [];
  const [secrets, graph] = await Promise.all([startSecretsManager(), startGraphServer()]);
  const close = async () => {
    for (const child of children) child.kill();
    await Promise.all([secrets.stop(), graph.stop()]);
    rmSync(outdir, { recursive: true, force: true });
  };
  try {
    const { templates, routes } = await time('synth', () => {
      // Asset metadata, as the CDK CLI asks for it: each function names its staged directory.
      const app = new App({ outdir, context: cliContext({ ...context, 'aws:cdk:enable-asset-metadata': true }, { bundling: true }) });
      const { config } = buildApp(app);
      return { templates: new AppTemplates(app.synth()), routes: config.routes };
    });

    // Seeds each secret the backends are bound to with a value of its generated shape, on the emulator.
    const secretArns = new Map<string, string>();
    const seed = (logicalId: string, need: SecretNeed) => {
      if (!secretArns.has(logicalId)) secretArns.set(logicalId, secrets.put(logicalId, secretValue(need, graph)));
    };
    const needOfVariable = (variable: string) =>
      (Object.keys(SECRET_DELIVERY) as SecretNeed[]).find((need) => SECRET_DELIVERY[need].arnVariable === variable || variable in SECRET_DELIVERY[need].valueVariables);
    for (const fn of templates.functions()) {
      for (const [variable, value] of Object.entries(fn.env)) {
        const need = needOfVariable(variable);
        const resource = need && templates.referenced(fn.stack, value);
        if (need && resource) seed(resource.logicalId, need);
      }
    }
    for (const container of templates.containers()) {
      for (const [variable, valueFrom] of Object.entries(container.secrets)) {
        const need = needOfVariable(variable);
        const resource = secretResourceOf(templates, container.stack, valueFrom);
        if (!need || !resource) throw new Error(`container secret ${variable} of ${container.name} has no secret resource in the app`);
        seed(resource.logicalId, need);
      }
    }

    const cognitoHost = /^https:\/\/cognito-idp\.[^/]+\.amazonaws\.com/;
    const physical: PhysicalValue = (resource, attribute) => {
      if (resource.type === 'AWS::DynamoDB::Table' && !attribute) return stack.tableName;
      if (resource.type === 'AWS::SecretsManager::Secret') {
        const arn = secretArns.get(resource.logicalId);
        if (!arn) throw new Error(`secret ${resource.logicalId} is referenced but not bound`);
        return arn;
      }
      if (resource.type === 'AWS::S3::Bucket' && !attribute) return 'chariot-artifacts-files';
      if (resource.type === 'AWS::Cognito::UserPool' && !attribute) return stack.pool.userPoolId;
      if (resource.type === 'AWS::Cognito::UserPoolClient') return stack.pool.clientId;
      return plausibleValue(LOCAL_AWS.region, '000000000000')(resource, attribute);
    };
    // Tokens → emulator values; the issuer's AWS host → cognito-local (the one endpoint a URL in the template names).
    const resolveEnv = (stackName: string, env: Record<string, unknown>) =>
      Object.fromEntries(
        Object.entries(env).map(([name, value]) => [name, templates.resolve(stackName, value, physical).replace(cognitoHost, stack.cognitoEndpoint)]),
      );
    const base = platformEnv(stack, secrets, `http://127.0.0.1:${await freePort()}`);
    const output: string[] = [];

    // Lambda: every function that serves routes, and the authorizer.
    const hosts = new Map<string, number>();
    const lambdaAssets: string[] = [];
    await time('lambdas', () =>
      Promise.all(
        templates
          .functions()
          .filter((fn) => fn.name === 'authorizer' || routes.some((r) => r.target === 'lambda' && r.route.group === fn.name))
          .map(async (fn) => {
            if (!fn.assetPath) throw new Error(`function ${fn.name} has no staged asset`);
            const [file, handler] = fn.handler.split('.');
            const env = { ...base, ...resolveEnv(fn.stack, fn.env), AWS_LAMBDA_FUNCTION_NAME: `chariot-${fn.name}` };
            lambdaAssets.push(join(outdir, fn.assetPath));
            let port = 0;
            await startNode(
              [join(__dirname, 'lambda-host.cjs'), join(outdir, fn.assetPath, `${file}.js`), handler],
              env,
              (line) => {
                port = (JSON.parse(line.startsWith('{"port"') ? line : '{}') as { port?: number }).port ?? 0;
                return port > 0;
              },
              output,
              children,
            );
            hosts.set(fn.name, port);
          }),
      ),
    );

    // Fargate: every service with a task definition, its bundle built as the image builds it.
    const servicePorts = new Map<ServiceName, number>();
    const containers = templates.containers();
    const bundles = await time('service bundles', () =>
      containers.map((container) => {
        const dir = join(outdir, `service-${container.name}`);
        mkdirSync(dir, { recursive: true });
        return buildServiceBundle(container.name as ServiceName, dir);
      }),
    );
    await time('services', () =>
      Promise.all(
        containers.map(async (container, index) => {
          const injected = Object.fromEntries(
            Object.entries(container.secrets).map(([name, valueFrom]) => {
              const ref = templates.resolve(container.stack, valueFrom, physical);
              const field = secretFieldOf(ref);
              const value = secrets.get(field ? ref.slice(0, -`:${field}::`.length) : ref)!;
              return [name, field ? String((JSON.parse(value) as Record<string, unknown>)[field]) : value];
            }),
          );
          const port = await freePort();
          const env = { ...base, ...resolveEnv(container.stack, container.env), ...injected, PORT: String(port) };
          await startNode(['--enable-source-maps', bundles[index]], env, (line) => line.includes('service listening'), output, children);
          servicePorts.set(container.name as ServiceName, port);
        }),
      ),
    );

    const backends = Object.fromEntries(routes.map((r) => [r.route.group, r.target === 'lambda' ? 'lambda' : r.service!]));
    const invoke = async (name: string, event: unknown, requestId: string): Promise<unknown> => {
      const response = await fetch(`http://127.0.0.1:${hosts.get(name)}/`, {
        method: 'POST',
        body: JSON.stringify({ event, context: { ...lambdaContext(`chariot-${name}`, requestId), getRemainingTimeInMillis: undefined } }),
      });
      const body = (await response.json()) as { result?: unknown; errorMessage?: string };
      if (!response.ok) throw new Error(`${name} failed: ${body.errorMessage}\n${output.slice(-20).join('\n')}`);
      return body.result;
    };

    const runtime: Runtime = {
      name: 'lambda',
      async send(request) {
        const deployed = findRoute(routes, request.method, request.path)?.resolved;
        if (!deployed) throw new Error(`no deployed route for ${request.method} ${request.path}`);
        if (deployed.target === 'lambda') {
          const { event } = httpApiEvent({ ...request });
          const result = responseFromResult(await invoke(deployed.route.group, event, request.requestId));
          return { status: result.status, contentType: result.headers['content-type']?.toString(), headers: {}, body: parse(result.body.toString('utf8')) };
        }
        const query = request.rawQueryString ? `?${request.rawQueryString}` : '';
        const response = await fetch(`http://127.0.0.1:${servicePorts.get(deployed.service!)}${request.path}${query}`, {
          method: request.method,
          headers: { ...request.headers, 'x-request-id': request.requestId },
          body: request.body,
        });
        return { status: response.status, contentType: response.headers.get('content-type') ?? undefined, body: parse(await response.text()) };
      },
      async close() {},
    };

    return {
      runtime,
      backends,
      timings,
      lambdaAssets,
      async authorize(headers) {
        const event = { version: '2.0', type: 'REQUEST', routeArn: 'arn:aws:execute-api:us-east-1:000000000000:local/$default/GET/asset', identitySource: [], routeKey: 'GET /asset', rawPath: '/asset', rawQueryString: '', headers, requestContext: {} };
        return (await invoke('authorizer', event, randomBytes(8).toString('hex'))) as { isAuthorized: boolean; context?: Record<string, string> };
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

const parse = (text: string): unknown => {
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
};

/** A value of the shape the stack generates for the secret of `need` (lib/offset-key.ts, api-token-secret.ts, neo4j-secret.ts). */
function secretValue(need: SecretNeed, graph: GraphServer): string {
  const key = () => randomBytes(48).toString('base64url');
  if (need === 'offsetKey') return JSON.stringify({ current: key() });
  if (need === 'apiTokenKey') return key();
  return JSON.stringify({ uri: graph.env.NEO4J_URI, username: graph.env.NEO4J_USER, password: graph.env.NEO4J_PASSWORD });
}

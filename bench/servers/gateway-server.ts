/**
 * Rows 3 and 4: the local API gateway (`local/gateway/`) in its own process, wired to the bench's
 * emulators and its running inventory service. `BENCH_ASSET_TARGET` decides where `GET /asset` goes:
 * `lambda` (the group's handler, in this process, as a warm container) or `fargate` (proxied to the
 * service on `BENCH_INVENTORY_PORT`). Every other route keeps its cdk.json target.
 *
 * Run: node --import tsx local/service-main.ts bench/servers/gateway-server.ts (PORT, the runtime env, and the two above).
 */
import { loadDeploymentConfig, readCdkJsonContext } from '../../tooling/deploy-config/load';
import { REPO_ROOT } from '../../tooling/paths';
import { DEFAULT_CORS } from '../../local/gateway/cors';
import { startGateway } from '../../local/gateway/gateway';
import { createJwtAuthorizer } from '../../tooling/http-api-emulator/jwt-authorizer';
import { LambdaInvoker } from '../../local/gateway/lambda-invoker';

async function main() {
  const env = process.env;
  const target = env.BENCH_ASSET_TARGET;
  if (target !== 'lambda' && target !== 'fargate') throw new Error('BENCH_ASSET_TARGET must be lambda or fargate');
  const inventoryPort = Number(env.BENCH_INVENTORY_PORT);
  const config = loadDeploymentConfig({ context: { ...readCdkJsonContext(), 'migrate:GET /asset': target } });
  const lambdas = new LambdaInvoker(REPO_ROOT, (line) => console.error(line));
  // A warm container, as after the first invocation in AWS: row 7 measures the cold one.
  await lambdas.preload(config.routes.filter((r) => r.target === 'lambda' && r.id === 'GET /asset').map((r) => r.lambdaEntry));
  await startGateway({
    port: Number(env.PORT),
    routes: config.routes,
    authorizer: createJwtAuthorizer({ issuer: env.COGNITO_ISSUER!, clientId: env.COGNITO_CLIENT_ID!, jwksUri: env.COGNITO_JWKS_URI }),
    lambdas,
    servicePort: (service) => (service === 'inventory' && inventoryPort ? inventoryPort : undefined),
    cors: DEFAULT_CORS,
  });
}

main().catch((error: Error) => {
  console.error(`Error: ${error.message}`);
  process.exit(1);
});

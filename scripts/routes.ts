/**
 * `npm run routes -- -c env=prod [-c "migrate:GET /asset=fargate"]`: what a deploy of that environment
 * would do with each route, resolved exactly as `cdk synth` resolves it (cdk.json + the same -c flags).
 */
import { MigrationFlagError } from '../shared/routing/flags';
import { ConfigError, contextFromArgs, loadDeploymentConfig } from '../tooling/deploy-config/load';
import { describeDeployment, formatRouteTable } from '../tooling/route-report';

try {
  const config = loadDeploymentConfig({ context: contextFromArgs(process.argv.slice(2)) });
  console.log(`${describeDeployment(config)}\n`);
  console.log(formatRouteTable(config.routes));
} catch (error) {
  if (error instanceof ConfigError || error instanceof MigrationFlagError) {
    console.error(`error: ${error.message}`);
    process.exit(1);
  }
  throw error;
}

/**
 * `npm run routes -- -c env=prod [-c "migrate:GET /asset=canary:10"]`: what a deploy of that environment
 * would do with each route, resolved exactly as `cdk synth` resolves it (cdk.json + the same -c flags).
 * `npm run routes -- --live [--url URL] [--data-dir DIR]`: the running local gateway's per-route
 * requests, errors, p99 per runtime and shadow results.
 * `npm run routes -- -c env=prod --live [--hours N]`: the same figures in AWS, from CloudWatch (last N hours, default
 * 24), with each shadowed route's shadow → canary gate (migrationPolicy.minShadowMatches).
 */
import { parseArgs } from 'node:util';
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { dataPaths, readState } from '../local/state';
import { MigrationFlagError } from '../shared/routing/flags';
import { ConfigError, contextFromArgs, loadDeploymentConfig } from '../tooling/deploy-config/load';
import { readLiveRoutes } from '../tooling/live-metrics/cloudwatch';
import { describeDeployment, formatLiveTable, formatRouteTable, type LiveRouteRow } from '../tooling/route-report';

async function live(url: string | undefined): Promise<void> {
  if (!url) throw new ConfigError('No running local stack found (npm start writes its URL to .local/stack.json): start it, or pass --url');
  const response = await fetch(`${url}/__local/routes`).catch((error: Error) => {
    throw new ConfigError(`The local gateway at ${url} does not answer (${error.message}): is npm start running?`);
  });
  if (!response.ok) throw new ConfigError(`The local gateway at ${url} answered ${response.status} to /__local/routes`);
  const { routes } = (await response.json()) as { routes: LiveRouteRow[] };
  console.log(`Live routes of the local gateway ${url}\n`);
  console.log(formatLiveTable(routes));
}

async function liveInAws(argv: string[], hoursText: string | undefined): Promise<void> {
  const hours = Number(hoursText ?? 24);
  if (!Number.isInteger(hours) || hours < 1 || hours > 24 * 63) throw new ConfigError(`--hours must be a whole number of hours from 1 to 1512, got ${hoursText}`);
  const config = loadDeploymentConfig({ context: contextFromArgs(argv) });
  const cloudwatch = new CloudWatchClient({ region: config.environment.region });
  const rows = await readLiveRoutes(cloudwatch, { envName: config.envName, routes: config.routes, hours }).catch((error: Error) => {
    throw new ConfigError(`CloudWatch GetMetricData in ${config.environment.region} failed (${error.name}: ${error.message}): are credentials for account ${config.environment.account} set?`);
  });
  console.log(`Live routes of Chariot-${config.envName} (CloudWatch, last ${hours} h; states as cdk.json deploys them)\n`);
  console.log(formatLiveTable(rows, config.environment.migrationPolicy.minShadowMatches));
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const { values } = parseArgs({
    args: argv,
    options: {
      context: { type: 'string', short: 'c', multiple: true },
      live: { type: 'boolean' },
      url: { type: 'string' },
      'data-dir': { type: 'string' },
      hours: { type: 'string' },
    },
  });
  // An environment named on the command line (not cdk.json's default) selects AWS; none, or `local`, the local stack.
  const namedEnv = contextFromArgs(argv, {}).env;
  if (values.live && namedEnv !== undefined && namedEnv !== 'local' && !values.url) return liveInAws(argv, values.hours);
  if (values.live) return live(values.url ?? readState(dataPaths(values['data-dir'])).running?.gatewayUrl);
  const config = loadDeploymentConfig({ context: contextFromArgs(argv) });
  console.log(`${describeDeployment(config)}\n`);
  console.log(formatRouteTable(config.routes));
}

main().catch((error: Error) => {
  if (error instanceof ConfigError || error instanceof MigrationFlagError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
    console.error(`error: ${error.message}`);
    process.exit(1);
  }
  throw error;
});

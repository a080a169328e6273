/**
 * `npm run routes -- -c env=prod [-c "migrate:GET /asset=canary:10"]`: what a deploy of that environment
 * would do with each route, resolved exactly as `cdk synth` resolves it (cdk.json + the same -c flags).
 * `npm run routes -- --live [--url URL] [--data-dir DIR]`: the running local gateway's per-route
 * requests, errors, p99 per runtime and shadow results.
 */
import { parseArgs } from 'node:util';
import { dataPaths, readState } from '../local/state';
import { MigrationFlagError } from '../shared/routing/flags';
import { ConfigError, contextFromArgs, loadDeploymentConfig } from '../tooling/deploy-config/load';
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

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const { values } = parseArgs({
    args: argv,
    options: { context: { type: 'string', short: 'c', multiple: true }, live: { type: 'boolean' }, url: { type: 'string' }, 'data-dir': { type: 'string' } },
  });
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

/**
 * `npm run routes -- -c env=prod [-c "migrate:GET /asset=fargate"]`: what a deploy of that environment
 * would do with each route, resolved exactly as `cdk synth` resolves it (cdk.json + the same -c flags).
 */
import { ConfigError, contextFromArgs, loadDeploymentConfig } from '../lib/config/load';
import type { ResolvedRoute } from '../shared/routing/flags';
import { MigrationFlagError } from '../shared/routing/flags';
import { SERVICES } from '../shared/routing/routes';

export function formatRouteTable(routes: readonly ResolvedRoute[]): string {
  const rows = [
    ['METHOD', 'PATH', 'AUTH', 'TARGET', 'SERVED BY', 'DECIDED BY'],
    ...routes.map((r) => [
      r.route.method,
      r.route.path,
      r.route.auth,
      r.target,
      r.target === 'lambda' ? `function ${r.route.group} (${r.lambdaEntry})` : `service ${r.service} (${SERVICES[r.service!].directory})`,
      r.decidedBy,
    ]),
  ];
  const widths = rows[0].map((_, col) => Math.max(...rows.map((row) => row[col].length)));
  return rows.map((row) => row.map((cell, col) => cell.padEnd(widths[col])).join('  ').trimEnd()).join('\n');
}

function main(argv: readonly string[]): void {
  const { envName, environment, routes } = loadDeploymentConfig({ context: contextFromArgs(argv) });
  const onFargate = routes.filter((r) => r.target === 'fargate').length;
  console.log(
    `Chariot-${envName}  account ${environment.account}  region ${environment.region}  ` +
      `table ${environment.table.mode}  user pool ${environment.userPool.mode}  ` +
      `${routes.length - onFargate} routes on lambda, ${onFargate} on fargate\n`,
  );
  console.log(formatRouteTable(routes));
}

if (require.main === module) {
  try {
    main(process.argv.slice(2));
  } catch (error) {
    if (error instanceof ConfigError || error instanceof MigrationFlagError) {
      console.error(`error: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
}

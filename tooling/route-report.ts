/**
 * The route report printed by `npm run routes` and by `npm start`: what a deploy of an environment
 * does with each route, as resolved by the deployment config loader.
 */
import type { ResolvedRoute } from '../shared/routing/flags';
import { SERVICES } from '../shared/routing/routes';
import type { DeploymentConfig } from './deploy-config/load';

/** One line: the stack, where it deploys, and how many routes sit on each side. */
export function describeDeployment({ envName, environment, routes }: DeploymentConfig): string {
  const onFargate = routes.filter((r) => r.target === 'fargate').length;
  return (
    `Chariot-${envName}  account ${environment.account}  region ${environment.region}  ` +
    `table ${environment.table.mode}  user pool ${environment.userPool.mode}  ` +
    `${routes.length - onFargate} routes on lambda, ${onFargate} on fargate`
  );
}

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

/**
 * The route report printed by `npm run routes` and by `npm start`: what a deploy of an environment
 * does with each route, as resolved by the deployment config loader.
 */
import { formatRouteState, parseRouteState, type ResolvedRoute } from '../shared/routing/flags';
import { SERVICES } from '../shared/routing/routes';
import { shadowGate } from '../shared/migration/promotion';
import type { DeploymentConfig } from './deploy-config/load';

/** One line: the stack, where it deploys, and how many routes sit on each side. */
export function describeDeployment({ envName, environment, routes }: DeploymentConfig): string {
  const onFargate = routes.filter((r) => r.target === 'fargate').length;
  const canary = routes.filter((r) => r.state.kind === 'canary').length;
  const shadow = routes.filter((r) => r.state.kind === 'shadow').length;
  return (
    `Chariot-${envName}  account ${environment.account}  region ${environment.region}  ` +
    `table ${environment.table.mode}  user pool ${environment.userPool.mode}  ` +
    `${routes.length - onFargate - canary} routes on lambda, ${canary} in canary (weighted ALB rule), ${onFargate} on fargate` +
    (shadow ? `\nnote: ${shadow} route(s) in shadow are served by their Lambda; a sample of their GETs is compared with the service (npm run routes -- -c env=${envName} --live shows the counts)` : '')
  );
}

/** Left-aligned columns two spaces apart; the first row is the header. */
function formatColumns(rows: readonly (readonly string[])[]): string {
  const widths = rows[0].map((_, col) => Math.max(...rows.map((row) => row[col].length)));
  return rows.map((row) => row.map((cell, col) => cell.padEnd(widths[col])).join('  ').trimEnd()).join('\n');
}

function servedBy(r: ResolvedRoute): string {
  const fn = `function ${r.route.group} (${r.lambdaEntry})`;
  const service = `service ${r.service} (${SERVICES[r.service!]?.directory})`;
  if (r.state.kind === 'lambda') return fn;
  if (r.state.kind === 'fargate') return service;
  if (r.state.kind === 'canary') return `function ${r.route.group} ${100 - r.state.percent}% + service ${r.service} ${r.state.percent}%`;
  return `function ${r.route.group}, shadowed to service ${r.service}`;
}

/** TARGET is the route state as a flag would write it (`canary:10`). */
export function formatRouteTable(routes: readonly ResolvedRoute[]): string {
  const rows = [
    ['METHOD', 'PATH', 'AUTH', 'TARGET', 'SERVED BY', 'DECIDED BY'],
    ...routes.map((r) => [
      r.route.method,
      r.route.path,
      r.route.auth,
      formatRouteState(r.state),
      servedBy(r),
      r.decidedBy,
    ]),
  ];
  return formatColumns(rows);
}

/** One route of the running local gateway (GET /__local/routes), as `npm run routes -- --live` reads it. */
export interface LiveRouteRow {
  readonly route: string;
  readonly state: string;
  readonly configured: string;
  readonly runtimes: Readonly<Record<'lambda' | 'fargate', { requests: number; http4xx: number; http5xx: number; p99Ms: number | null }>>;
  readonly shadow: { readonly matches: number; readonly mismatches: number; readonly errors: number };
}

/**
 * Requests, errors (4xx/5xx) and p99 per runtime, and shadow results, for every route that saw traffic or is migrating.
 * With `minShadowMatches`, a last column gives each shadowed route's shadow → canary gate (shared/migration/promotion.ts).
 */
export function formatLiveTable(rows: readonly LiveRouteRow[], minShadowMatches?: number): string {
  const side = (r: LiveRouteRow['runtimes']['lambda']) =>
    r.requests ? `${r.requests} / ${r.http4xx}/${r.http5xx} / ${r.p99Ms ?? '-'} ms` : '-';
  const shown = rows.filter((r) => r.runtimes.lambda.requests + r.runtimes.fargate.requests > 0 || r.state !== 'lambda');
  const gate = (r: LiveRouteRow) => (parseRouteState(r.state)?.kind === 'shadow' ? shadowGate(r.shadow, minShadowMatches!).summary : '-');
  const table = [
    ['ROUTE', 'STATE', 'LAMBDA req / 4xx/5xx / p99', 'FARGATE req / 4xx/5xx / p99', 'SHADOW match/mismatch/error', ...(minShadowMatches === undefined ? [] : ['CANARY GATE'])],
    ...shown.map((r) => [
      r.route,
      r.state === r.configured ? r.state : `${r.state} (started ${r.configured})`,
      side(r.runtimes.lambda),
      side(r.runtimes.fargate),
      r.shadow.matches + r.shadow.mismatches + r.shadow.errors ? `${r.shadow.matches}/${r.shadow.mismatches}/${r.shadow.errors}` : '-',
      ...(minShadowMatches === undefined ? [] : [gate(r)]),
    ]),
  ];
  return formatColumns(table);
}

/**
 * `npm run shift -- [-c env=NAME] [--local] [--url URL] [--data-dir DIR] [--listener-arn ARN] [--force] "<route>" <percent|rollback>`
 *
 * Moves a canary route's weight in place and prints before and after:
 * - against AWS (default): the ALB listener rule through the Elastic Load Balancing API (elb-weights.ts);
 * - against the running local gateway (`--local`, `-c env=local` or `--url`): POST /__local/shift.
 * Warns when the result differs from what cdk.json (+ -c) deploys, and says how to make it permanent.
 */
import { parseArgs } from 'node:util';
import { formatRouteState, parseRouteState, type RouteState } from '../../shared/routing/flags';
import { ConfigError, contextFromArgs, loadDeploymentConfig, type DeploymentConfig } from '../deploy-config/load';
import { ShiftError, findListener, shiftWeights, type ElbClient } from './elb-weights';

export const SHIFT_USAGE =
  'usage: npm run shift -- [-c env=NAME] [--local] [--url URL] [--data-dir DIR] [--listener-arn ARN] [--force] "<METHOD /path>" <percent 0-100|rollback>';

export interface ShiftIo {
  readonly print: (line: string) => void;
  /** The ELB client for an environment's region (the CLI builds the real one). */
  readonly elb: (region: string) => ElbClient;
  /** The running local gateway's URL (from the data dir's state file), if any. */
  readonly localGatewayUrl: (dataDir: string | undefined) => string | undefined;
  readonly cdkJsonContext?: Readonly<Record<string, unknown>>;
}

/** The hint printed when live and cdk.json differ. */
export function permanenceHint(envName: string, routeId: string, configured: RouteState, live: RouteState): string | undefined {
  if (formatRouteState(configured) === formatRouteState(live)) return undefined;
  return (
    `warning: cdk.json deploys "${routeId}" as ${formatRouteState(configured)} in ${envName}, live is now ${formatRouteState(live)}; ` +
    `the next deploy resets it. To make it permanent set environments.${envName}.migrations["${routeId}"] = "${formatRouteState(live)}" in cdk.json and deploy ` +
    `(or deploy with -c "migrate:${routeId}=${formatRouteState(live)}")`
  );
}

function parseWeight(text: string | undefined): number | 'rollback' {
  if (text === 'rollback') return 'rollback';
  if (text !== undefined && /^(100|[1-9]?\d)$/.test(text)) return Number(text);
  throw new ConfigError(`Weight must be a whole percentage 0-100 or "rollback", got ${JSON.stringify(text ?? '')}\n${SHIFT_USAGE}`);
}

async function shiftLocal(url: string, routeId: string, weight: number | 'rollback', force: boolean, io: ShiftIo, config: DeploymentConfig): Promise<number> {
  const response = await fetch(`${url}/__local/shift`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ route: routeId, weight, force }),
  }).catch((error: Error) => {
    throw new ShiftError(`The local gateway at ${url} does not answer (${error.message}): is npm start running?`);
  });
  const body = (await response.json()) as { before?: string; after?: string; error?: string };
  if (!response.ok) throw new ShiftError(body.error ?? `local gateway answered ${response.status}`);
  io.print(`${routeId} (local gateway ${url})\n  before  ${body.before}\n  after   ${body.after}`);
  const configured = config.routes.find((r) => r.id === routeId)!.state;
  const hint = permanenceHint(config.envName, routeId, configured, parseRouteState(body.after!)!);
  if (hint) io.print(hint);
  return 0;
}

async function shiftAws(config: DeploymentConfig, routeId: string, weight: number | 'rollback', listenerArn: string | undefined, io: ShiftIo): Promise<number> {
  const resolved = config.routes.find((r) => r.id === routeId)!;
  if (resolved.state.kind !== 'canary') {
    throw new ShiftError(
      `"${routeId}" deploys as ${formatRouteState(resolved.state)} in ${config.envName}; only canary routes have a weighted rule: deploy it with -c "migrate:${routeId}=canary:0" first`,
    );
  }
  const client = io.elb(config.environment.region);
  const listener = listenerArn ?? (await findListener(client, config.envName));
  const percent = weight === 'rollback' ? 0 : weight;
  const { before, after } = await shiftWeights(client, listener, resolved.route, percent);
  io.print(
    `${routeId} (${config.envName}, rule ${after.ruleArn})\n` +
      `  before  lambda ${100 - before.fargatePercent}%  fargate ${before.fargatePercent}%\n` +
      `  after   lambda ${100 - after.fargatePercent}%  fargate ${after.fargatePercent}%`,
  );
  const hint = permanenceHint(config.envName, routeId, resolved.state, { kind: 'canary', percent: after.fargatePercent });
  if (hint) io.print(hint);
  return 0;
}

/** The whole command; returns the exit code. Errors that are the user's to fix print one line. */
export async function runShift(argv: readonly string[], io: ShiftIo): Promise<number> {
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      options: {
        context: { type: 'string', short: 'c', multiple: true },
        local: { type: 'boolean' },
        url: { type: 'string' },
        'data-dir': { type: 'string' },
        'listener-arn': { type: 'string' },
        force: { type: 'boolean' },
      },
      allowPositionals: true,
    });
    const [routeId, weightText, ...extra] = positionals;
    if (!routeId || extra.length) throw new ConfigError(SHIFT_USAGE);
    const weight = parseWeight(weightText);
    const context = contextFromArgs(argv, io.cdkJsonContext);
    // `env=local` is the running local stack, which follows dev's cdk.json entry.
    const local = values.local === true || values.url !== undefined || context.env === 'local';
    const config = loadDeploymentConfig({ context: context.env === 'local' ? { ...context, env: undefined } : context });
    if (!config.routes.some((r) => r.id === routeId)) throw new ConfigError(`Unknown route "${routeId}": use a route id such as "GET /asset" (npm run routes)`);
    if (local) {
      const url = values.url ?? io.localGatewayUrl(values['data-dir']);
      if (!url) throw new ShiftError('No running local stack found (npm start writes its URL to .local/stack.json): start it, or pass --url');
      return await shiftLocal(url, routeId, weight, values.force === true, io, config);
    }
    if (values.force) io.print('note: --force only skips the local shadow gate; in AWS check the ShadowMatch/ShadowMismatch metrics first');
    return await shiftAws(config, routeId, weight, values['listener-arn'], io);
  } catch (error) {
    if (error instanceof ConfigError || error instanceof ShiftError || (error as Error).name === 'MigrationFlagError' || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.print(`error: ${(error as Error).message}`);
      return 1;
    }
    throw error;
  }
}

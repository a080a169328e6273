/**
 * Where the AWS shadow copy plugs into the API stack (lib/stacks/api-stack.ts, prop `shadowCopy`): for the routes in
 * state `shadow`, the function that serves each (it starts the copy after answering) and the Fargate backend whose
 * internal ALB reaches the service (each shadow GET has a listener rule to its service, lib/api-routes.ts).
 * The comparer itself (lib/migration/shadow-comparer.ts) decides what it adds: its function, the invoke grant, env.
 */
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import type { ResolvedRoute, RouteLike } from '../../shared/routing/flags';
import type { RouteId } from '../../shared/routing/routes';
import type { FargateBackend } from '../fargate-backend';
import { ShadowComparer } from './shadow-comparer';

export interface ShadowCopyProps {
  readonly envName: string;
  /** Every route in state `shadow` (its sample percent is `resolved.state.samplePercent`) and its group's function. */
  readonly routes: readonly { readonly resolved: ResolvedRoute<RouteLike>; readonly function: lambda.Function }[];
  readonly backend: FargateBackend;
}

/** Adds the shadow copy's resources to `scope` (the API stack); called only when some route is in `shadow`. */
export type ShadowCopyWiring = (scope: Construct, props: ShadowCopyProps) => void;

/**
 * The wiring the app uses: one comparer per environment, in the VPC, calling the internal ALB's listener (each shadow
 * GET has a rule there to its service); each function serving shadow routes gets their sample percents and the
 * right to invoke it.
 */
export const wireShadowComparer: ShadowCopyWiring = (scope, { routes, backend }) => {
  const comparer = new ShadowComparer(scope, 'ShadowComparer', {
    vpc: backend.vpc,
    listener: backend.listenerFor(new Construct(scope, 'ShadowListener')),
    listenerUrl: `http://${backend.loadBalancerDnsName}`,
    services: [...new Set(routes.map(({ resolved }) => resolved.service!))],
  });
  const byFunction = new Map<lambda.Function, Partial<Record<RouteId, number>>>();
  for (const { resolved, function: fn } of routes) {
    if (resolved.state.kind !== 'shadow' || resolved.route.method !== 'GET') continue; // only GETs are copied
    byFunction.set(fn, { ...byFunction.get(fn), [resolved.id]: resolved.state.samplePercent });
  }
  for (const [fn, sampled] of byFunction) comparer.shadowRoutes(fn, sampled);
};

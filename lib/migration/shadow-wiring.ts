/**
 * Where the AWS shadow copy plugs into the API stack (lib/stacks/api-stack.ts, prop `shadowCopy`): for the routes in
 * state `shadow`, the function that serves each (it starts the copy after answering) and the Fargate backend whose
 * internal ALB reaches the service (each shadow GET has a listener rule to its service, lib/api-routes.ts).
 * The comparer itself (lib/migration/shadow-comparer.ts) decides what it adds: its function, the invoke grant, env.
 */
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type { Construct } from 'constructs';
import type { ResolvedRoute, RouteLike } from '../../shared/routing/flags';
import type { FargateBackend } from '../fargate-backend';

export interface ShadowCopyProps {
  readonly envName: string;
  /** Every route in state `shadow` (its sample percent is `resolved.state.samplePercent`) and its group's function. */
  readonly routes: readonly { readonly resolved: ResolvedRoute<RouteLike>; readonly function: lambda.Function }[];
  readonly backend: FargateBackend;
}

/** Adds the shadow copy's resources to `scope` (the API stack); called only when some route is in `shadow`. */
export type ShadowCopyWiring = (scope: Construct, props: ShadowCopyProps) => void;

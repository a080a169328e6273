/**
 * The shadow copy in AWS (docs/migration.md): the comparer function in the VPC, and how the services answer
 * it. The comparer cannot go through the backend ALB's route rules (a shadowed route's rule forwards to the
 * Lambda), so each service's target group gets a listener of its own on the internal ALB (SHADOW_PORTS),
 * reachable only from the comparer's security group: no rule priorities, nothing a caller can reach.
 *
 * Wiring (the stacks): `new ShadowComparer(scope, 'ShadowComparer', { vpc, loadBalancer, serviceTargetGroups })`,
 * then per group Lambda that has routes in `shadow`: `comparer.shadowRoutes(groupFunction, { 'GET /asset': 5 })`.
 */
import path from 'node:path';
import { Duration } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as nodejs from 'aws-cdk-lib/aws-lambda-nodejs';
import { Construct } from 'constructs';
import { SHADOW_VARIABLES } from '../../shared/config/binding';
import type { RouteId, ServiceName } from '../../shared/routing/routes';
import { REPO_ROOT } from '../../tooling/paths';
import { LAMBDA_BUNDLING } from '../lambda-bundling';

/** The shadow listener port of each service on the backend ALB (the API's listener is 80). */
export const SHADOW_PORTS: Readonly<Record<ServiceName, number>> = { inventory: 8081, identity: 8082, operations: 8083 };

export interface ShadowComparerProps {
  readonly vpc: ec2.IVpc;
  /** The backend's internal ALB (the one the VPC link reaches). */
  readonly loadBalancer: elbv2.IApplicationLoadBalancer;
  /** The target group of each service with routes in `shadow` (the one its API rules forward to). */
  readonly serviceTargetGroups: Partial<Readonly<Record<ServiceName, elbv2.IApplicationTargetGroup>>>;
  /** Default: the VPC's private subnets with egress, as the services. The comparer itself needs no internet. */
  readonly vpcSubnets?: ec2.SubnetSelection;
}

export class ShadowComparer extends Construct {
  readonly function: nodejs.NodejsFunction;

  constructor(scope: Construct, id: string, props: ShadowComparerProps) {
    super(scope, id);
    const securityGroup = new ec2.SecurityGroup(this, 'SecurityGroup', {
      vpc: props.vpc,
      description: 'Shadow comparer: calls the services through their shadow listeners',
      allowAllOutbound: false,
    });
    const targets: Record<string, string> = {};
    for (const [service, targetGroup] of Object.entries(props.serviceTargetGroups) as [ServiceName, elbv2.IApplicationTargetGroup][]) {
      const port = SHADOW_PORTS[service];
      props.loadBalancer.addListener(`Shadow-${service}`, {
        port,
        protocol: elbv2.ApplicationProtocol.HTTP,
        open: false, // only the comparer, below
        defaultAction: elbv2.ListenerAction.forward([targetGroup]),
      });
      props.loadBalancer.connections.allowFrom(securityGroup, ec2.Port.tcp(port), `shadow copies to ${service}`);
      securityGroup.connections.allowTo(props.loadBalancer, ec2.Port.tcp(port), `shadow copies to ${service}`);
      targets[service] = `http://${props.loadBalancer.loadBalancerDnsName}:${port}`;
    }
    this.function = new nodejs.NodejsFunction(this, 'Function', {
      entry: path.join(REPO_ROOT, 'lambdas/shadow-comparer/handler.ts'),
      handler: 'handler',
      projectRoot: REPO_ROOT,
      depsLockFilePath: path.join(REPO_ROOT, 'package-lock.json'),
      runtime: lambda.Runtime.NODEJS_22_X,
      architecture: lambda.Architecture.ARM_64,
      // Above the service timeout (shared/migration/shadow-comparer.ts): a slow service is logged, not killed.
      timeout: Duration.seconds(15),
      memorySize: 256,
      vpc: props.vpc,
      vpcSubnets: props.vpcSubnets ?? { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
      securityGroups: [securityGroup],
      bundling: { ...LAMBDA_BUNDLING, externalModules: [...LAMBDA_BUNDLING.externalModules] },
      environment: { [SHADOW_VARIABLES.targets]: JSON.stringify(targets), POWERTOOLS_SERVICE_NAME: 'shadow-comparer' },
    });
    // A lost copy is a missing comparison, not an incident: no retries of a failed or throttled one.
    this.function.configureAsyncInvoke({ retryAttempts: 0, maxEventAge: Duration.minutes(5) });
  }

  /** A group's Lambda with routes in `shadow`: which routes, at what sample percent, and the right to invoke the comparer. */
  shadowRoutes(groupFunction: lambda.Function, routes: Readonly<Partial<Record<RouteId, number>>>): void {
    groupFunction.addEnvironment(SHADOW_VARIABLES.comparerArn, this.function.functionArn);
    groupFunction.addEnvironment(SHADOW_VARIABLES.routes, JSON.stringify(routes));
    this.function.grantInvoke(groupFunction);
  }
}

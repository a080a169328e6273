/**
 * The shadow copy in AWS (docs/migration.md): the comparer function in the VPC, calling the services through
 * the internal ALB's listener, where each shadow GET has a rule forwarding to its service (its API Gateway route
 * stays on the Lambda, so no caller reaches that rule through the VPC link).
 *
 * Wiring (lib/migration/shadow-wiring.ts): `new ShadowComparer(scope, 'ShadowComparer', { vpc, listener, listenerUrl, services })`,
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
import { acknowledge, LAMBDA_BASIC_EXECUTION_FINDING, wildcardResourceFinding } from '../nag';

export interface ShadowComparerProps {
  readonly vpc: ec2.IVpc;
  /** The backend's internal ALB listener (the one the VPC link reaches), as this stack sees it (`FargateBackend.listenerFor`). */
  readonly listener: elbv2.IApplicationListener;
  /** `http://<internal ALB DNS name>` of that listener. */
  readonly listenerUrl: string;
  /** The services with routes in `shadow`: each shadow GET has a rule on the listener forwarding to its service (lib/api-routes.ts). */
  readonly services: readonly ServiceName[];
  /** Default: the VPC's private subnets with egress, as the services. The comparer itself needs no internet. */
  readonly vpcSubnets?: ec2.SubnetSelection;
}

export class ShadowComparer extends Construct {
  readonly function: nodejs.NodejsFunction;

  constructor(scope: Construct, id: string, props: ShadowComparerProps) {
    super(scope, id);
    const securityGroup = new ec2.SecurityGroup(this, 'SecurityGroup', {
      vpc: props.vpc,
      description: 'Shadow comparer: calls the services through the internal ALB',
      allowAllOutbound: false,
    });
    // allowTo from the comparer's side: both rules (its egress, the ALB's ingress) are created in this stack,
    // so the network stack never refers to the API stack.
    securityGroup.connections.allowTo(props.listener, ec2.Port.tcp(80), 'shadow copies to the services');
    const targets = Object.fromEntries(props.services.map((service) => [service, props.listenerUrl]));
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
    acknowledge(this.function, {
      [LAMBDA_BASIC_EXECUTION_FINDING]: 'AWSLambdaBasicExecutionRole only allows writing this function\'s CloudWatch logs.',
      'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole]':
        'The managed VPC-access policy: the ENI actions a function in a VPC needs, nothing else.',
      'AwsSolutions-L1': 'Pinned to nodejs22.x, the newest runtime the project toolchain (node 20/22) is tested on.',
    });
    // A lost copy is a missing comparison, not an incident: no retries of a failed or throttled one.
    this.function.configureAsyncInvoke({ retryAttempts: 0, maxEventAge: Duration.minutes(5) });
  }

  /** A group's Lambda with routes in `shadow`: which routes, at what sample percent, and the right to invoke the comparer. */
  shadowRoutes(groupFunction: lambda.Function, routes: Readonly<Partial<Record<RouteId, number>>>): void {
    groupFunction.addEnvironment(SHADOW_VARIABLES.comparerArn, this.function.functionArn);
    groupFunction.addEnvironment(SHADOW_VARIABLES.routes, JSON.stringify(routes));
    this.function.grantInvoke(groupFunction);
    acknowledge(groupFunction, {
      [wildcardResourceFinding(groupFunction, `${this.function.functionArn}:*`)]: 'grantInvoke also covers the comparer\'s versions and aliases.',
    });
  }
}

import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { ServiceName } from '../shared/routing/routes';
import type { FargateConfig } from '../tooling/deploy-config/schema';
import type { FargateBackend } from './fargate-backend';
import type { Binding } from '../shared/config/binding';
import { bindContainer, type RuntimeResources } from './runtime-binding';
import { ANCHOR_PATH, rulePriority } from './listener-rules';
import { acknowledge } from './nag';
import { CONTAINER_PORT } from './backend-environment';
import { serviceImage } from './service-image';

/** The services' health endpoints (containers/runtime/service-app.ts). */
export const LIVENESS_PATH = '/health/live';
export const READINESS_PATH = '/health/ready';

/**
 * The X-Ray daemon beside each service (docs/cdk.md "Tracing"): the service's segments go to it over UDP on the
 * task's own localhost (awsvpc), and it forwards them in batches. Pinned, like every image the stacks name.
 */
export const XRAY_DAEMON_IMAGE = 'public.ecr.aws/xray/aws-xray-daemon:3.3.4';
const XRAY_DAEMON_PORT = 2000;

export interface HonoServiceProps {
  readonly service: ServiceName;
  readonly backend: FargateBackend;
  readonly sizing: FargateConfig;
  /** The container's own env (`containerEnvironment`, lib/backend-environment.ts); the binding adds the rest. */
  readonly environment: Readonly<Record<string, string>>;
  /** What the service needs at start (shared/config/service-binding.ts): env, secrets and grants derive from it. */
  readonly binding: Binding;
  readonly resources: RuntimeResources;
}

/**
 * One Hono service on Fargate (image: containers/Dockerfile with `SERVICE=<service>`, arm64), behind its ALB target
 * group. The routes' listener rules live with the routes (API stack); this construct adds only an anchor rule that
 * no request matches, because ECS refuses a service whose target group has no load balancer yet.
 */
export class HonoService extends Construct {
  readonly targetGroup: elbv2.ApplicationTargetGroup;
  readonly service: ecs.FargateService;

  constructor(scope: Construct, id: string, props: HonoServiceProps) {
    super(scope, id);
    const { sizing } = props;
    const taskDefinition = new ecs.FargateTaskDefinition(this, 'Task', {
      cpu: sizing.cpu,
      memoryLimitMiB: sizing.memoryMiB,
      // Same architecture as the Lambdas (arm64, Graviton); the image is built for it (lib/service-image.ts).
      runtimePlatform: { cpuArchitecture: ecs.CpuArchitecture.ARM64, operatingSystemFamily: ecs.OperatingSystemFamily.LINUX },
    });
    const logGroup = new logs.LogGroup(this, 'Logs', { retention: logs.RetentionDays.ONE_MONTH, removalPolicy: RemovalPolicy.DESTROY });
    const container = taskDefinition.addContainer('app', {
      image: serviceImage(props.service),
      portMappings: [{ containerPort: CONTAINER_PORT }],
      environment: { ...props.environment },
      logging: ecs.LogDrivers.awsLogs({ streamPrefix: props.service, logGroup }),
      readonlyRootFilesystem: true,
      // Liveness only: restarting a task cannot fix a dependency, so ECS replaces a task only when its process stops answering.
      healthCheck: {
        command: ['CMD', 'node', '-e', `fetch('http://127.0.0.1:${CONTAINER_PORT}${LIVENESS_PATH}').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))`],
        interval: Duration.seconds(15),
        timeout: Duration.seconds(5),
        retries: 3,
        startPeriod: Duration.seconds(20),
      },
    });

    this.service = new ecs.FargateService(this, 'Service', {
      cluster: props.backend.cluster,
      taskDefinition,
      // No desiredCount: CloudFormation then leaves the running count alone on update (autoscaling owns it), and
      // starts a new service at 1 task until autoscaling raises it to minCapacity.
      minHealthyPercent: 100,
      circuitBreaker: { rollback: true },
      vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
      assignPublicIp: false,
    });
    const scaling = this.service.autoScaleTaskCount({ minCapacity: sizing.desiredCount, maxCapacity: sizing.maxCount });
    scaling.scaleOnCpuUtilization('Cpu', {
      targetUtilizationPercent: 60,
      scaleInCooldown: Duration.minutes(5),
      scaleOutCooldown: Duration.minutes(1),
    });

    this.targetGroup = new elbv2.ApplicationTargetGroup(this, 'Targets', {
      vpc: props.backend.cluster.vpc,
      port: CONTAINER_PORT,
      protocol: elbv2.ApplicationProtocol.HTTP,
      targetType: elbv2.TargetType.IP,
      targets: [this.service],
      deregistrationDelay: Duration.seconds(30),
      // Readiness: a target whose table does not answer gets no traffic (if every target fails, the ALB fails open).
      healthCheck: { path: READINESS_PATH, healthyHttpCodes: '200', interval: Duration.seconds(15) },
    });

    // The association ECS needs before it creates the service. Host `*.invalid` never resolves, and API Gateway
    // sends the integration's own host, so no request ever matches it.
    new elbv2.ApplicationListenerRule(this, 'Anchor', {
      listener: props.backend.listenerFor(this),
      priority: rulePriority(ANCHOR_PATH, props.service),
      conditions: [elbv2.ListenerCondition.hostHeaders([`${props.service}.anchor.invalid`])],
      action: elbv2.ListenerAction.forward([this.targetGroup]),
    });

    // Tracing (shared/observability/xray.ts): the app traces because the daemon's address is set; calls made outside a
    // request (readiness probes, start) have no segment and are simply not traced.
    taskDefinition.addContainer('xray-daemon', {
      image: ecs.ContainerImage.fromRegistry(XRAY_DAEMON_IMAGE),
      // Not essential: a daemon failure loses traces, never the service.
      essential: false,
      cpu: 32,
      memoryReservationMiB: 64,
      portMappings: [{ containerPort: XRAY_DAEMON_PORT, protocol: ecs.Protocol.UDP }],
      logging: ecs.LogDrivers.awsLogs({ streamPrefix: `${props.service}-xray`, logGroup }),
    });
    container.addEnvironment('AWS_XRAY_DAEMON_ADDRESS', `127.0.0.1:${XRAY_DAEMON_PORT}`);
    container.addEnvironment('AWS_XRAY_CONTEXT_MISSING', 'IGNORE_ERROR');
    taskDefinition.taskRole.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: ['xray:PutTraceSegments', 'xray:PutTelemetryRecords', 'xray:GetSamplingRules', 'xray:GetSamplingTargets', 'xray:GetSamplingStatisticSummaries'],
        resources: ['*'],
      }),
    );

    bindContainer(container, taskDefinition.taskRole, props.binding, props.resources);
    acknowledge(taskDefinition, {
      'AwsSolutions-ECS2':
        'The environment holds names only (table, bucket, issuer); secrets are injected by ECS from Secrets Manager (ecs.Secret).',
    });
    acknowledge(taskDefinition.taskRole, {
      'AwsSolutions-IAM5[Resource::*]': 'X-Ray PutTraceSegments/PutTelemetryRecords and the sampling calls support no resource-level permissions.',
    });
    acknowledge(taskDefinition.obtainExecutionRole(), {
      'AwsSolutions-IAM5[Resource::*]': 'ecr:GetAuthorizationToken supports no resource-level permissions.',
    });
  }
}

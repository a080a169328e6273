import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Platform } from 'aws-cdk-lib/aws-ecr-assets';
import { Construct } from 'constructs';
import { SERVICES, type ServiceName } from '../shared/routing/routes';
import type { FargateConfig } from '../tooling/deploy-config/schema';
import { REPO_ROOT } from '../tooling/paths';
import type { Binding } from '../shared/config/binding';
import { bindContainer, type RuntimeResources } from './runtime-binding';
import { acknowledge } from './nag';

export const CONTAINER_PORT = 8080;
/** The services' health endpoints (containers/runtime/service-app.ts). */
export const LIVENESS_PATH = '/health/live';
export const READINESS_PATH = '/health/ready';

/** Kept out of the Docker build context: big, irrelevant, or secret-prone. */
export const IMAGE_EXCLUDE = ['node_modules', 'cdk.out', '.git', '.local', 'dist', 'bench', 'test', '**/*.test.ts'];

export interface HonoServiceProps {
  readonly service: ServiceName;
  readonly cluster: ecs.ICluster;
  readonly sizing: FargateConfig;
  /** What the service needs at start (shared/config/service-binding.ts): env, secrets and grants derive from it. */
  readonly binding: Binding;
  readonly resources: RuntimeResources;
}

/** One Hono service on Fargate (image from `containers/<service>/Dockerfile`), behind its ALB target group. */
export class HonoService extends Construct {
  readonly targetGroup: elbv2.ApplicationTargetGroup;
  readonly service: ecs.FargateService;

  constructor(scope: Construct, id: string, props: HonoServiceProps) {
    super(scope, id);
    const { sizing } = props;
    const taskDefinition = new ecs.FargateTaskDefinition(this, 'Task', {
      cpu: sizing.cpu,
      memoryLimitMiB: sizing.memoryMiB,
      runtimePlatform: { cpuArchitecture: ecs.CpuArchitecture.X86_64, operatingSystemFamily: ecs.OperatingSystemFamily.LINUX },
    });
    const logGroup = new logs.LogGroup(this, 'Logs', { retention: logs.RetentionDays.ONE_MONTH, removalPolicy: RemovalPolicy.DESTROY });
    const container = taskDefinition.addContainer('app', {
      // Build context = repository root: the services bundle code from shared/.
      image: ecs.ContainerImage.fromAsset(REPO_ROOT, {
        file: `${SERVICES[props.service].directory}/Dockerfile`,
        exclude: IMAGE_EXCLUDE,
        // Explicit, so an arm64 laptop builds the image the x86_64 task runs.
        platform: Platform.LINUX_AMD64,
      }),
      portMappings: [{ containerPort: CONTAINER_PORT }],
      environment: {
        POWERTOOLS_SERVICE_NAME: props.service,
        PORT: String(CONTAINER_PORT),
        // The Powertools tracer has no Lambda segment to attach to on Fargate.
        POWERTOOLS_TRACE_ENABLED: 'false',
      },
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
      cluster: props.cluster,
      taskDefinition,
      desiredCount: sizing.desiredCount,
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
      vpc: props.cluster.vpc,
      port: CONTAINER_PORT,
      protocol: elbv2.ApplicationProtocol.HTTP,
      targetType: elbv2.TargetType.IP,
      targets: [this.service],
      deregistrationDelay: Duration.seconds(30),
      // Readiness: a target whose table does not answer gets no traffic (if every target fails, the ALB fails open).
      healthCheck: { path: READINESS_PATH, healthyHttpCodes: '200', interval: Duration.seconds(15) },
    });

    bindContainer(container, taskDefinition.taskRole, props.binding, props.resources);
    acknowledge(taskDefinition, {
      'AwsSolutions-ECS2': 'The environment holds names only (table, bucket, issuer); secrets are injected by ECS from Secrets Manager (ecs.Secret).',
    });
    acknowledge(taskDefinition.obtainExecutionRole(), {
      'AwsSolutions-IAM5[Resource::*]': 'ecr:GetAuthorizationToken supports no resource-level permissions.',
    });
  }
}

import { Stack, Validations, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import type { ServiceName } from '../../shared/routing/routes';
import type { FargateConfig } from '../../tooling/deploy-config/schema';
import { containerEnvironment, type RuntimeEnvironment } from '../backend-environment';
import type { FargateBackend } from '../fargate-backend';
import type { GroupAccess, SharedResources } from '../group-access';
import { HonoService } from '../hono-service';

export interface ServiceStackProps extends StackProps {
  readonly service: ServiceName;
  /** The combined access of the service's migrated groups; undefined when none is migrated. */
  readonly access?: Required<GroupAccess>;
  readonly backend: FargateBackend;
  readonly sizing: FargateConfig;
  readonly resources: SharedResources;
  readonly runtimeEnvironment: RuntimeEnvironment;
}

/**
 * One Hono service: task definition, ECS service, target group, autoscaling. Always in the app; empty while no route
 * of the service is migrated, and `cdk deploy` deletes an existing stack that became empty, after the API stack has
 * moved the last route off it (bin/build-app.ts orders the two).
 */
export class ServiceStack extends Stack {
  readonly service?: HonoService;

  constructor(scope: Construct, id: string, props: ServiceStackProps) {
    super(scope, id, props);
    if (!props.access) {
      Validations.of(this).acknowledge({
        id: 'CloudFormation-Validate::F0001',
        reason: 'Empty on purpose while no route of the service is migrated: cdk deploy skips it, or deletes the stack it replaces.',
      });
      return;
    }
    this.service = new HonoService(this, `${props.service}-service`, {
      service: props.service,
      backend: props.backend,
      sizing: props.sizing,
      environment: containerEnvironment(props.service, props.access, props.runtimeEnvironment),
      access: props.access,
      resources: props.resources,
    });
  }
}

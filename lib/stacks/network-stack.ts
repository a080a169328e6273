import { Stack, type StackProps } from 'aws-cdk-lib';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import type { NetworkConfig } from '../../tooling/deploy-config/schema';
import { FargateBackend } from '../fargate-backend';
import { Network } from '../network';
import { exportAlways } from './stable-exports';

export interface NetworkStackProps extends StackProps {
  readonly envName: string;
  readonly network: NetworkConfig;
  readonly accessLogs: s3.IBucket;
}

/**
 * What every Fargate service shares: the VPC (gateway endpoints, NAT), the ECS cluster, the internal ALB with its
 * listener, and the API Gateway VPC link. Kept even with no route migrated, so the first flip only adds a service
 * stack, listener rules and integrations. Refers to no service stack: services attach through `listenerFor`.
 */
export class NetworkStack extends Stack {
  readonly backend: FargateBackend;

  constructor(scope: Construct, id: string, props: NetworkStackProps) {
    super(scope, id, props);
    const network = new Network(this, 'Network', props.network);
    this.backend = new FargateBackend(this, 'Fargate', { vpc: network.vpc, accessLogs: props.accessLogs, envName: props.envName });
    // What the API stack and the service stacks may refer to, exported even while nothing does.
    const { cluster, listener, vpcLink, albSecurityGroup, loadBalancerDnsName } = this.backend;
    exportAlways(this, [
      network.vpc.vpcId,
      ...network.vpc.privateSubnets.map((subnet) => subnet.subnetId),
      cluster.clusterName,
      cluster.clusterArn,
      listener.listenerArn,
      vpcLink.vpcLinkId,
      albSecurityGroup.securityGroupId,
      loadBalancerDnsName,
    ]);
  }
}

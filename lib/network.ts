import { RemovalPolicy } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { NetworkConfig } from '../tooling/deploy-config/schema';

export const MAX_AZS = 2;

/**
 * The VPC for the internal ALB and the Fargate services: 2 AZs, flow logs, NAT for image pulls and AWS APIs
 * without an endpoint. One NAT gateway, or one per AZ where the environment asks (`network.natGatewayPerAz`):
 * then losing an AZ does not cut the other AZ's tasks off. DynamoDB and S3 traffic never crosses a NAT: both
 * have gateway endpoints (free, and no NAT data-processing charge on the hottest path).
 */
export class Network extends Construct {
  readonly vpc: ec2.Vpc;

  constructor(scope: Construct, id: string, config: NetworkConfig) {
    super(scope, id);
    this.vpc = new ec2.Vpc(this, 'Vpc', {
      maxAzs: MAX_AZS,
      natGateways: config.natGatewayPerAz ? MAX_AZS : 1,
      subnetConfiguration: [
        { name: 'public', subnetType: ec2.SubnetType.PUBLIC, cidrMask: 24 },
        { name: 'private', subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS, cidrMask: 20 },
      ],
      gatewayEndpoints: {
        DynamoDb: { service: ec2.GatewayVpcEndpointAwsService.DYNAMODB },
        S3: { service: ec2.GatewayVpcEndpointAwsService.S3 },
      },
    });
    const flowLogs = new logs.LogGroup(this, 'FlowLogs', {
      retention: logs.RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.vpc.addFlowLog('FlowLog', { destination: ec2.FlowLogDestination.toCloudWatchLogs(flowLogs) });
  }
}

import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { Tags } from 'aws-cdk-lib';
import { albPathPattern } from '../shared/routing/alb-path';
import { ENVIRONMENT_TAG } from '../shared/migration/weighted-rule';
import type { ListenerRuleSpec } from './listener-rules';

export interface FargateBackendProps {
  /** Tagged on the ALB (`chariot:environment`): `npm run shift` finds the environment's ALB by it. */
  readonly envName: string;
  readonly vpc: ec2.IVpc;
  readonly accessLogs: s3.IBucket;
}

/**
 * The path from API Gateway to the Hono services: ECS cluster, an internal ALB (HTTP 80) and a VPC
 * link with its own security group, the only thing the ALB lets in. Routes are added per path.
 */
export class FargateBackend extends Construct {
  readonly cluster: ecs.Cluster;
  readonly listener: elbv2.ApplicationListener;
  readonly vpcLink: apigwv2.VpcLink;
  readonly albSecurityGroup: ec2.SecurityGroup;
  readonly vpc: ec2.IVpc;
  /** The internal ALB's DNS name (the shadow comparer calls the listener through it). */
  readonly loadBalancerDnsName: string;

  constructor(scope: Construct, id: string, props: FargateBackendProps) {
    super(scope, id);
    this.cluster = new ecs.Cluster(this, 'Cluster', {
      vpc: props.vpc,
      containerInsightsV2: ecs.ContainerInsights.ENABLED,
    });

    const albSecurityGroup = (this.albSecurityGroup = new ec2.SecurityGroup(this, 'AlbSecurityGroup', {
      vpc: props.vpc,
      description: 'Internal ALB: ingress from the API Gateway VPC link only',
      allowAllOutbound: false,
    }));
    const alb = new elbv2.ApplicationLoadBalancer(this, 'Alb', {
      vpc: props.vpc,
      internetFacing: false,
      securityGroup: albSecurityGroup,
      vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
      dropInvalidHeaderFields: true,
    });
    alb.logAccessLogs(props.accessLogs, 'alb');
    Tags.of(alb).add(ENVIRONMENT_TAG, props.envName);
    this.vpc = props.vpc;
    this.loadBalancerDnsName = alb.loadBalancerDnsName;
    this.listener = alb.addListener('Http', {
      port: 80,
      protocol: elbv2.ApplicationProtocol.HTTP,
      // `open: true` would add 0.0.0.0/0; only the VPC link may reach this listener.
      open: false,
      defaultAction: elbv2.ListenerAction.fixedResponse(404, {
        contentType: 'application/json',
        messageBody: JSON.stringify({ error: 'not found' }),
      }),
    });

    const linkSecurityGroup = new ec2.SecurityGroup(this, 'VpcLinkSecurityGroup', {
      vpc: props.vpc,
      description: 'API Gateway VPC link to the internal ALB',
      allowAllOutbound: false,
    });
    this.vpcLink = new apigwv2.VpcLink(this, 'VpcLink', {
      vpc: props.vpc,
      subnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
      securityGroups: [linkSecurityGroup],
    });
    this.listener.connections.allowFrom(linkSecurityGroup, ec2.Port.tcp(80), 'API Gateway VPC link');
  }

  /**
   * The listener as another stack sees it: its ARN and the ALB's security group, imported into `scope`. Rules
   * and security-group rules a service stack adds through it are created in that stack, so the network stack
   * never refers to a service stack (no cycle), and removing a service leaves the network stack unchanged.
   */
  listenerFor(scope: Construct): elbv2.IApplicationListener {
    return elbv2.ApplicationListener.fromApplicationListenerAttributes(scope, 'Listener', {
      listenerArn: this.listener.listenerArn,
      // Not allowAllOutbound: the egress rule to each service's tasks is added (in that service's stack).
      securityGroup: ec2.SecurityGroup.fromSecurityGroupId(scope, 'AlbSecurityGroup', this.albSecurityGroup.securityGroupId, {
        allowAllOutbound: false,
      }),
    });
  }

  /** Forwards `methods` on `path` to `targetGroup` (see lib/listener-rules.ts for the limits and priorities). */
  static addPathRule(
    scope: Construct,
    id: string,
    props: { listener: elbv2.IApplicationListener; rule: ListenerRuleSpec; targetGroup: elbv2.IApplicationTargetGroup },
  ): elbv2.ApplicationListenerRule {
    return new elbv2.ApplicationListenerRule(scope, id, {
      listener: props.listener,
      priority: props.rule.priority,
      conditions: [
        elbv2.ListenerCondition.pathPatterns([albPathPattern(props.rule.path)]),
        elbv2.ListenerCondition.httpRequestMethods([...props.rule.methods]),
      ],
      action: elbv2.ListenerAction.forward([props.targetGroup]),
    });
  }
}

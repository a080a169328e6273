import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import type { HttpMethod } from '../shared/routing/routes';

export interface FargateBackendProps {
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

  constructor(scope: Construct, id: string, props: FargateBackendProps) {
    super(scope, id);
    this.cluster = new ecs.Cluster(this, 'Cluster', {
      vpc: props.vpc,
      containerInsightsV2: ecs.ContainerInsights.ENABLED,
    });

    const albSecurityGroup = new ec2.SecurityGroup(this, 'AlbSecurityGroup', {
      vpc: props.vpc,
      description: 'Internal ALB: ingress from the API Gateway VPC link only',
      allowAllOutbound: false,
    });
    const alb = new elbv2.ApplicationLoadBalancer(this, 'Alb', {
      vpc: props.vpc,
      internetFacing: false,
      securityGroup: albSecurityGroup,
      vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
      dropInvalidHeaderFields: true,
    });
    alb.logAccessLogs(props.accessLogs, 'alb');
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
   * Forwards `methods` on `path` to `targetGroup`. One rule per (path, service): the path pattern is
   * the route path with `{param}` → `*`, and a method condition keeps routes of the same path that
   * stay on Lambda from ever being served here.
   */
  addPathRule(id: string, props: { path: string; methods: readonly HttpMethod[]; priority: number; targetGroup: elbv2.IApplicationTargetGroup }) {
    return new elbv2.ApplicationListenerRule(this, id, {
      listener: this.listener,
      priority: props.priority,
      conditions: [
        elbv2.ListenerCondition.pathPatterns([albPathPattern(props.path)]),
        elbv2.ListenerCondition.httpRequestMethods([...props.methods]),
      ],
      action: elbv2.ListenerAction.forward([props.targetGroup]),
    });
  }
}

/** `/account/{member}` → `/account/*` (ALB path patterns have no named parameters). */
export const albPathPattern = (path: string) => path.replace(/\{[^}]+\}/g, '*');

/**
 * One CloudWatch dashboard per environment: a row per route being migrated, its Lambda and Fargate
 * sides side by side (requests, 5xx, p99 from the per-route EMF metrics) and its shadow mismatches.
 */
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { Construct } from 'constructs';
import { routeMetric } from './canary-rollback';

export interface MigrationDashboardProps {
  readonly envName: string;
  /** Route ids, e.g. every route not in state `lambda`. */
  readonly routes: readonly string[];
}

export class MigrationDashboard extends Construct {
  readonly dashboard: cloudwatch.Dashboard;

  constructor(scope: Construct, id: string, props: MigrationDashboardProps) {
    super(scope, id);
    this.dashboard = new cloudwatch.Dashboard(this, 'Dashboard', { dashboardName: `chariot-${props.envName}-migration` });
    if (props.routes.length === 0) {
      // Kept while nothing migrates (a dashboard appearing and vanishing with each flip helps nobody).
      this.dashboard.addWidgets(new cloudwatch.TextWidget({ markdown: `Every route of ${props.envName} is on Lambda (docs/migration.md).`, width: 24, height: 2 }));
    }
    for (const route of props.routes) {
      const sides = (metricName: string, statistic: string) =>
        (['lambda', 'fargate'] as const).map((runtime) => routeMetric(props.envName, route, runtime, metricName, statistic).with({ label: runtime }));
      this.dashboard.addWidgets(
        new cloudwatch.GraphWidget({ title: `${route} requests`, left: sides('Requests', 'Sum'), width: 6 }),
        new cloudwatch.GraphWidget({ title: `${route} 5xx`, left: sides('Http5xx', 'Sum'), width: 6 }),
        new cloudwatch.GraphWidget({ title: `${route} p99 (ms)`, left: sides('Latency', 'p99'), width: 6 }),
        new cloudwatch.GraphWidget({
          title: `${route} shadow`,
          left: [
            routeMetric(props.envName, route, 'shadow', 'ShadowMatch', 'Sum').with({ label: 'match' }),
            routeMetric(props.envName, route, 'shadow', 'ShadowMismatch', 'Sum').with({ label: 'mismatch' }),
          ],
          width: 6,
        }),
      );
    }
  }
}

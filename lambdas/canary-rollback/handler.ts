/**
 * Automatic canary rollback: a CloudWatch alarm on a canary route's Fargate side invokes this function
 * (alarm → Lambda action), which sets the route's weighted listener rule back to 100 % Lambda and logs
 * why. `CANARY_RULES` (set by lib/migration/canary-rollback.ts) maps each route's alarm name prefix
 * (`chariot-<env>-canary-<route>`; its alarms add `-5xx` / `-p99`) to its rule: one entry per route, as
 * Lambda env holds 4 KB.
 */
import { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import { setFargateWeight, type WeightedRule } from '../../shared/migration/weighted-rule';
import { rootLogger } from '../../shared/observability/logger';

export interface CanaryRule extends WeightedRule {
  readonly route: string;
}

/** The part of the alarm-action event this function reads. */
export interface AlarmEvent {
  readonly alarmData: { readonly alarmName: string; readonly state: { readonly value: string; readonly reason?: string } };
}

let client: ElasticLoadBalancingV2Client | undefined;

export const handler = (event: AlarmEvent) =>
  rollback((client ??= new ElasticLoadBalancingV2Client({})), JSON.parse(process.env.CANARY_RULES ?? '{}') as Record<string, CanaryRule>, event);

/** `chariot-prod-canary-get-asset-p99` → `chariot-prod-canary-get-asset`: the key of the route's rule. */
export const alarmRoutePrefix = (alarmName: string) => alarmName.replace(/-[^-]+$/, '');

/** Sets the alarm's canary rule to 100 % Lambda; alarms it does not know, and OK transitions, change nothing. */
export async function rollback(
  client: Pick<ElasticLoadBalancingV2Client, 'send'>,
  rules: Readonly<Record<string, CanaryRule>>,
  event: AlarmEvent,
): Promise<{ rolledBack: string | null }> {
  const { alarmName, state } = event.alarmData;
  const rule = rules[alarmRoutePrefix(alarmName)];
  if (!rule || state.value !== 'ALARM') {
    rootLogger().info('alarm ignored', { alarm: alarmName, state: state.value, known: Boolean(rule) });
    return { rolledBack: null };
  }
  await client.send(setFargateWeight(rule, 0));
  rootLogger().warn('canary rolled back to Lambda', { route: rule.route, alarm: alarmName, reason: state.reason });
  return { rolledBack: rule.route };
}

/** The rollback function against a stubbed ELB client (no ELB API here). */
import { ModifyRuleCommand } from '@aws-sdk/client-elastic-load-balancing-v2';
import { rollback, type CanaryRule } from './handler';

const rules: Record<string, CanaryRule> = {
  'chariot-prod-canary-get-asset': { route: 'GET /asset', ruleArn: 'arn:rule', lambdaTargetGroupArn: 'arn:fn-tg', serviceTargetGroupArn: 'arn:svc-tg' },
};

test('an ALARM sets the route back to 100 % Lambda; OK and unknown alarms change nothing', async () => {
  const sent: ModifyRuleCommand[] = [];
  const client = { send: (async (command: ModifyRuleCommand) => void sent.push(command)) as never };
  const event = (alarmName: string, value: string) => ({ alarmData: { alarmName, state: { value, reason: 'Threshold Crossed: 3 datapoints' } } });
  expect(await rollback(client, rules, event('chariot-prod-canary-get-asset-5xx', 'OK'))).toEqual({ rolledBack: null });
  expect(await rollback(client, rules, event('other', 'ALARM'))).toEqual({ rolledBack: null });
  expect(sent).toHaveLength(0);
  expect(await rollback(client, rules, event('chariot-prod-canary-get-asset-5xx', 'ALARM'))).toEqual({ rolledBack: 'GET /asset' });
  expect(sent[0].input).toEqual({
    RuleArn: 'arn:rule',
    Actions: [{ Type: 'forward', ForwardConfig: { TargetGroups: [{ TargetGroupArn: 'arn:fn-tg', Weight: 100 }, { TargetGroupArn: 'arn:svc-tg', Weight: 0 }] } }],
  });
});

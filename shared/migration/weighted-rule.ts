/**
 * A canary route's weighted listener rule, as `npm run shift` and the automatic rollback function both
 * change it: one ModifyRule that forwards `fargatePercent` to the service's target group, the rest to Lambda's.
 */
import { ModifyRuleCommand } from '@aws-sdk/client-elastic-load-balancing-v2';

/** The tag the backend ALB carries (lib/fargate-backend.ts), value = the environment's name: how `npm run shift` finds it. */
export const ENVIRONMENT_TAG = 'chariot:environment';

export interface WeightedRule {
  readonly ruleArn: string;
  readonly lambdaTargetGroupArn: string;
  readonly serviceTargetGroupArn: string;
}

export const setFargateWeight = (rule: WeightedRule, fargatePercent: number): ModifyRuleCommand =>
  new ModifyRuleCommand({
    RuleArn: rule.ruleArn,
    Actions: [
      {
        Type: 'forward',
        ForwardConfig: {
          TargetGroups: [
            { TargetGroupArn: rule.lambdaTargetGroupArn, Weight: 100 - fargatePercent },
            { TargetGroupArn: rule.serviceTargetGroupArn, Weight: fargatePercent },
          ],
        },
      },
    ],
  });

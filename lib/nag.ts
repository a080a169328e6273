/**
 * cdk-nag 3 helpers: exact finding ids, so an acknowledgement covers one known finding and a new
 * wildcard or managed policy still fails synth.
 */
import { Stack, Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
// cdk-nag renders resource ARNs in finding ids with this function; reuse it so the ids match exactly.
import { flattenCfnReference } from 'cdk-nag/lib/utils/flatten-cfn-reference';

/** Attribute token → its producer stack and the `Fn::ImportValue` token of its export (lib/stacks/stable-exports.ts). */
const crossStackValues = new Map<string, { producer: Stack; imported: string }>();

export function registerCrossStackValue(producer: Stack, value: string, imported: string): void {
  crossStackValues.set(value, { producer, imported });
}

/**
 * `AwsSolutions-IAM5[Resource::<arn as cdk-nag prints it>]` for a (possibly tokenized) ARN. An attribute of another
 * stack is written as the import cdk-nag will see in the synthesized template (CDK swaps it in only at synthesis).
 */
export function wildcardResourceFinding(scope: IConstruct, arn: string): string {
  const stack = Stack.of(scope);
  let local = arn;
  for (const [value, { producer, imported }] of crossStackValues) {
    if (producer !== stack && local.includes(value)) local = local.split(value).join(imported);
  }
  return `AwsSolutions-IAM5[Resource::${flattenCfnReference(stack.resolve(local))}]`;
}

export const LAMBDA_BASIC_EXECUTION_FINDING =
  'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]';

export function acknowledge(scope: IConstruct, findings: Readonly<Record<string, string>>): void {
  for (const [id, reason] of Object.entries(findings)) Validations.of(scope).acknowledge({ id, reason });
}

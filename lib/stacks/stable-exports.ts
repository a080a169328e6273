/**
 * Exports a producer stack keeps whether or not any stack imports them today. CDK's automatic cross-stack exports
 * come and go with their consumers, and CloudFormation refuses to delete an export that is still imported: a flip
 * that makes the API stack stop using the VPC link (the last route back on Lambda) would otherwise fail in the
 * network stack, which deploys first ("deadly embrace"). `exportValue` names each export exactly as the automatic
 * reference does, so consumers keep using the constructs themselves.
 */
import { Reference, Stack, Tokenization } from 'aws-cdk-lib';
import { registerCrossStackValue } from '../nag';

/** Exports each value of `values` that is a single resource attribute of `producer` (others need no export). */
export function exportAlways(producer: Stack, values: readonly string[]): void {
  for (const value of values) {
    const reference = Tokenization.reverseString(value).firstToken;
    if (!Reference.isReference(reference) || Tokenization.reverseString(value).length !== 1) continue;
    if (Stack.of(reference.target) !== producer) continue;
    registerCrossStackValue(producer, value, producer.exportValue(value));
  }
}

import { Duration } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { ChariotFunction } from './chariot-function';
import { acknowledge } from './nag';

export const OFFSET_KEY_ROTATION_ENTRY = 'lambdas/offset-key-rotation/handler.ts';
/** A token handed out just before a rotation verifies for at least this long (until the rotation after next). */
export const OFFSET_KEY_ROTATION_DAYS = 30;

/**
 * The HMAC key ring of pagination offsets, generated per environment: JSON {"current", "previous", "next"}
 * (shared/db/offset.ts). Rotated on a schedule by lambdas/offset-key-rotation/, which promotes the staged
 * key and keeps the old one as previous (key-ring.ts), so tokens already handed out keep verifying.
 */
export class OffsetKey extends Construct {
  readonly secret: secretsmanager.Secret;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.secret = new secretsmanager.Secret(this, 'Secret', {
      description: 'HMAC key ring of Chariot pagination offsets: {"current", "previous", "next"}',
      generateSecretString: { secretStringTemplate: '{}', generateStringKey: 'current', passwordLength: 64, excludePunctuation: true },
    });
    const rotation = new ChariotFunction(this, 'Rotation', {
      entry: OFFSET_KEY_ROTATION_ENTRY,
      environment: { POWERTOOLS_SERVICE_NAME: 'offset-key-rotation' },
      timeout: Duration.seconds(30),
      memorySize: 256,
    }).function;
    this.secret.grantRead(rotation);
    this.secret.grantWrite(rotation);
    rotation.addToRolePolicy(
      new iam.PolicyStatement({ actions: ['secretsmanager:DescribeSecret', 'secretsmanager:UpdateSecretVersionStage'], resources: [this.secret.secretArn] }),
    );
    this.secret.addRotationSchedule('Rotation', { rotationLambda: rotation, automaticallyAfter: Duration.days(OFFSET_KEY_ROTATION_DAYS) });
    acknowledge(rotation.role!, {
      'AwsSolutions-IAM5[Resource::*]': 'X-Ray PutTraceSegments/PutTelemetryRecords support no resource-level permissions.',
    });
  }
}

import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { acknowledge } from './nag';

/**
 * The key that signs `GET /token`'s API tokens (HS256), generated per environment. Every backend and
 * the request authorizer read it; replacing the value invalidates every issued token at once.
 */
export class ApiTokenSecret extends Construct {
  readonly secret: secretsmanager.Secret;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.secret = new secretsmanager.Secret(this, 'Secret', {
      description: 'HMAC key of the Chariot API tokens that GET /token issues for API keys',
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
    });
    acknowledge(this.secret, {
      'AwsSolutions-SMG4':
        'Rotating means invalidating every issued API token (each lives about an hour; clients fetch a new one with their key): done by hand with put-secret-value.',
    });
  }
}

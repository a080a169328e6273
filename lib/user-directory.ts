import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import type { UserPoolConfig } from '../tooling/deploy-config/schema';
import { acknowledge } from './nag';

/** The Cognito user pool and app client behind the API's JWT authorizer: created, or the existing ones imported. */
export class UserDirectory extends Construct {
  readonly userPoolId: string;
  readonly clientId: string;
  /** The `iss` claim of the pool's tokens; the JWT authorizer and the services verify against it. */
  readonly issuer: string;

  constructor(scope: Construct, id: string, config: UserPoolConfig) {
    super(scope, id);
    if (config.mode === 'import') {
      this.userPoolId = config.userPoolId;
      this.clientId = config.clientId;
    } else {
      const pool = new cognito.UserPool(this, 'UserPool', {
        selfSignUpEnabled: false,
        signInAliases: { email: true },
        autoVerify: { email: true },
        passwordPolicy: {
          minLength: 12,
          requireLowercase: true,
          requireUppercase: true,
          requireDigits: true,
          requireSymbols: true,
          tempPasswordValidity: Duration.days(3),
        },
        mfa: cognito.Mfa.OPTIONAL,
        mfaSecondFactor: { otp: true, sms: false },
        accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
        // The email names the user's tenant: a changed email only takes effect once verified.
        keepOriginal: { email: true },
        removalPolicy: RemovalPolicy.RETAIN,
      });
      acknowledge(pool, {
        'AwsSolutions-COG2': 'MFA is OPTIONAL (TOTP): API clients and CI use USER_PASSWORD_AUTH; users enrol TOTP from the UI.',
        'AwsSolutions-COG8':
          'Essentials plan on purpose: Plus-only threat protection (adaptive auth, compromised-credential checks) is not worth the per-user cost for this pool yet.',
      });
      const client = pool.addClient('ApiClient', {
        authFlows: { userPassword: true, userSrp: true },
        generateSecret: false,
        preventUserExistenceErrors: true,
      });
      this.userPoolId = pool.userPoolId;
      this.clientId = client.userPoolClientId;
    }
    this.issuer = `https://cognito-idp.${Stack.of(this).region}.amazonaws.com/${this.userPoolId}`;
  }
}

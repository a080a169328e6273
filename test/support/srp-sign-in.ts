/**
 * Sign-in as chariot-ui does it (Amplify's default USER_SRP_AUTH, PASSWORD_VERIFIER), with the real
 * client library amazon-cognito-identity-js pointed at a local Cognito endpoint.
 */
import { AuthenticationDetails, CognitoUser, CognitoUserPool, type CognitoUserSession } from 'amazon-cognito-identity-js';

export interface SrpPool {
  readonly userPoolId: string;
  readonly clientId: string;
}

export function srpUser(endpoint: string, pool: SrpPool, email: string): CognitoUser {
  const userPool = new CognitoUserPool({ UserPoolId: pool.userPoolId, ClientId: pool.clientId, endpoint });
  return new CognitoUser({ Username: email, Pool: userPool });
}

/** Resolves the session, or rejects with the library's error (`code` is Cognito's exception name). */
export function srpSignIn(endpoint: string, pool: SrpPool, email: string, password: string): Promise<CognitoUserSession> {
  const user = srpUser(endpoint, pool, email);
  return new Promise((resolve, reject) => {
    user.authenticateUser(new AuthenticationDetails({ Username: email, Password: password }), {
      onSuccess: resolve,
      onFailure: reject,
      newPasswordRequired: () => reject(new Error('NEW_PASSWORD_REQUIRED')),
    });
  });
}

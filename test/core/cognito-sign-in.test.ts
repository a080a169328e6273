/**
 * The local Cognito (cognito-local behind local/emulators/cognito-compat.ts) as real clients use it:
 * praetorian-cli's InitiateAuth USER_PASSWORD_AUTH (AWS SDK), chariot-ui's USER_SRP_AUTH and refresh
 * (amazon-cognito-identity-js, the library Amplify's flow is modelled on), and email_verified.
 */
import {
  AdminCreateUserCommand,
  AdminSetUserPasswordCommand,
  InitiateAuthCommand,
  type CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import { cognitoClient } from '../../local/emulators';
import { srpSignIn, srpUser } from '../support/srp-sign-in';
import { TEST_PASSWORD, useEmulators } from '../support/emulators';

const stack = useEmulators();
let cognito: CognitoIdentityProviderClient;
const payloadOf = (jwt: string) => JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString('utf8')) as Record<string, unknown>;

beforeAll(async () => {
  cognito = cognitoClient(stack.cognitoEndpoint);
  await stack.user('ada@example.com');
});
afterAll(() => cognito.destroy());

const passwordAuth = (username: string, password: string) =>
  cognito.send(new InitiateAuthCommand({ ClientId: stack.pool.clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: username, PASSWORD: password } }));

test('InitiateAuth USER_PASSWORD_AUTH and REFRESH_TOKEN_AUTH answer as Cognito does (praetorian-cli reads ExpiresIn)', async () => {
  const { AuthenticationResult: signedIn } = await passwordAuth('ada@example.com', TEST_PASSWORD);
  expect(signedIn).toEqual({
    AccessToken: expect.any(String),
    IdToken: expect.any(String),
    RefreshToken: expect.any(String),
    ExpiresIn: 86400, // cognito-local's default token validity
    TokenType: 'Bearer',
  });
  expect(payloadOf(signedIn!.IdToken!)).toMatchObject({ email: 'ada@example.com', email_verified: true, token_use: 'id' });

  const { AuthenticationResult: refreshed } = await cognito.send(
    new InitiateAuthCommand({ ClientId: stack.pool.clientId, AuthFlow: 'REFRESH_TOKEN_AUTH', AuthParameters: { REFRESH_TOKEN: signedIn!.RefreshToken! } }),
  );
  expect(refreshed).toMatchObject({ AccessToken: expect.any(String), IdToken: expect.any(String), ExpiresIn: 86400, TokenType: 'Bearer' });
  await expect(stack.core().auth.tokens.verify(refreshed!.IdToken!)).resolves.toMatchObject({ username: 'ada@example.com' });

  await expect(passwordAuth('ada@example.com', 'Wrong-passw0rd!')).rejects.toMatchObject({ name: 'NotAuthorizedException' });
});

test('USER_SRP_AUTH (PASSWORD_VERIFIER) and the library\'s refresh, as chariot-ui signs in', async () => {
  const session = await srpSignIn(stack.cognitoEndpoint, stack.pool, 'ada@example.com', TEST_PASSWORD);
  const tokens = stack.core().auth.tokens;
  await expect(tokens.verify(session.getIdToken().getJwtToken())).resolves.toMatchObject({ username: 'ada@example.com', tokenUse: 'id' });
  await expect(tokens.verify(session.getAccessToken().getJwtToken())).resolves.toMatchObject({ username: 'ada@example.com', tokenUse: 'access' });

  const user = srpUser(stack.cognitoEndpoint, stack.pool, 'ada@example.com');
  const refreshed = await new Promise<{ getIdToken(): { getJwtToken(): string } }>((resolve, reject) =>
    user.refreshSession(session.getRefreshToken(), (error, value) => (error ? reject(error) : resolve(value))),
  );
  await expect(tokens.verify(refreshed.getIdToken().getJwtToken())).resolves.toMatchObject({ username: 'ada@example.com' });

  await expect(srpSignIn(stack.cognitoEndpoint, stack.pool, 'ada@example.com', 'Wrong-passw0rd!')).rejects.toMatchObject({ code: 'NotAuthorizedException' });
  await expect(srpSignIn(stack.cognitoEndpoint, stack.pool, 'nobody@example.com', TEST_PASSWORD)).rejects.toMatchObject({ code: 'NotAuthorizedException' });
});

test('email_verified is true only when the attribute is "true"; such a token names no tenant', async () => {
  for (const [email, verified] of [['unverified@example.com', 'false'], ['unset@example.com', undefined]] as const) {
    await cognito.send(
      new AdminCreateUserCommand({
        UserPoolId: stack.pool.userPoolId,
        Username: email,
        MessageAction: 'SUPPRESS',
        UserAttributes: [{ Name: 'email', Value: email }, ...(verified ? [{ Name: 'email_verified', Value: verified }] : [])],
      }),
    );
    await cognito.send(new AdminSetUserPasswordCommand({ UserPoolId: stack.pool.userPoolId, Username: email, Password: TEST_PASSWORD, Permanent: true }));
    const { AuthenticationResult: result } = await passwordAuth(email, TEST_PASSWORD);
    expect(payloadOf(result!.IdToken!)).toMatchObject({ email, email_verified: false });
    await expect(stack.core().auth.tokens.verify(result!.IdToken!)).rejects.toMatchObject({ kind: 'unauthenticated' });
    await expect(stack.core().auth.tokens.verify(result!.AccessToken!)).rejects.toMatchObject({ kind: 'unauthenticated' });
  }
});

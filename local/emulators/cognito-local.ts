/**
 * cognito-local (npm) behind a small compatibility layer (SRP, ExpiresIn, email_verified: see
 * cognito-compat.ts), bound to 127.0.0.1, plus the few Cognito calls tests and `npm start` need.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminSetUserPasswordCommand,
  CognitoIdentityProviderClient,
  CreateGroupCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  InitiateAuthCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { REPO_ROOT } from '../../tooling/paths';
import { LOCAL_AWS, type EmulatorHandle } from './dynamodb-local';
import { freePort, startProcess, waitUntilReady } from './process';


/** tsx by absolute URL: the child's cwd is cognito-local's data directory, outside the repository. */
const TSX_LOADER = pathToFileURL(require.resolve('tsx', { paths: [REPO_ROOT] })).href;

export interface CognitoLocalOptions {
  /** 0 or undefined: a free port. */
  port?: number;
  /** cognito-local keeps its pools in `<dataDir>/.cognito`; absent means a temp dir removed on stop. */
  dataDir?: string;
}

export interface UserPool {
  readonly userPoolId: string;
  readonly clientId: string;
  /** Exactly the `iss` claim of the pool's tokens. */
  readonly issuer: string;
  readonly jwksUri: string;
}

export interface NewUser {
  email: string;
  password: string;
  groups?: string[];
}

export async function startCognitoLocal(options: CognitoLocalOptions = {}): Promise<EmulatorHandle> {
  const cwd = options.dataDir ? resolve(options.dataDir) : mkdtempSync(join(tmpdir(), 'cognito-local-'));
  mkdirSync(cwd, { recursive: true });
  const cleanup = () => {
    if (!options.dataDir) rmSync(cwd, { recursive: true, force: true });
  };
  for (let attempt = 1; ; attempt++) {
    const port = options.port || (await freePort());
    // cognito-local behind its compatibility layer (cognito-compat.ts), in one child process.
    const proc = startProcess(process.execPath, ['--import', TSX_LOADER, join(__dirname, 'cognito-main.ts')], {
      cwd,
      env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), DEBUG: '' },
    });
    const endpoint = `http://127.0.0.1:${port}`;
    try {
      await waitUntilReady('cognito-local', proc, async () => (await fetch(`${endpoint}/health`)).ok);
      return {
        endpoint,
        port,
        pid: proc.child.pid,
        exit: proc.exit,
        async stop() {
          await proc.stop();
          cleanup();
        },
      };
    } catch (error) {
      await proc.stop();
      if (options.port || attempt >= 3) {
        cleanup();
        throw error;
      }
    }
  }
}

export function cognitoClient(endpoint: string): CognitoIdentityProviderClient {
  return new CognitoIdentityProviderClient({ endpoint, ...LOCAL_AWS });
}

/** An existing pool's issuer and JWKS URI on this cognito-local (both embed its port, which may differ per start). */
export function userPoolAt(endpoint: string, ids: Pick<UserPool, 'userPoolId' | 'clientId'>): UserPool {
  const issuer = `${endpoint}/${ids.userPoolId}`;
  return { userPoolId: ids.userPoolId, clientId: ids.clientId, issuer, jwksUri: `${issuer}/.well-known/jwks.json` };
}

/** A pool with email as the username and an app client allowing USER_PASSWORD_AUTH. */
export async function createUserPool(endpoint: string, { poolName }: { poolName: string }): Promise<UserPool> {
  const client = cognitoClient(endpoint);
  try {
    const { UserPool: pool } = await client.send(new CreateUserPoolCommand({ PoolName: poolName, UsernameAttributes: ['email'] }));
    const userPoolId = pool!.Id!;
    const { UserPoolClient: app } = await client.send(
      new CreateUserPoolClientCommand({
        UserPoolId: userPoolId,
        ClientName: `${poolName}-client`,
        ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      }),
    );
    return userPoolAt(endpoint, { userPoolId, clientId: app!.ClientId! });
  } finally {
    client.destroy();
  }
}

/** A confirmed user with a permanent password (no invitation e-mail), optionally in groups. */
export async function createUser(endpoint: string, pool: UserPool, user: NewUser): Promise<void> {
  const client = cognitoClient(endpoint);
  try {
    await client.send(
      new AdminCreateUserCommand({
        UserPoolId: pool.userPoolId,
        Username: user.email,
        MessageAction: 'SUPPRESS',
        UserAttributes: [
          { Name: 'email', Value: user.email },
          { Name: 'email_verified', Value: 'true' },
        ],
      }),
    );
    await client.send(
      new AdminSetUserPasswordCommand({ UserPoolId: pool.userPoolId, Username: user.email, Password: user.password, Permanent: true }),
    );
    for (const group of user.groups ?? []) {
      await client.send(new CreateGroupCommand({ UserPoolId: pool.userPoolId, GroupName: group })).catch((error: Error) => {
        if (error.name !== 'GroupExistsException') throw error;
      });
      await client.send(new AdminAddUserToGroupCommand({ UserPoolId: pool.userPoolId, Username: user.email, GroupName: group }));
    }
  } finally {
    client.destroy();
  }
}

export async function signIn(
  endpoint: string,
  pool: UserPool,
  email: string,
  password: string,
): Promise<{ idToken: string; accessToken: string; refreshToken?: string }> {
  const client = cognitoClient(endpoint);
  try {
    const { AuthenticationResult: result } = await client.send(
      new InitiateAuthCommand({
        ClientId: pool.clientId,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: email, PASSWORD: password },
      }),
    );
    if (!result?.IdToken || !result.AccessToken) throw new Error(`sign-in of ${email} returned no tokens`);
    return { idToken: result.IdToken, accessToken: result.AccessToken, refreshToken: result.RefreshToken };
  } finally {
    client.destroy();
  }
}

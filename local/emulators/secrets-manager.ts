/**
 * A tiny Secrets Manager for the local stack and tests: GetSecretValue and PutSecretValue over the
 * service's own JSON 1.1 protocol on 127.0.0.1, so runtimes read secrets through the real SDK (and
 * Powertools Parameters) pointed here by AWS_ENDPOINT_URL_SECRETS_MANAGER, exactly as in AWS.
 * AWS Secrets Manager has no official emulator; this is the stand-in, in-process, no signature checks.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { LOCAL_AWS } from './dynamodb-local';

const ACCOUNT = '000000000000';

interface StoredSecret {
  readonly arn: string;
  readonly name: string;
  value: string;
  versionId: string;
  created: number;
}

export interface SecretsManagerEmulator {
  readonly endpoint: string;
  /** The variables that point the SDK here (plus the local credentials the SDK needs to sign). */
  readonly env: Record<'AWS_ENDPOINT_URL_SECRETS_MANAGER', string>;
  /** Creates or replaces secret `name`; returns its ARN (the form a stack hands a runtime). */
  put(name: string, value: string): string;
  /** The current value, by name or ARN. */
  get(id: string): string | undefined;
  stop(): Promise<void>;
}

/** `arn:aws:secretsmanager:<region>:000000000000:secret:<name>-<6 chars>`: AWS appends six random characters. */
const arnOf = (name: string) => `arn:aws:secretsmanager:${LOCAL_AWS.region}:${ACCOUNT}:secret:${name}-${randomUUID().slice(0, 6)}`;

export async function startSecretsManager(options: { port?: number } = {}): Promise<SecretsManagerEmulator> {
  const secrets = new Map<string, StoredSecret>();
  // By full ARN, by name, or by the ARN without its random suffix (all three are valid SecretIds).
  const find = (id: string) =>
    secrets.get(id) ?? [...secrets.values()].find((s) => s.arn === id || s.arn.replace(/-[^-]{6}$/, '') === id);

  const put = (name: string, value: string): string => {
    const existing = find(name);
    if (existing) {
      Object.assign(existing, { value, versionId: randomUUID() });
      return existing.arn;
    }
    const secret = { arn: arnOf(name), name, value, versionId: randomUUID(), created: Date.now() };
    secrets.set(name, secret);
    return secret.arn;
  };

  const answer = (response: ServerResponse, status: number, body: unknown, errorType?: string) => {
    response.writeHead(status, { 'content-type': 'application/x-amz-json-1.1', ...(errorType ? { 'x-amzn-errortype': errorType } : {}) });
    response.end(JSON.stringify(body));
  };

  const handle = (request: IncomingMessage, response: ServerResponse, text: string) => {
    const operation = String(request.headers['x-amz-target'] ?? '').replace(/^secretsmanager\./, '');
    let input: { SecretId?: string; SecretString?: string };
    try {
      input = JSON.parse(text || '{}');
    } catch {
      return answer(response, 400, { __type: 'InvalidRequestException', message: 'body is not JSON' }, 'InvalidRequestException');
    }
    const secret = input.SecretId ? find(input.SecretId) : undefined;
    if (operation !== 'GetSecretValue' && operation !== 'PutSecretValue') {
      return answer(response, 400, { __type: 'UnknownOperationException', message: `${operation} is not emulated` }, 'UnknownOperationException');
    }
    if (!secret) {
      return answer(response, 400, { __type: 'ResourceNotFoundException', message: "Secrets Manager can't find the specified secret." }, 'ResourceNotFoundException');
    }
    if (operation === 'PutSecretValue') {
      if (typeof input.SecretString !== 'string') {
        return answer(response, 400, { __type: 'InvalidParameterException', message: 'SecretString is required' }, 'InvalidParameterException');
      }
      put(secret.name, input.SecretString);
      return answer(response, 200, { ARN: secret.arn, Name: secret.name, VersionId: secret.versionId, VersionStages: ['AWSCURRENT'] });
    }
    answer(response, 200, {
      ARN: secret.arn,
      Name: secret.name,
      SecretString: secret.value,
      VersionId: secret.versionId,
      VersionStages: ['AWSCURRENT'],
      CreatedDate: secret.created / 1000,
    });
  };

  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => handle(request, response, Buffer.concat(chunks).toString('utf8')));
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    endpoint,
    env: { AWS_ENDPOINT_URL_SECRETS_MANAGER: endpoint },
    put,
    get: (id) => find(id)?.value,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/**
 * Everything a runtime builds once at cold start from its RuntimeConfig: the DynamoDB client, the
 * auth dependencies (with their caches), the repository factory and the file store. Lambda handlers
 * and Hono services both call createCore(loadRuntimeConfig()) at module scope.
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ApiTokens, apiTokenIssuer, createAuthDeps, TokenVerifier, type AuthDeps } from '../auth';
import type { Whoami } from '../auth/whoami';
import { createDynamoDbClient, documentClientOf } from '../db/client';
import { repositoryFor, type RepositoryDeps, type TenantRepository } from '../db/repository';
import { createFileStore, type FileStore } from '../files';
import { parseOffsetKeyRing, type OffsetKeyRing } from '../db/offset';
import type { RuntimeConfig } from './runtime';
import { secretReader } from './secrets';

export interface Core {
  readonly config: RuntimeConfig;
  readonly doc: DynamoDBDocumentClient;
  readonly auth: AuthDeps;
  readonly repositoryDeps: RepositoryDeps;
  /** Undefined when the config names no file store. */
  readonly files?: FileStore;
  repository(whoami: Whoami): TenantRepository;
}

export interface CoreOverrides {
  readonly dynamodb?: DynamoDBClient;
  readonly doc?: DynamoDBDocumentClient;
  readonly tokens?: TokenVerifier;
  readonly cacheTtlMs?: number;
  /** Told of every acknowledged table write (the graph writer of processes that hold a graph). */
  readonly onWrite?: RepositoryDeps['onWrite'];
}

export function createCore(config: RuntimeConfig, overrides: CoreOverrides = {}): Core {
  const dynamodb = overrides.dynamodb ?? createDynamoDbClient(config);
  const doc = overrides.doc ?? documentClientOf(dynamodb);
  const cognito = bound(config.cognito, 'cognito');
  const tokens = overrides.tokens ?? new TokenVerifier(cognito);
  const apiTokens = new ApiTokens({
    issuer: apiTokenIssuer(cognito.issuer),
    audience: cognito.clientId,
    signingKey: secretReader(bound(config.apiTokenKey, 'apiTokenKey'), (text) => text),
  });
  const repositoryDeps: RepositoryDeps = {
    dynamodb,
    tableName: config.tableName,
    // The authorizer pages nothing, so its binding has no offset key: a paged read there is a wiring bug.
    offsetKeys: config.offsetKeys ? secretReader(config.offsetKeys, parseOffsetKeyRing) : unboundOffsetKeys,
    onWrite: overrides.onWrite,
  };
  return {
    config,
    doc,
    auth: createAuthDeps({ tokens, apiTokens, doc, tableName: config.tableName, cacheTtlMs: overrides.cacheTtlMs }),
    repositoryDeps,
    files: config.files ? createFileStore(config.files) : undefined,
    repository: (whoami) => repositoryFor(repositoryDeps, whoami),
  };
}

/** A value the process's binding must have provided (loadRuntimeConfig checked it). */
function bound<T>(value: T | undefined, need: string): T {
  if (value === undefined) throw new Error(`this backend's binding has no ${need}`);
  return value;
}

const unboundOffsetKeys = (): Promise<OffsetKeyRing> => Promise.reject(new Error("this backend's binding has no offsetKey"));

/**
 * Everything a runtime builds once at cold start from its RuntimeConfig: the DynamoDB client, the
 * auth dependencies (with their caches), the repository factory and the file store. Lambda handlers
 * and Hono services both call createCore(loadRuntimeConfig()) at module scope.
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createAuthDeps, TokenVerifier, type AuthDeps } from '../auth';
import type { Whoami } from '../auth/whoami';
import { createDynamoDbClient, documentClientOf } from '../db/client';
import { repositoryFor, type RepositoryDeps, type TenantRepository } from '../db/repository';
import { createFileStore, type FileStore } from '../files';
import type { RuntimeConfig } from './runtime';

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
  const tokens = overrides.tokens ?? new TokenVerifier(config.cognito);
  const repositoryDeps: RepositoryDeps = { dynamodb, tableName: config.tableName, offsetSecret: config.offsetSecret, onWrite: overrides.onWrite };
  return {
    config,
    doc,
    auth: createAuthDeps({ tokens, doc, tableName: config.tableName, cacheTtlMs: overrides.cacheTtlMs }),
    repositoryDeps,
    files: config.files ? createFileStore(config.files, config.offsetSecret) : undefined,
    repository: (whoami) => repositoryFor(repositoryDeps, whoami),
  };
}

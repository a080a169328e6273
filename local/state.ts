/**
 * The local stack's data directory (`.local/` by default, git-ignored) and the small JSON state file
 * in it. Pool and client ids live here so cognito-local's users and tokens survive restarts, and the
 * token script can find the running stack without any flags.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as z from 'zod';
import { REPO_ROOT } from '../tooling/paths';
export const DEFAULT_DATA_DIR = join(REPO_ROOT, '.local');

export interface DataPaths {
  readonly root: string;
  readonly dynamodb: string;
  readonly cognito: string;
  readonly files: string;
  readonly logs: string;
  readonly stateFile: string;
}

export function dataPaths(root: string = DEFAULT_DATA_DIR): DataPaths {
  const dir = resolve(root);
  return {
    root: dir,
    dynamodb: join(dir, 'dynamodb'),
    cognito: join(dir, 'cognito'),
    files: join(dir, 'files'),
    logs: join(dir, 'logs'),
    stateFile: join(dir, 'stack.json'),
  };
}

const stateSchema = z.object({
  userPool: z.object({ userPoolId: z.string(), clientId: z.string() }).optional(),
  demoUser: z.object({ email: z.string(), password: z.string() }).optional(),
  /** Set once the demo data went in through the API; later starts skip seeding. */
  seeded: z.boolean().default(false),
  /** Where the stack listens while it runs (removed on a clean stop). */
  running: z
    .object({ pid: z.number(), gatewayUrl: z.string(), cognitoEndpoint: z.string(), dynamodbEndpoint: z.string() })
    .optional(),
});
export type StackState = z.infer<typeof stateSchema>;

export function readState(paths: DataPaths): StackState {
  if (!existsSync(paths.stateFile)) return { seeded: false };
  const parsed = stateSchema.safeParse(JSON.parse(readFileSync(paths.stateFile, 'utf8')));
  if (!parsed.success) throw new Error(`${paths.stateFile} is not a local stack state file: remove it or start with --fresh`);
  return parsed.data;
}

/** Atomic (write + rename), so a crash mid-write never leaves a half file behind. */
export function writeState(paths: DataPaths, state: StackState): void {
  mkdirSync(paths.root, { recursive: true });
  const scratch = `${paths.stateFile}.${process.pid}.tmp`;
  writeFileSync(scratch, JSON.stringify(state, null, 2) + '\n');
  renameSync(scratch, paths.stateFile);
}

export function updateState(paths: DataPaths, change: (state: StackState) => StackState): StackState {
  const next = change(readState(paths));
  writeState(paths, next);
  return next;
}

import type { ApiDependencies } from './dependencies';

/** Builds the process-wide dependencies from the environment (validated once, here). */
export async function createDependencies(_env: NodeJS.ProcessEnv = process.env): Promise<ApiDependencies> {
  throw new Error('createDependencies: not wired yet');
}

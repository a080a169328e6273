import { readSecret } from '../config/secrets';
import type { SecretFetcher } from './config';

/**
 * Reads the Neo4j secret (`{uri, username, password}`) when a process is given its ARN (Lambda); Fargate
 * tasks get its fields injected as NEO4J_URI / NEO4J_USER / NEO4J_PASSWORD instead (lib/runtime-binding.ts).
 */
export const secretsManagerFetcher: SecretFetcher = readSecret;

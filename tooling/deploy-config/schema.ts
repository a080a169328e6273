/**
 * The per-environment deployment config (`cdk.json` → `context.environments.<name>`), as a zod schema.
 * Validated once, in `loadDeploymentConfig`; everything downstream receives the typed result.
 */
import * as z from 'zod';

const STREAM_ARN = /^arn:aws[a-z-]*:dynamodb:[a-z0-9-]+:\d{12}:table\/[^/]+\/stream\/.+$/;
const FARGATE_CPU = [256, 512, 1024, 2048, 4096, 8192, 16384] as const;

export const tableConfigSchema = z.discriminatedUnion('mode', [
  z.strictObject({ mode: z.literal('create') }),
  z.strictObject({
    mode: z.literal('import'),
    tableName: z.string().min(3),
    /** The graph projector subscribes to the imported table's stream, so its ARN is required. */
    streamArn: z.string().regex(STREAM_ARN, 'must be a DynamoDB stream ARN (arn:aws:dynamodb:<region>:<account>:table/<name>/stream/<label>)'),
  }),
]);

export const userPoolConfigSchema = z.discriminatedUnion('mode', [
  z.strictObject({ mode: z.literal('create') }),
  z.strictObject({
    mode: z.literal('import'),
    userPoolId: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d_[0-9A-Za-z]+$/, 'must be a user pool id such as us-east-1_AbC123'),
    clientId: z.string().regex(/^[0-9a-z]+$/, 'must be an app client id'),
  }),
]);

export const fargateConfigSchema = z
  .strictObject({
    cpu: z.number().refine((cpu) => (FARGATE_CPU as readonly number[]).includes(cpu), `must be one of ${FARGATE_CPU.join(', ')}`),
    memoryMiB: z.number().int().min(512),
    /** The autoscaling minimum (the service itself has no DesiredCount, so a deploy never resets a scaled-out service). */
    desiredCount: z.number().int().min(1),
    maxCount: z.number().int().min(1),
  })
  .refine((f) => f.maxCount >= f.desiredCount, { message: 'maxCount must be >= desiredCount', path: ['maxCount'] });

/**
 * How far a route may move on its own: the shadow → canary gate and the thresholds the canary alarms
 * (and `npm run shift`) hold the Fargate side to.
 */
export const migrationPolicySchema = z.strictObject({
  /** Matched shadow comparisons a route needs before `npm run shift` moves it past 0 % (`--force` skips the gate). */
  minShadowMatches: z.number().int().min(0).default(100),
  /** Fargate target 5xx share (percent of its requests) above which a canary rolls back. */
  maxFargate5xxPercent: z.number().min(0).max(100).default(1),
  /** Fargate target p99 latency (ms) above which a canary rolls back. */
  maxFargateP99Ms: z.number().int().min(1).default(1000),
});

export const networkConfigSchema = z.strictObject({
  /** One NAT gateway per AZ (an AZ outage leaves the other AZ's egress up), instead of one shared NAT gateway. */
  natGatewayPerAz: z.boolean().default(false),
});

export const environmentSchema = z.strictObject({
  account: z.string().regex(/^\d{12}$/, 'must be a 12-digit AWS account id'),
  region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'must be an AWS region such as us-east-1'),
  table: tableConfigSchema,
  userPool: userPoolConfigSchema,
  fargate: fargateConfigSchema,
  network: networkConfigSchema.default({ natGatewayPerAz: false }),
  /** An existing Secrets Manager secret holding the Neo4j uri/username/password; absent → the stack creates one. */
  neo4jSecretName: z.string().min(1).optional(),
  /** Route id (`GET /asset`) or group (`asset`) → `lambda` | `shadow` | `canary:<percent>` | `fargate`; checked by `resolveRoutes`. */
  migrations: z.record(z.string(), z.string()).default({}),
  migrationPolicy: migrationPolicySchema.default({ minShadowMatches: 100, maxFargate5xxPercent: 1, maxFargateP99Ms: 1000 }),
  /** Allowed browser origins for the API and presigned S3 uploads. Only `dev` may omit it (→ `*`). */
  corsOrigins: z.array(z.string().min(1)).min(1).optional(),
  logLevel: z.enum(['DEBUG', 'INFO', 'WARN', 'ERROR']).default('INFO'),
});

export type TableConfig = z.output<typeof tableConfigSchema>;
export type UserPoolConfig = z.output<typeof userPoolConfigSchema>;
export type FargateConfig = z.output<typeof fargateConfigSchema>;
export type MigrationPolicy = z.output<typeof migrationPolicySchema>;
export type NetworkConfig = z.output<typeof networkConfigSchema>;

/** A validated environment, with defaults applied. */
export type EnvironmentConfig = Omit<z.output<typeof environmentSchema>, 'corsOrigins'> & {
  readonly corsOrigins: readonly string[];
};

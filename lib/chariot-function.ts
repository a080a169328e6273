import path from 'node:path';
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as nodejs from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { REPO_ROOT } from '../tooling/paths';
import { LAMBDA_BUNDLING, LAMBDA_EXTERNALS, lazyChunkCommands } from './lambda-bundling';
import { acknowledge, LAMBDA_BASIC_EXECUTION_FINDING } from './nag';

export interface ChariotFunctionProps {
  /** Handler file relative to the repository root, e.g. `lambdas/asset/handler.ts`. */
  readonly entry: string;
  readonly environment: Readonly<Record<string, string>>;
  readonly timeout?: Duration;
  readonly memorySize?: number;
}

/** A Node Lambda bundled by local esbuild, with the project's runtime, logging and tracing defaults. */
export class ChariotFunction extends Construct {
  readonly function: nodejs.NodejsFunction;

  constructor(scope: Construct, id: string, props: ChariotFunctionProps) {
    super(scope, id);
    const logGroup = new logs.LogGroup(this, 'Logs', {
      retention: logs.RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.function = new nodejs.NodejsFunction(this, 'Function', {
      entry: path.join(REPO_ROOT, props.entry),
      handler: 'handler',
      projectRoot: REPO_ROOT,
      depsLockFilePath: path.join(REPO_ROOT, 'package-lock.json'),
      runtime: lambda.Runtime.NODEJS_22_X,
      architecture: lambda.Architecture.ARM_64,
      memorySize: props.memorySize ?? 512,
      // HTTP API integrations give up at 29 s; a longer Lambda would only burn money.
      timeout: props.timeout ?? Duration.seconds(29),
      tracing: lambda.Tracing.ACTIVE,
      logGroup,
      environment: { NODE_OPTIONS: '--enable-source-maps', ...props.environment },
      bundling: {
        ...LAMBDA_BUNDLING,
        externalModules: [...LAMBDA_EXTERNALS],
        format: nodejs.OutputFormat.CJS,
        // The lazily required packages, each one minified file beside the entry (node_modules/<name>/index.js).
        commandHooks: {
          beforeBundling: () => [],
          beforeInstall: () => [],
          afterBundling: (_inputDir, outputDir) => lazyChunkCommands(REPO_ROOT, outputDir),
        },
        // Local esbuild (a devDependency) so synth never needs Docker.
        forceDockerBundling: false,
      },
    });
    acknowledge(this.function, {
      [LAMBDA_BASIC_EXECUTION_FINDING]: 'AWSLambdaBasicExecutionRole only allows writing this function\'s CloudWatch logs.',
      'AwsSolutions-IAM5[Resource::*]': 'X-Ray PutTraceSegments/PutTelemetryRecords support no resource-level permissions.',
      'AwsSolutions-L1': 'Pinned to nodejs22.x, the newest runtime the project toolchain (node 20/22) is tested on.',
    });
  }
}

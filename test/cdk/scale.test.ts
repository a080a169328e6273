/**
 * Stacks scale with the route table: a generated table of 80 routes in 16 groups, all on Lambda and all on Fargate,
 * keeps every stack well under CloudFormation's 500-resource limit (asserted: under 400). The counts are printed so
 * docs/cdk.md can quote them (`npx jest test/cdk/scale.test.ts`).
 */
import { App } from 'aws-cdk-lib';
import { buildApp } from '../../bin/build-app';
import { generatedRouteTable } from './generated-table';
import { cliContext, stacksOf } from './support';

const LIMIT = 400;

describe.each(['lambda', 'fargate'] as const)('80 routes in 16 groups, all on %s', (target) => {
  const table = generatedRouteTable({ groups: 16, routesPerGroup: 5, target });
  const app = new App({ context: cliContext({ env: 'prod' }) });
  const { stacks } = buildApp(app, { table: () => table });
  // One synth of the whole app: runs cdk-nag on every stack too.
  const assembly = app.synth();
  const counts = Object.fromEntries(
    stacksOf(stacks).map((stack) => [stack.stackName, Object.keys(assembly.getStackByName(stack.stackName).template.Resources ?? {}).length]),
  );

  it(`keeps every stack under ${LIMIT} resources`, () => {
    console.log(`resources per stack, 80 routes on ${target}: ${JSON.stringify(counts)}`);
    expect(table.routes).toHaveLength(80);
    for (const [stack, count] of Object.entries(counts)) expect({ stack, under: count < LIMIT }).toEqual({ stack, under: true });
  });
});

// Row 11: one Lambda bundle's handler in a process of its own, invoked back to back (one at a time, as
// a Lambda container is), with the process's own CPU time counted over the measured window: the Lambda
// side of "CPU per request", measured the way the services are. The handler's log lines go to stdout
// (the bench points it at a file); the figures go to the file named by the third argument.
const { readFileSync, writeFileSync } = require('node:fs');

const [bundle, eventFile, resultFile, durationArg, warmupArg, requestsArg] = process.argv.slice(2);
// A request count (the smoke run) replaces the duration: every row must answer that many.
const amount = Number(requestsArg) || Infinity;
const event = JSON.parse(readFileSync(eventFile, 'utf8'));
const { handler } = require(bundle);
let invocation = 0;
const context = () => ({
  functionName: 'bench-handler',
  functionVersion: '$LATEST',
  invokedFunctionArn: 'arn:aws:lambda:us-east-1:000000000000:function:bench-handler',
  memoryLimitInMB: '1024',
  awsRequestId: `bench-${++invocation}`,
  logGroupName: '/aws/lambda/bench-handler',
  logStreamName: 'bench',
  callbackWaitsForEmptyEventLoop: true,
  getRemainingTimeInMillis: () => 30000,
});

async function run(seconds, record, count = Infinity) {
  const latencies = [];
  let errors = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  while (count === Infinity ? performance.now() < deadline : latencies.length + errors < count) {
    const t0 = performance.now();
    const result = await handler({ ...event, requestContext: { ...event.requestContext, requestId: `bench-${invocation}` } }, context());
    if (result && result.statusCode >= 200 && result.statusCode < 300) {
      if (record) latencies.push(performance.now() - t0);
    } else {
      errors++;
      if (errors === 1) process.stderr.write(`answered ${result && result.statusCode}: ${String(result && result.body).slice(0, 200)}\n`);
    }
  }
  return { latencies, errors, elapsed: (performance.now() - started) / 1000 };
}

async function main() {
  await run(Number(warmupArg) || 0.2, false); // cold start, JIT, connections: not measured
  const before = process.cpuUsage();
  const { latencies, errors, elapsed } = await run(Number(durationArg), true, amount);
  const { user, system } = process.cpuUsage(before);
  latencies.sort((a, b) => a - b);
  const at = (p) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? 0;
  const cpuMs = (user + system) / 1000;
  writeFileSync(
    resultFile,
    JSON.stringify({
      requestsPerSecond: latencies.length / elapsed,
      p50Ms: at(50),
      p99Ms: at(99),
      requests: latencies.length,
      errors,
      durationSeconds: elapsed,
      ...(latencies.length ? { cpuMsPerRequest: cpuMs / latencies.length, requestsPerSecondPerVcpu: latencies.length / (cpuMs / 1000) } : {}),
    }),
  );
}

main().then(
  () => process.exit(0),
  (error) => {
    process.stderr.write(String(error && error.stack ? error.stack : error) + '\n');
    process.exit(1);
  },
);

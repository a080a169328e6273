// A fresh process standing in for a Lambda cold start: load one bundle, answer one invocation, print
// timings as one JSON line, exit. performance.now() counts from this process's own start.
const { readFileSync } = require('node:fs');

const [bundle, eventFile] = process.argv.slice(2);
const event = JSON.parse(readFileSync(eventFile, 'utf8'));
const context = {
  functionName: 'bench-cold-start',
  functionVersion: '$LATEST',
  invokedFunctionArn: 'arn:aws:lambda:us-east-1:000000000000:function:bench-cold-start',
  memoryLimitInMB: '1024',
  awsRequestId: event.requestContext.requestId,
  logGroupName: '/aws/lambda/bench-cold-start',
  logStreamName: 'bench',
  callbackWaitsForEmptyEventLoop: true,
  getRemainingTimeInMillis: () => 30000,
  done() {},
  fail() {},
  succeed() {},
};

const bootMs = performance.now();
const { handler } = require(bundle);
const loadedMs = performance.now();
Promise.resolve(handler(event, context)).then(
  (result) => {
    const answeredMs = performance.now();
    process.stdout.write(
      JSON.stringify({ status: result && result.statusCode, bootMs, loadMs: loadedMs, firstInvokeMs: answeredMs - loadedMs, totalMs: answeredMs }) + '\n',
      () => process.exit(0),
    );
  },
  (error) => {
    process.stderr.write(String(error && error.stack ? error.stack : error) + '\n');
    process.exit(1);
  },
);

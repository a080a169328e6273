// One autocannon load, with latencies at microsecond resolution: autocannon's own histogram keeps
// whole milliseconds, which reads as "p50 0 ms" against a fast server. Plain CommonJS so it runs
// without tsx, both as a child process (`node autocannon-worker.cjs '<options json>'`, prints one
// JSON line) and in the bench process (`require(...).runAutocannon`).
const autocannon = require('autocannon');
const hdr = require('hdr-histogram-js');

/** `bodies`: request bodies sent round-robin across every connection (so concurrent writes hit different rows). */
function withBodies({ bodies, ...options }) {
  if (!bodies || bodies.length === 0) return options;
  let next = 0;
  const setupRequest = (request) => ({ ...request, body: bodies[next++ % bodies.length] });
  return { ...options, requests: [{ method: options.method, setupRequest }] };
}

function runAutocannon(options) {
  const histogram = hdr.build({ lowestDiscernibleValue: 1, highestTrackableValue: 60000000, numberOfSignificantValueDigits: 3 });
  const instance = autocannon(withBodies(options));
  instance.on('response', (_client, statusCode, _bytes, responseTimeMs) => {
    if (statusCode >= 200 && statusCode < 300) histogram.recordValue(Math.max(1, Math.round(responseTimeMs * 1000)));
  });
  return instance.then((result) => {
    const latencyUs = { p50: histogram.getValueAtPercentile(50), p99: histogram.getValueAtPercentile(99) };
    histogram.destroy();
    return { result, latencyUs };
  });
}

module.exports = { runAutocannon };

if (require.main === module) {
  runAutocannon(JSON.parse(process.argv[2])).then(
    (outcome) => process.stdout.write(JSON.stringify(outcome) + '\n'),
    (error) => {
      process.stderr.write(String(error && error.stack ? error.stack : error) + '\n');
      process.exit(1);
    },
  );
}

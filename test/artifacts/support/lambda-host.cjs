/**
 * One Lambda "execution environment" for the artifact suite: loads a staged bundle (cdk.out/asset.<hash>/index.js)
 * with exactly the env it was started with, and invokes its handler for each POST {event, context}, as the Lambda
 * runtime would. Plain CommonJS with no imports of the project: nothing but the bundle is loaded.
 * Prints {"port": n} once listening on 127.0.0.1; exits when its stdin closes (the test ended or died).
 */
const http = require('node:http');

const [bundle, handlerName = 'handler'] = process.argv.slice(2);
// Init phase: module-scope code (the authorizer's config check, say) runs now, with this env.
let handler;
let initError;
try {
  handler = require(bundle)[handlerName];
} catch (error) {
  initError = error;
}

const server = http.createServer((request, response) => {
  const chunks = [];
  request.on('data', (chunk) => chunks.push(chunk));
  request.on('end', async () => {
    const reply = (status, body) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    try {
      const { event, context } = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      const deadline = Date.now() + 29_000;
      if (initError) throw initError;
      const result = await handler(event, { ...context, getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()) });
      reply(200, { result });
    } catch (error) {
      reply(500, { errorType: error && error.name, errorMessage: String((error && error.message) || error) });
    }
  });
});

server.listen(0, '127.0.0.1', () => process.stdout.write(`${JSON.stringify({ port: server.address().port })}\n`));
process.stdin.on('end', () => process.exit(0));
process.stdin.resume();

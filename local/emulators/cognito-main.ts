/**
 * Child process entry: `node --import tsx cognito-main.ts` with HOST/PORT set. Runs cognito-local's
 * express app behind the compatibility layer (./cognito-compat.ts) on ONE port, so the issuer
 * (`http://HOST:PORT/<pool>`) and every endpoint are the ones clients see. Exits when stdin closes.
 */
import '../stdin-lifeline.cjs';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, join } from 'node:path';
import { CognitoCompat, readJson } from './cognito-compat';

/** Requests the layer makes to cognito-local itself carry this header, so they skip the layer. */
const INNER = 'x-cognito-compat-inner';
const HANDLED = new Set(['InitiateAuth', 'AdminInitiateAuth', 'RespondToAuthChallenge', 'AdminRespondToAuthChallenge', 'UpdateUserAttributes']);

async function main(): Promise<void> {
  const host = process.env.HOST ?? '127.0.0.1';
  const port = Number(process.env.PORT ?? 9229);
  const root = dirname(require.resolve('cognito-local/package.json'));
  // cognito-local's own modules: the app factory and its logger (pino), as its bin/start.js uses them.
  const { createDefaultServer } = require(join(root, 'lib', 'server')) as { createDefaultServer: (logger: unknown) => Promise<{ application: (req: unknown, res: unknown) => void }> };
  const pino = require(require.resolve('pino', { paths: [root] })) as (options: object) => unknown;
  const { pem } = JSON.parse(readFileSync(join(root, 'lib', 'keys', 'cognitoLocal.private.json'), 'utf8')) as { pem: string };
  const { application } = await createDefaultServer(pino({ level: process.env.DEBUG ? 'debug' : 'warn' }));

  const self = `http://${host}:${port}`;
  const compat = new CognitoCompat({
    dataDir: process.cwd(),
    privateKeyPem: pem,
    async call(operation, body) {
      const response = await fetch(self, {
        method: 'POST',
        headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `AWSCognitoIdentityProviderService.${operation}`, [INNER]: '1' },
        body: JSON.stringify(body),
      });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    },
  });

  const server = createServer((request, response) => {
    const operation = String(request.headers['x-amz-target'] ?? '').split('.')[1] ?? '';
    if (request.method !== 'POST' || request.headers[INNER] || !HANDLED.has(operation)) return application(request, response);
    readJson(request)
      .then((body) => compat.handle(operation, body, response))
      .catch((error: Error) => {
        response.writeHead(400, { 'content-type': 'application/x-amz-json-1.1' });
        response.end(JSON.stringify({ __type: 'InvalidParameterException', message: error.message }));
      });
  });
  server.listen(port, host, () => console.log(`Cognito Local (with compatibility layer) running on ${self}`));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

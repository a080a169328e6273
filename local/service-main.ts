/**
 * Entry of a service child process: `node --import tsx local/service-main.ts containers/<svc>/server.ts`.
 * Exits when stdin closes, i.e. when the stack's process dies however it dies (even SIGKILL), so a
 * service never outlives the stack. The service itself handles SIGTERM (graceful drain).
 */
import './stdin-lifeline.cjs';
import { resolve } from 'node:path';

async function main(entry: string | undefined): Promise<void> {
  if (!entry) throw new Error('usage: service-main.ts <server entry>');
  await import(resolve(entry));
}

main(process.argv[2]).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

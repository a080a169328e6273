/**
 * `npm start [-- --fresh] [--port 3000] [-c env=dev] [-c "migrate:GET /asset=fargate"] [--data-dir DIR]`
 * Starts the whole API locally (see local/stack.ts) and stops it cleanly on Ctrl-C, SIGTERM, SIGHUP, or when npm exits.
 */
import { parseArgs } from 'node:util';
import * as z from 'zod';
import { contextFromArgs } from '../tooling/deploy-config/load';
import { formatRouteTable } from '../tooling/route-report';
import { DEFAULT_GATEWAY_PORT, startLocalStack, type LocalStack } from './stack';

const USAGE = `usage: npm start -- [--fresh] [--port N] [--data-dir DIR] [-c env=NAME] [-c "migrate:<route or group>=lambda|shadow|canary:<percent>|fargate"] [--quiet]`;

const optionsSchema = z.object({
  fresh: z.boolean().default(false),
  quiet: z.boolean().default(false),
  help: z.boolean().default(false),
  port: z.coerce.number().int().min(0).max(65535).default(DEFAULT_GATEWAY_PORT),
  'data-dir': z.string().optional(),
});

/**
 * npm does not pass a SIGTERM sent to its own pid on to its child (it just exits), so a process manager or
 * `timeout 20 npm start` would orphan the stack. When our parent goes away we are re-parented: stop then.
 */
function watchParent(onGone: () => void): void {
  const parent = process.ppid;
  const timer = setInterval(() => {
    if (process.ppid !== parent) {
      clearInterval(timer);
      onGone();
    }
  }, 250);
  timer.unref();
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const { values } = parseArgs({
    args: argv,
    options: {
      fresh: { type: 'boolean' },
      quiet: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
      port: { type: 'string', short: 'p' },
      'data-dir': { type: 'string' },
      context: { type: 'string', short: 'c', multiple: true },
    },
    allowPositionals: false,
  });
  const parsed = optionsSchema.safeParse(values);
  if (!parsed.success) throw new Error(`${parsed.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('; ')}\n${USAGE}`);
  const options = parsed.data;
  if (options.help) {
    console.log(USAGE);
    return;
  }

  const t0 = performance.now();
  const progress = (line: string) => console.log(`[${((performance.now() - t0) / 1000).toFixed(1).padStart(5)} s] ${line}`);
  let starting: Promise<LocalStack> | undefined;
  let stoppingSince = 0;
  const shutdown = async (signal: string) => {
    if (stoppingSince) {
      // A terminal's Ctrl-C can reach us twice within milliseconds (directly and relayed): only a later one forces.
      if (performance.now() - stoppingSince < 1000) return;
      console.log('forced exit'); // children still exit: their stdin closes with this process
      process.exit(1);
    }
    stoppingSince = performance.now();
    console.log(`\n${signal}: stopping gateway, services and emulators`);
    // Mid-start: let the start finish (or fail, which cleans up after itself), then stop everything it started.
    const stack = await starting?.catch(() => undefined);
    await stack?.stop();
    console.log('stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGHUP', () => void shutdown('SIGHUP'));
  watchParent(() => void shutdown('parent exited'));

  starting = startLocalStack({
    fresh: options.fresh,
    port: options.port,
    dataDir: options['data-dir'],
    context: contextFromArgs(argv),
    log: progress,
    accessLog: options.quiet ? undefined : (line) => console.log(line),
    serviceOutput: options.quiet ? undefined : (service, line) => console.log(`[${service}] ${line}`),
  });
  const stack = await starting;
  if (stoppingSince) return;

  const { url, demoUser, collaborator } = stack;
  console.log(`
Routes (env ${stack.envName}):
${formatRouteTable(stack.routes).replace(/^/gm, '  ')}

Chariot API   ${url}   (up in ${(stack.startupMs / 1000).toFixed(1)} s)
Demo user     ${demoUser.email} / ${demoUser.password}
Collaborator  ${collaborator.email} / ${collaborator.password}   (analyst in the demo tenant: send account: ${demoUser.email})
Try it        curl -H "Authorization: Bearer $(npm run -s token -- --user ${demoUser.email})" ${url}/asset
Live routes  npm run routes -- --live      Shift a canary  npm run shift -- --local "GET /asset" 25
Ctrl-C stops everything.
`);
}

main().catch((error: Error) => {
  console.error(`npm start: ${error.message}`);
  process.exit(1);
});

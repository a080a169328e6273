/**
 * `npm run -s token -- --user demo@chariot.local [--password P] [--access] [--data-dir DIR]`
 * Prints an id token (or, with --access, an access token) from the RUNNING local stack's cognito-local,
 * for curl: `curl -H "Authorization: Bearer $(npm run -s token -- --user demo@chariot.local)" localhost:3000/asset`.
 */
import { parseArgs } from 'node:util';
import { signIn, userPoolAt } from '../local/emulators';
import { DEMO_COLLABORATOR } from '../local/demo-data';
import { dataPaths, readState } from '../local/state';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      user: { type: 'string', short: 'u' },
      password: { type: 'string', short: 'p' },
      access: { type: 'boolean' },
      'data-dir': { type: 'string' },
    },
  });
  const paths = dataPaths(values['data-dir']);
  const state = readState(paths);
  if (!state.running || !state.userPool) throw new Error(`no local stack is running (no ${paths.stateFile} with a running stack): start it with npm start`);
  const user = values.user ?? state.demoUser?.email;
  if (!user) throw new Error('pass --user EMAIL');
  const known: Record<string, string | undefined> = { [DEMO_COLLABORATOR.email]: DEMO_COLLABORATOR.password };
  if (state.demoUser) known[state.demoUser.email] = state.demoUser.password;
  const password = values.password ?? known[user];
  if (!password) throw new Error(`pass --password for ${user} (only the demo user's and the collaborator's passwords are known)`);

  const endpoint = state.running.cognitoEndpoint;
  const tokens = await signIn(endpoint, userPoolAt(endpoint, state.userPool), user, password).catch((error: Error) => {
    throw new Error(
      error.name === 'TypeError' ? `cannot reach cognito-local at ${endpoint}: is npm start still running?` : `sign-in of ${user} failed: ${error.message}`,
    );
  });
  process.stdout.write((values.access ? tokens.accessToken : tokens.idToken) + '\n');
}

main().catch((error: Error) => {
  console.error(`token: ${error.message}`);
  process.exit(1);
});

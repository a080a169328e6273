/** The whole catalogue, in run order (purge last: it empties the tenant once it is served). */
import type { ClientCall } from '../support/catalogue';
import { ACCOUNT_CALLS, SEED_CALLS } from './accounts';
import { ASSET_CALLS, ATTRIBUTE_CALLS, RISK_CALLS } from './entities';
import { FILE_CALLS, HOOK_CALLS, JOB_CALLS, KEY_AND_2X_CALLS, SCHEDULE_CALLS, WEBPAGE_CALLS } from './operations';
import { SEARCH_CALLS } from './search';

const isPurge = (call: ClientCall) => call.sends.startsWith('DELETE /account/purge');
const ALL = [...SEARCH_CALLS, ...ASSET_CALLS, ...RISK_CALLS, ...ATTRIBUTE_CALLS, ...SEED_CALLS, ...ACCOUNT_CALLS, ...JOB_CALLS, ...FILE_CALLS, ...KEY_AND_2X_CALLS, ...SCHEDULE_CALLS, ...WEBPAGE_CALLS, ...HOOK_CALLS];

export const CATALOGUE: readonly ClientCall[] = [...ALL.filter((call) => !isPurge(call)), ...ALL.filter(isPurge)];

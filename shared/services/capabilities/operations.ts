import type { Operation } from '../../api/operation';
import { json } from '../../api/respond';
import { caller } from '../caller';
import { parseQuery } from '../input';
import { CapabilityFilter, listCapabilities } from './service';

export const capabilitiesOperations = {
  'GET /capabilities': async ({ request, whoami }) => json(200, { capabilities: listCapabilities(caller(whoami), parseQuery(CapabilityFilter, request)) }),
} satisfies Record<string, Operation>;

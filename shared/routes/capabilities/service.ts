/** `GET /capabilities`: the static catalogue, filtered by exact name, target and executor. */
import type { Whoami } from '../../auth/whoami';
import type { CapabilityFilter } from './routes';
import { CAPABILITIES, type AgoraCapability } from './catalogue';

/** Any authenticated caller may read the catalogue. */
export function listCapabilities(_whoami: Whoami, filter: CapabilityFilter): AgoraCapability[] {
  return CAPABILITIES.filter(
    (c) => (!filter.name || c.name === filter.name) && (!filter.target || c.target === filter.target) && (!filter.executor || c.executor === filter.executor),
  );
}

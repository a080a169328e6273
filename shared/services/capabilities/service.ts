/** `GET /capabilities`: the static catalogue, filtered by exact name, target and executor. */
import * as z from 'zod';
import type { Whoami } from '../../auth/whoami';
import { CAPABILITIES, type AgoraCapability } from '../capability-catalogue';

export const CapabilityFilter = z.object({
  name: z.string().max(128).optional(),
  target: z.string().max(64).optional(),
  executor: z.string().max(64).optional(),
});
export type CapabilityFilter = z.output<typeof CapabilityFilter>;

/** Any authenticated caller may read the catalogue. */
export function listCapabilities(_whoami: Whoami, filter: CapabilityFilter): AgoraCapability[] {
  return CAPABILITIES.filter(
    (c) => (!filter.name || c.name === filter.name) && (!filter.target || c.target === filter.target) && (!filter.executor || c.executor === filter.executor),
  );
}

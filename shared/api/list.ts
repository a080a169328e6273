/** The list routes (`GET /asset`, `/risk`, `/attribute`, `/job`, `/key`, `/file`): a key-prefix query of one entity type. */
import { decodeEchoedOffset } from '../clients/echoed-offset';
import type { ApiDependencies } from '../api/dependencies';
import type { Whoami } from '../auth/whoami';
import type { Page } from '../db/repository';
import { invalidInput } from '../errors';
import type { BaseRow, EntityType } from '../model';
import type { ListQuery } from './input';

/** Any role may read. `key` narrows the list and must stay inside the type: `#asset#example.com`. */
export async function listEntities<T extends BaseRow>(deps: Pick<ApiDependencies, 'repository'>, whoami: Whoami, type: EntityType, query: ListQuery): Promise<Page<T>> {
  const prefix = `#${type}#`;
  const key = query.key ?? prefix;
  if (!key.startsWith(prefix)) throw invalidInput(`key must start with ${prefix}`);
  // Clients echo the offset JSON-encoded (docs/client-compat.md, conflict 13).
  return deps.repository(whoami).query<T>({ key, offset: query.offset === undefined ? undefined : decodeEchoedOffset(query.offset), limit: query.limit });
}

/** Preseeds `#preseed#<type>#<title>#<value>`: add, set status (with history), delete. Analyst or above. */
import type { ApiDependencies } from '../../api/dependencies';
import { requireRole } from '../../auth/authenticate';
import type { Whoami } from '../../auth/whoami';
import { newPreseed, now, parseInput, recordHistory, type HistoryRecord, type Preseed } from '../../model';
import { NewPreseedRequest, PreseedDeleteRequest, PreseedUpdateRequest } from './routes';

type Deps = Pick<ApiDependencies, 'repository'>;
type StoredPreseed = Preseed & { history?: HistoryRecord[] };

/** A preseed with a new status; the change (and any comment) goes to its history. */
function withStatus(existing: StoredPreseed, status: string | undefined, comment: string | undefined, by: string): StoredPreseed {
  const { history, statusChanged } = recordHistory(existing.history, { from: existing.status, to: status, by, comment }, now());
  return { ...existing, ...(history.length ? { history } : {}), ...(statusChanged && status ? { status } : {}) };
}

/** `POST /preseed`: adds it, or sets the status of the one with the same key. */
export async function addPreseed(deps: Deps, whoami: Whoami, body: unknown): Promise<Preseed> {
  requireRole(whoami, 'analyst');
  const input = parseInput(NewPreseedRequest, body);
  const incoming = newPreseed(whoami.tenant, { ...input, status: input.status ?? 'A' });
  return (await deps.repository(whoami).change<StoredPreseed>(incoming.key, (existing) => (existing ? withStatus(existing, input.status, undefined, whoami.username) : incoming)))!;
}

/** `PUT /preseed {key, status, comment}`: the key names the preseed whole, so a missing one is created from it. */
export async function updatePreseed(deps: Deps, whoami: Whoami, body: unknown): Promise<Preseed> {
  requireRole(whoami, 'analyst');
  const { key, status, comment } = parseInput(PreseedUpdateRequest, body);
  const [, , type, title, ...value] = key.split('#');
  return (await deps.repository(whoami).change<StoredPreseed>(key, (existing) =>
    existing ? withStatus(existing, status, comment ?? undefined, whoami.username) : { ...newPreseed(whoami.tenant, { type, title, value: value.join('#'), status }), key },
  ))!;
}

/** `DELETE /preseed {key}`. */
export async function removePreseed(deps: Deps, whoami: Whoami, body: unknown): Promise<Preseed | undefined> {
  requireRole(whoami, 'analyst');
  const { key } = parseInput(PreseedDeleteRequest, body);
  return deps.repository(whoami).remove<Preseed>(key);
}

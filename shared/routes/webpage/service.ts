/** Webpages `#webpage#<url>`: add (or re-add), delete, link and unlink source entities. Analyst or above. */
import type { ApiDependencies } from '../../api/dependencies';
import { requireRole } from '../../auth/authenticate';
import type { Whoami } from '../../auth/whoami';
import { notFound } from '../../errors';
import { newWebpage, parseInput, type Webpage } from '../../model';
import { NewWebpageRequest, WebpageDeleteRequest, WebpageLinkRequest } from './routes';

type Deps = Pick<ApiDependencies, 'repository'>;
/**
 * Chariot's Webpage lists the files and repositories holding its code in `source`; here that list is `sources`,
 * because `source` is a string index of the table (`GET /my?key=source:…`) and cannot hold a list.
 */
export type StoredWebpage = Webpage & { sources?: string[] };

/** `POST /webpage`: a new page, or the existing one with the status and parent sent (its links are kept). */
export async function addWebpage(deps: Deps, whoami: Whoami, body: unknown): Promise<StoredWebpage> {
  requireRole(whoami, 'analyst');
  const { webpage, parent_key } = parseInput(NewWebpageRequest, body);
  const incoming: StoredWebpage = { ...newWebpage(whoami.tenant, webpage.url, parent_key), ...(webpage.status ? { status: webpage.status } : {}) };
  const written = await deps.repository(whoami).change<StoredWebpage>(incoming.key, (existing) =>
    existing ? { ...existing, status: incoming.status, visited: incoming.visited, ...(parent_key ? { parent: parent_key } : {}) } : incoming,
  );
  return written!;
}

export async function removeWebpage(deps: Deps, whoami: Whoami, body: unknown): Promise<StoredWebpage> {
  requireRole(whoami, 'analyst');
  const input = parseInput(WebpageDeleteRequest, body);
  const key = 'webpage' in input ? input.webpage.key : input.key;
  const removed = await deps.repository(whoami).remove<StoredWebpage>(key);
  if (!removed) throw notFound(`webpage ${key} not found`);
  return removed;
}

/** `PUT /webpage/link` adds `entityKey` to the page's `sources` (once); `DELETE` removes it. 404 when the page is missing. */
export async function linkWebpageSource(deps: Deps, whoami: Whoami, body: unknown, link: boolean): Promise<StoredWebpage> {
  requireRole(whoami, 'analyst');
  const { webpageKey, entityKey } = parseInput(WebpageLinkRequest, body);
  const changed = await deps.repository(whoami).change<StoredWebpage>(webpageKey, (existing) => {
    if (!existing) throw notFound(`webpage ${webpageKey} not found`);
    const linked = existing.sources ?? [];
    if (link === linked.includes(entityKey)) return existing; // already as asked: no write
    const sources = link ? [...linked, entityKey] : linked.filter((key) => key !== entityKey);
    const { sources: _old, ...rest } = existing;
    return sources.length ? { ...rest, sources } : rest;
  });
  return changed!;
}

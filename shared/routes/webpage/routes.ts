import * as z from 'zod';
import { defineRouteGroup } from '../../routing/route-group';

const WebpageKey = z.string().regex(/^#webpage#https?:\/\/.+$/is, 'key must be #webpage#<http(s) URL>').max(2048 + 9);

/** `POST /webpage` (praetorian-cli 2.x `webpage.add`): Chariot's WebpageRequest, the page wrapped in `webpage`. */
export const NewWebpageRequest = z.object({
  webpage: z.object({
    url: z.string({ error: 'webpage.url is required' }).regex(/^https?:\/\/\S+$/i, 'webpage.url must be an http(s) URL').max(2048),
    status: z.string().regex(/^[A-Z]{1,3}$/, 'webpage.status must be a status such as A, F or D').optional(),
  }, { error: 'webpage is required: {"webpage": {"url": …}}' }),
  parent_key: z.string().regex(/^#webapplication#https?:\/\/[^?#]+$/i, 'parent_key must be #webapplication#<URL>').optional(),
});

/** `DELETE /webpage`: the client wraps the key, `{"webpage": {"key": …}}`; a bare `{key}` is accepted too. */
export const WebpageDeleteRequest = z.union(
  [z.object({ webpage: z.object({ key: WebpageKey }) }), z.object({ key: WebpageKey })],
  { error: 'key is required: {"webpage": {"key": "#webpage#<url>"}}' },
);

/** `PUT|DELETE /webpage/link` (`webpages.link_source`): a file or repository that holds the page's source code. */
export const WebpageLinkRequest = z.object({
  webpageKey: WebpageKey,
  entityKey: z.string({ error: 'entityKey is required' }).regex(/^#(file|repository)#.+$/s, 'entityKey must be a #file# or #repository# key').max(1024),
});

const WebpageView = z
  .looseObject({
    username: z.string(),
    key: z.string().describe('#webpage#<url>'),
    url: z.string(),
    status: z.string(),
    parent: z.string().optional().describe('Its web application: (WebApplication)-[:HAS_WEBPAGE]->(Webpage)'),
    sources: z.array(z.string()).optional().describe("Keys of the files and repositories linked as its source code (Chariot's `source`)"),
    created: z.string(),
    visited: z.string(),
    ttl: z.number(),
  })
  .meta({ id: 'Webpage' });

const bare = { 200: WebpageView.describe('The webpage, bare') };

/**
 * Webpages `#webpage#<url>` (praetorian-cli 2.x): table rows like every graph kind; the projection makes each a
 * `Webpage` node under its web application (`parent`), so `POST /my` with label `Webpage` reads them back.
 */
export default defineRouteGroup({
  name: 'webpage',
  service: 'inventory',
  access: { table: 'readWrite', graph: true },
  routes: {
    'POST /webpage': { auth: 'jwt', summary: 'Add a webpage {webpage:{url,status},parent_key?} (an existing one takes the new status and parent)', body: NewWebpageRequest, responses: bare },
    'DELETE /webpage': { auth: 'jwt', summary: 'Delete a webpage {webpage:{key}}', body: WebpageDeleteRequest, responses: bare },
    'PUT /webpage/link': { auth: 'jwt', summary: "Link a file or repository as the webpage's source {webpageKey,entityKey}", body: WebpageLinkRequest, responses: bare },
    'DELETE /webpage/link': { auth: 'jwt', summary: 'Unlink a source from the webpage {webpageKey,entityKey}', body: WebpageLinkRequest, responses: bare },
  },
});

import * as z from 'zod';
import { defineRouteGroup } from '../../routing/route-group';
import { row, written } from '../../routing/schemas';

const Status = z.string().regex(/^[A-Z]{1,3}$/, 'status must be a preseed status such as A, F or D');

/** `POST /preseed` (praetorian-cli 2.x): a new preseed; it cannot start pending. */
export const NewPreseedRequest = z.object({
  type: z.string({ error: 'type is required' }).min(1).max(128).describe('e.g. whois+company, dns+subdomain'),
  title: z.string({ error: 'title is required' }).min(1).max(256),
  value: z.string({ error: 'value is required' }).min(1).max(4096),
  status: Status.refine((s) => s !== 'P', 'a preseed cannot be added with status P (pending)').optional(),
});

/** `PUT /preseed` (both SDKs): by key, which names the preseed whole; a missing one is created with that status. */
export const PreseedUpdateRequest = z.object({
  key: z.string({ error: 'key is required' }).regex(/^#preseed#[^#]+#[^#]+#.+$/s, 'key must be #preseed#<type>#<title>#<value>'),
  status: Status.optional(),
  comment: z.string().max(4096).nullable().optional(),
});

export const PreseedDeleteRequest = PreseedUpdateRequest.pick({ key: true });

const PreseedView = row('Preseed', { type: z.string(), title: z.string(), value: z.string(), display: z.string(), status: z.string() });

/** Preseeds: what discovery starts from besides seeds (registrant emails, company names, favicons…). */
export default defineRouteGroup({
  name: 'preseed',
  service: 'inventory',
  access: { table: 'readWrite', graph: true },
  routes: {
    'POST /preseed': { auth: 'jwt', summary: 'Add a preseed {type,title,value,status}', body: NewPreseedRequest, responses: { 200: written('preseeds', PreseedView) } },
    'PUT /preseed': { auth: 'jwt', summary: 'Set a preseed status by key (created when missing)', body: PreseedUpdateRequest, responses: { 200: written('preseeds', PreseedView) } },
    'DELETE /preseed': {
      auth: 'jwt',
      summary: 'Delete a preseed; a missing one is already gone: {"preseeds":[]}',
      body: PreseedDeleteRequest,
      responses: { 200: written('preseeds', PreseedView) },
    },
  },
});

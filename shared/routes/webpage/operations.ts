import { objectBody } from '../../api/input';
import { json } from '../../api/respond';
import { publicView } from '../../model';
import { defineOperations } from '../../routing/route-group';
import group from './routes';
import { addWebpage, linkWebpageSource, removeWebpage, type StoredWebpage } from './service';

/** The bare webpage: `webpage.add` returns `resp.json()` as "the created WebPage object"; link/unlink need a 200. */
const answer = (row: StoredWebpage) => json(200, publicView(row));

export default defineOperations(group, {
  'POST /webpage': async ({ request, whoami, deps }) => answer(await addWebpage(deps, whoami, objectBody(request))),
  'DELETE /webpage': async ({ request, whoami, deps }) => answer(await removeWebpage(deps, whoami, objectBody(request))),
  'PUT /webpage/link': async ({ request, whoami, deps }) => answer(await linkWebpageSource(deps, whoami, objectBody(request), true)),
  'DELETE /webpage/link': async ({ request, whoami, deps }) => answer(await linkWebpageSource(deps, whoami, objectBody(request), false)),
});

import { objectBody } from '../../api/input';
import { json } from '../../api/respond';
import { publicView } from '../../model';
import { defineOperations } from '../../routing/route-group';
import group from './routes';
import { addPreseed, removePreseed, updatePreseed } from './service';

export default defineOperations(group, {
  'POST /preseed': async ({ request, whoami, deps }) => json(200, { preseeds: [publicView(await addPreseed(deps, whoami, objectBody(request)))] }),
  'PUT /preseed': async ({ request, whoami, deps }) => json(200, { preseeds: [publicView(await updatePreseed(deps, whoami, objectBody(request)))] }),
  'DELETE /preseed': async ({ request, whoami, deps }) => {
    const removed = await removePreseed(deps, whoami, objectBody(request));
    return json(200, { preseeds: removed ? [publicView(removed)] : [] });
  },
});

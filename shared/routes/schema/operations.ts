import { json } from '../../api/respond';
import { defineOperations } from '../../routing/route-group';
import group from './routes';
import { entitySchemas } from './service';

/** A bare object of schemas: the client indexes it by entity type (`result[entity_type]`). */
export default defineOperations(group, {
  'GET /schema': async () => json(200, entitySchemas()),
});

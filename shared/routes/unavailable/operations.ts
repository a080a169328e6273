import { notAvailable } from '../../api/not-available';
import { defineOperations } from '../../routing/route-group';
import group from './routes';

const { routes } = group;

export default defineOperations(group, {
  'POST /planner': notAvailable(routes['POST /planner']),
  'GET /agent/enhanced': notAvailable(routes['GET /agent/enhanced']),
  'POST /broker': notAvailable(routes['POST /broker']),
  'DELETE /broker': notAvailable(routes['DELETE /broker']),
  'POST /upgrade': notAvailable(routes['POST /upgrade']),
});

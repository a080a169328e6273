import { json } from '../../api/respond';
import { notAvailable } from '../../api/not-available';
import { defineOperations } from '../../routing/route-group';
import group from './routes';
import { exportRisks } from './service';

const { routes } = group;

export default defineOperations(group, {
  /** chariot-ui reads `data.file`, then fetches it with `GET /file?name=` (the same `account` header). */
  'GET /risk/export': async ({ whoami, deps }) => json(200, await exportRisks(deps, whoami)),
  'GET /report/risk': notAvailable(routes['GET /report/risk']),
  'POST /export/report': notAvailable(routes['POST /export/report']),
});

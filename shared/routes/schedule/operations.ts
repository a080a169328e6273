import { objectBody } from '../../api/input';
import { json } from '../../api/respond';
import { publicView } from '../../model';
import { defineOperations } from '../../routing/route-group';
import group from './routes';
import { addSchedule, removeSchedule, scheduleView, setScheduleState, updateSchedule, type CapabilitySchedule } from './service';

/** Every answer is the bare schedule: praetorian-cli 2.x returns `resp.json()` to its caller, who reads `status`, `scheduleId`… */
const answer = (row: CapabilitySchedule) => json(200, scheduleView(publicView(row)));
const id = (pathParameters: Readonly<Record<string, string>>) => pathParameters.id ?? '';

export default defineOperations(group, {
  'POST /capability/schedule': async ({ request, whoami, deps }) => answer(await addSchedule(deps, whoami, objectBody(request))),
  'PUT /capability/schedule/{id}': async ({ request, whoami, deps }) => answer(await updateSchedule(deps, whoami, id(request.pathParameters), objectBody(request))),
  'DELETE /capability/schedule/{id}': async ({ request, whoami, deps }) => answer(await removeSchedule(deps, whoami, id(request.pathParameters))),
  'PATCH /capability/schedule/{id}/pause': async ({ request, whoami, deps }) => answer(await setScheduleState(deps, whoami, id(request.pathParameters), 'paused')),
  'PATCH /capability/schedule/{id}/resume': async ({ request, whoami, deps }) => answer(await setScheduleState(deps, whoami, id(request.pathParameters), 'active')),
});

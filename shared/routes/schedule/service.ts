/**
 * Capability schedules `#capability_schedule#<uuid>`: create, change, delete, pause, resume. Analyst or above.
 * Stored and answered as praetorian-cli 2.x reads them (Chariot's CapabilitySchedule JSON); no scheduler exists
 * here, so nothing runs them and no `nextExecution` is computed.
 */
import { randomUUID } from 'node:crypto';
import type * as z from 'zod';
import type { ApiDependencies } from '../../api/dependencies';
import { requireRole } from '../../auth/authenticate';
import type { Whoami } from '../../auth/whoami';
import { invalidInput, notFound } from '../../errors';
import { now, parseEntityKey, parseInput, type BaseRow } from '../../model';
import { capabilityNamed } from '../capabilities/catalogue';
import { NewScheduleRequest, ScheduleId, ScheduleUpdateRequest } from './routes';

type Deps = Pick<ApiDependencies, 'repository'>;

export interface CapabilitySchedule extends BaseRow {
  scheduleId: string;
  capabilityName: string;
  targetKey: string;
  weeklySchedule: z.output<typeof NewScheduleRequest>['weeklySchedule'];
  startDate: string;
  endDate?: string;
  config?: Record<string, string>;
  clientId?: string;
  status: 'active' | 'paused' | 'expired';
  createdAt: string;
  updatedAt: string;
}

/** What every answer says about running: nothing does, here. */
export const SCHEDULER_NOTE = 'none: this deployment stores schedules but has no scheduler, so nothing runs them';

export const scheduleKey = (id: string): string => `#capability_schedule#${parseInput(ScheduleId, id).toLowerCase()}`;

/** A schedule as answered: the stored row plus the note that nothing runs it. */
export const scheduleView = (row: CapabilitySchedule) => ({ ...row, scheduler: SCHEDULER_NOTE });

/** Chariot's rules: the end is not before the start; a schedule whose end has passed is expired. */
function withDates<T extends Pick<CapabilitySchedule, 'startDate' | 'endDate' | 'status'>>(schedule: T, at: Date): T {
  if (schedule.endDate && Date.parse(schedule.endDate) < Date.parse(schedule.startDate)) throw invalidInput('endDate must not be before startDate');
  const expired = schedule.endDate !== undefined && Date.parse(schedule.endDate) < at.getTime();
  return { ...schedule, status: expired ? 'expired' : schedule.status === 'expired' ? 'active' : schedule.status };
}

export async function addSchedule(deps: Deps, whoami: Whoami, body: unknown, at = new Date()): Promise<CapabilitySchedule> {
  requireRole(whoami, 'analyst');
  const input = parseInput(NewScheduleRequest, body);
  if (!capabilityNamed(input.capabilityName)) throw invalidInput(`unknown capability: ${input.capabilityName}`);
  const repository = deps.repository(whoami);
  // The target is one of the tenant's own rows: a schedule never names what the caller cannot see.
  if (!(await repository.get(parseEntityKey(input.targetKey)))) throw notFound(`target ${input.targetKey} not found`);
  const scheduleId = randomUUID();
  const stamp = now(at);
  const row = withDates<CapabilitySchedule>({ username: whoami.tenant, key: scheduleKey(scheduleId), scheduleId, ...input, status: 'active', createdAt: stamp, updatedAt: stamp }, at);
  return repository.create(row);
}

async function changeSchedule(deps: Deps, whoami: Whoami, id: string, change: (existing: CapabilitySchedule) => CapabilitySchedule): Promise<CapabilitySchedule> {
  requireRole(whoami, 'analyst');
  const key = scheduleKey(id);
  const changed = await deps.repository(whoami).change<CapabilitySchedule>(key, (existing) => {
    if (!existing) throw notFound(`${key} not found`);
    return change(existing);
  });
  return changed!;
}

export function updateSchedule(deps: Deps, whoami: Whoami, id: string, body: unknown, at = new Date()): Promise<CapabilitySchedule> {
  const { endDate, ...input } = parseInput(ScheduleUpdateRequest, body);
  return changeSchedule(deps, whoami, id, (existing) => {
    const next: CapabilitySchedule = { ...existing, ...input, updatedAt: now(at) };
    if (endDate === '') delete next.endDate;
    else if (endDate !== undefined) next.endDate = endDate;
    return withDates(next, at);
  });
}

/** `pause` → paused, `resume` → active; an expired schedule stays expired (its end has passed). */
export function setScheduleState(deps: Deps, whoami: Whoami, id: string, state: 'paused' | 'active', at = new Date()): Promise<CapabilitySchedule> {
  return changeSchedule(deps, whoami, id, (existing) => (existing.status === 'expired' || existing.status === state ? existing : { ...existing, status: state, updatedAt: now(at) }));
}

export async function removeSchedule(deps: Deps, whoami: Whoami, id: string): Promise<CapabilitySchedule> {
  requireRole(whoami, 'analyst');
  const key = scheduleKey(id);
  const removed = await deps.repository(whoami).remove<CapabilitySchedule>(key);
  if (!removed) throw notFound(`${key} not found`);
  return removed;
}

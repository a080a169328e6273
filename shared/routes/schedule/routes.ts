import * as z from 'zod';
import { defineRouteGroup } from '../../routing/route-group';

const DAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;

/** One day of the week: `{enabled, time:"HH:MM"}` (UTC); the time only matters on an enabled day. */
const Day = z
  .object({ enabled: z.boolean(), time: z.string().max(5).default('') })
  .refine((day) => !day.enabled || /^([01]?\d|2[0-3]):[0-5]?\d$/.test(day.time), 'time must be HH:MM (00:00-23:59) on an enabled day');

/** Every day present (the client always sends all seven), at least one enabled. */
export const WeeklySchedule = z
  .object(Object.fromEntries(DAYS.map((day) => [day, Day])) as Record<(typeof DAYS)[number], typeof Day>)
  .refine((week) => DAYS.some((day) => week[day].enabled), 'at least one day must be enabled');

const Rfc3339 = z.iso.datetime({ offset: true, error: 'must be an RFC 3339 date-time, e.g. 2024-01-15T00:00:00Z' });
const Config = z.record(z.string().max(256), z.string().max(4096)).refine((config) => Object.keys(config).length <= 64, 'at most 64 config entries');

/** `POST /capability/schedule` (praetorian-cli 2.x `schedules.create`). */
export const NewScheduleRequest = z.object({
  capabilityName: z.string({ error: 'capabilityName is required' }).min(1).max(128),
  targetKey: z.string({ error: 'targetKey is required' }).startsWith('#', 'targetKey must be an entity key such as #asset#<dns>#<name>').max(1024),
  weeklySchedule: WeeklySchedule,
  startDate: Rfc3339,
  endDate: Rfc3339.optional(),
  config: Config.optional(),
  clientId: z.string().max(256).optional(),
});

/** `PUT /capability/schedule/{id}` (`schedules.update`): any of these; `endDate: ""` clears the end. */
export const ScheduleUpdateRequest = z.object({
  weeklySchedule: WeeklySchedule.optional(),
  startDate: Rfc3339.optional(),
  endDate: z.union([Rfc3339, z.literal('')]).optional(),
  config: Config.optional(),
});

/** The schedule id in the path: a UUID (the client refuses anything but hex digits and dashes). */
export const ScheduleId = z.string().regex(/^[a-f0-9-]{1,64}$/i, 'schedule id must be a UUID');

const ScheduleView = z
  .looseObject({
    username: z.string(),
    key: z.string().describe('#capability_schedule#<scheduleId>'),
    scheduleId: z.string(),
    capabilityName: z.string(),
    targetKey: z.string(),
    weeklySchedule: z.record(z.string(), z.object({ enabled: z.boolean(), time: z.string() })),
    startDate: z.string(),
    endDate: z.string().optional(),
    config: z.record(z.string(), z.string()).optional(),
    clientId: z.string().optional(),
    status: z.enum(['active', 'paused', 'expired']),
    createdAt: z.string(),
    updatedAt: z.string(),
    scheduler: z.string().describe('Always says that nothing runs schedules in this deployment'),
  })
  .meta({ id: 'CapabilitySchedule' });

const bare = { 200: ScheduleView.describe('The schedule, bare (what praetorian-cli 2.x returns to its caller)') };

/**
 * Capability schedules `#capability_schedule#<uuid>` (praetorian-cli 2.x): stored, listed by `GET /my?key=#capability_schedule#`
 * (group `capabilityschedules`), updated, paused and resumed for real. This deployment has no scheduler: nothing ever
 * runs them, and every answer says so in `scheduler` (no `nextExecution` is promised).
 */
export default defineRouteGroup({
  name: 'schedule',
  service: 'operations',
  access: { table: 'readWrite' },
  routes: {
    'POST /capability/schedule': { auth: 'jwt', summary: 'Store a weekly capability schedule (nothing runs it here)', body: NewScheduleRequest, responses: bare },
    'PUT /capability/schedule/{id}': { auth: 'jwt', summary: 'Change a schedule (week, dates, config)', body: ScheduleUpdateRequest, responses: bare },
    'DELETE /capability/schedule/{id}': { auth: 'jwt', summary: 'Delete a schedule', responses: bare },
    'PATCH /capability/schedule/{id}/pause': { auth: 'jwt', summary: 'Pause a schedule (status paused)', responses: bare },
    'PATCH /capability/schedule/{id}/resume': { auth: 'jwt', summary: 'Resume a paused schedule (status active)', responses: bare },
  },
});

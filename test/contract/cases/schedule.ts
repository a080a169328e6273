/** Contract cases of the 'schedule' route group: capability schedules, stored for real (no scheduler runs them). */
import { c } from '../support/case';
import type { ContractClient } from '../support/client';

const WEEK = Object.fromEntries(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'].map((day) => [day, { enabled: day === 'monday', time: day === 'monday' ? '10:00' : '' }]));
const NEW = { capabilityName: 'whois', targetKey: '#asset#example.com#example.com', weeklySchedule: WEEK, startDate: '2030-01-15T00:00:00Z' };
const path = (id: string, action = '') => `/capability/schedule/${id}${action}`;
/** The id of the schedule addSchedule stored (listed the way praetorian-cli 2.x lists them). */
const scheduleId = async (t: ContractClient): Promise<string> => (await t.call('GET', '/my', { query: { key: '#capability_schedule#' } })).body.capabilityschedules[0].scheduleId;

export const addSchedule = c('POST /capability/schedule', 'store a weekly schedule of one of the tenant\'s rows, listed as capabilityschedules; says nothing runs it; bad input 400; a target the caller does not have 404', [], async (t) => {
  expect((await t.call('POST', '/capability/schedule', { body: NEW })).status).toBe(404);
  await t.call('PUT', '/asset', { body: { dns: 'example.com', name: 'example.com' } });
  expect((await t.call('POST', '/capability/schedule', { body: NEW, as: 'bob' })).status).toBe(404);
  const added = await t.call('POST', '/capability/schedule', { body: NEW });
  expect(added.status).toBe(200);
  expect(added.body).toMatchObject({ ...NEW, status: 'active', scheduleId: expect.stringMatching(/^[0-9a-f-]{36}$/), scheduler: expect.stringContaining('nothing runs them') });
  expect(added.body.key).toBe(`#capability_schedule#${added.body.scheduleId}`);
  expect((await t.call('GET', '/my', { query: { key: '#capability_schedule#' } })).body.capabilityschedules).toEqual([expect.objectContaining({ scheduleId: added.body.scheduleId })]);
  expect((await t.call('GET', '/my', { as: 'bob', query: { key: '#capability_schedule#' } })).body).toEqual({ capabilityschedules: [] });
  for (const bad of [
    { ...NEW, capabilityName: 'no-such-capability' },
    { ...NEW, weeklySchedule: { ...WEEK, monday: { enabled: false, time: '' } } },
    { ...NEW, weeklySchedule: { ...WEEK, monday: { enabled: true, time: '25:00' } } },
    { ...NEW, endDate: '2029-01-01T00:00:00Z' },
    { ...NEW, startDate: 'tomorrow' },
    { ...NEW, targetKey: 'example.com' },
    { capabilityName: 'whois' },
  ]) {
    expect((await t.call('POST', '/capability/schedule', { body: bad })).status).toBe(400);
  }
});

export const updateSchedule = c('PUT /capability/schedule/{id}', 'change the week and dates; 404 for an unknown id or another tenant; 400 for a bad id', [addSchedule], async (t) => {
  const id = await scheduleId(t);
  const friday = { ...WEEK, friday: { enabled: true, time: '14:30' } };
  const updated = await t.call('PUT', path(id), { body: { weeklySchedule: friday, endDate: '2031-01-01T00:00:00Z' } });
  expect(updated.status).toBe(200);
  expect(updated.body).toMatchObject({ scheduleId: id, weeklySchedule: friday, endDate: '2031-01-01T00:00:00Z', status: 'active' });
  expect((await t.call('PUT', path(id), { body: { endDate: '' } })).body.endDate).toBeUndefined();
  expect((await t.call('PUT', path(id), { as: 'bob', body: { endDate: '' } })).status).toBe(404);
  expect((await t.call('PUT', path('0000-aaaa'), { body: {} })).status).toBe(404);
  expect((await t.call('PUT', path('not_an_id'), { body: {} })).status).toBe(400);
  expect((await t.call('PUT', path(id), { body: { startDate: 'soon' } })).status).toBe(400);
});

export const pauseSchedule = c('PATCH /capability/schedule/{id}/pause', 'pause: status paused (PATCH, no body); another tenant gets 404', [addSchedule], async (t) => {
  const id = await scheduleId(t);
  expect((await t.call('PATCH', path(id, '/pause'), { as: 'bob' })).status).toBe(404);
  const paused = await t.call('PATCH', path(id, '/pause'));
  expect(paused).toMatchObject({ status: 200, body: { scheduleId: id, status: 'paused' } });
  expect((await t.call('PATCH', path(id, '/pause'))).body.status).toBe('paused');
});

export const resumeSchedule = c('PATCH /capability/schedule/{id}/resume', 'resume: status active again', [pauseSchedule], async (t) => {
  const id = await scheduleId(t);
  expect(await t.call('PATCH', path(id, '/resume'))).toMatchObject({ status: 200, body: { scheduleId: id, status: 'active' } });
  expect((await t.call('PATCH', path('abc', '/resume'))).status).toBe(404);
});

export const deleteSchedule = c('DELETE /capability/schedule/{id}', 'delete; then 404; another tenant cannot', [addSchedule], async (t) => {
  const id = await scheduleId(t);
  expect((await t.call('DELETE', path(id), { as: 'bob', body: {} })).status).toBe(404);
  expect(await t.call('DELETE', path(id), { body: {} })).toMatchObject({ status: 200, body: { scheduleId: id } });
  expect((await t.call('DELETE', path(id), { body: {} })).status).toBe(404);
  expect((await t.call('GET', '/my', { query: { key: '#capability_schedule#' } })).body).toEqual({ capabilityschedules: [] });
});

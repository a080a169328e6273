/** Contract cases of the 'schema' route group. */
import { c } from '../support/case';

export const getSchema = c('GET /schema', 'JSON Schemas of the entities by name, from the route declarations', [], async (t) => {
  const { status, body } = await t.call('GET', '/schema');
  expect(status).toBe(200);
  expect(Object.keys(body)).toEqual(expect.arrayContaining(['asset', 'risk', 'attribute', 'job', 'webpage', 'capabilityschedule']));
  expect(body.asset).toMatchObject({ type: 'object', properties: { key: expect.any(Object), dns: expect.any(Object) } });
  expect((await t.call('GET', '/schema', { as: null })).status).toBe(401);
});

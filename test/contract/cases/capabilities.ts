/** Contract cases of the 'capabilities' route group. Each case names the cases it builds on (`needs`), so it can run on its own. */
import { c } from '../support/case';

export const catalogue = c('GET /capabilities', 'catalogue and filters', [], async (t) => {
  const all = await t.call('GET', '/capabilities');
  expect(all.status).toBe(200);
  expect(all.body.length).toBeGreaterThan(5);
  const nuclei = await t.call('GET', '/capabilities', { query: { name: 'nuclei' } });
  expect(nuclei.body.map((x: { name: string }) => x.name)).toEqual(['nuclei']);
  const aegis = await t.call('GET', '/capabilities', { query: { executor: 'aegis', target: 'asset' } });
  expect(aegis.body.every((x: { executor: string }) => x.executor === 'aegis')).toBe(true);
  expect((await t.call('GET', '/capabilities', { query: { name: 'nope' } })).body).toEqual([]);
});

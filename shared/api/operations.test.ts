import { ROUTES, routeId } from '../routing/routes';
import { OPERATIONS } from './operations';

test('the operations map and the route table name exactly the same routes', () => {
  expect(Object.keys(OPERATIONS).sort()).toEqual(ROUTES.map(routeId).sort());
});

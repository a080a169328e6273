import { Unavailable } from '../../errors';
import type { Whoami } from '../../auth/whoami';
import { searchGraphOf } from './service';

const who: Whoami = { username: 'ada@example.com', tenant: 'ada@example.com', role: 'admin', credential: 'jwt' };
const query = { node: { labels: ['Asset'] } };

test('graph search answers 503, not 500, when the process has no graph or cannot open it', async () => {
  await expect(searchGraphOf({}, who, query)).rejects.toBeInstanceOf(Unavailable);
  const failing = searchGraphOf({ graph: () => Promise.reject(new Error('AccessDenied: secret')) }, who, query);
  await expect(failing).rejects.toBeInstanceOf(Unavailable);
  await expect(failing).rejects.toMatchObject({ message: 'graph database unavailable' });
});

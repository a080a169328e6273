/**
 * How the idempotency record of `POST /key` keeps no secret: the answer (the bare key) is stored without
 * `secret` and `token` (the only place the secret exists is the caller's copy; the table keeps its hash), and a
 * replay gives the key that the first request created a new secret (see `reissueApiKeySecret`). So a retry after
 * a timeout still converges on one key, and gets a secret that works, while the table, its backups and its
 * stream never hold one in clear. Why this and not an encrypted copy: docs/reliability.md.
 */
import type { ApiDependencies } from '../../api/dependencies';
import type { ReplayPolicy } from '../../api/idempotency';
import { json } from '../../api/respond';
import { reissueApiKeySecret } from './service';

interface CreatedKeyBody {
  readonly id: string;
  readonly secret?: string;
  readonly token?: string;
}

export const apiKeyReplay = (deps: Pick<ApiDependencies, 'repository'>): ReplayPolicy => ({
  persist: (response) => {
    const { secret: _secret, token: _token, ...view } = response.body as CreatedKeyBody;
    return { ...response, body: view };
  },
  async replay(stored, whoami) {
    return json(stored.status, await reissueApiKeySecret(deps, whoami!, (stored.body as CreatedKeyBody).id));
  },
});

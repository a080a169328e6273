import { json } from '../../api/respond';
import { defineOperations } from '../../routing/route-group';
import group from './routes';

/**
 * `GET /token`: praetorian-cli 2.x's API-key sign-in. It reads `token` (else `IdToken`) and sends it as
 * `Authorization: Bearer`; `ExpiresIn`/`TokenType` are there for clients that read them as Cognito's.
 */
export default defineOperations(group, {
  'GET /token': async ({ request, deps }) => {
    const { token, expiresIn } = await deps.exchangeApiKey(request.headers);
    return json(200, { token, ExpiresIn: expiresIn, TokenType: 'Bearer' });
  },
});

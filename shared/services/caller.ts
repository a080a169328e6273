import type { Whoami } from '../auth/whoami';
import { unauthorized } from '../http/errors';

/** The authenticated caller of a `jwt` route (the dispatcher guarantees one; this keeps the types honest). */
export function caller(whoami: Whoami | undefined): Whoami {
  if (!whoami) throw unauthorized('missing credentials');
  return whoami;
}

import type { Whoami } from '../auth/whoami';
import { unauthenticated } from '../errors';

/** The authenticated caller of a `jwt` route (the dispatcher guarantees one; this keeps the types honest). */
export function caller(whoami: Whoami | undefined): Whoami {
  if (!whoami) throw unauthenticated('missing credentials');
  return whoami;
}

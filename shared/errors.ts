/**
 * Domain errors: what went wrong, in the core's terms. The model, repository, auth, graph, files and
 * services raise these; they know nothing of HTTP. The one mapping to a status and `{"error": message}`
 * is `errorResponse` in shared/api/respond.ts, at the edge. Non-HTTP consumers (the stream projector,
 * the local poller) see the same classes, e.g. `Unavailable` when Neo4j is down.
 */
export abstract class DomainError extends Error {
  /** Which failure this is; the edge maps each kind to one HTTP status. */
  abstract readonly kind: DomainErrorKind;
}

export type DomainErrorKind =
  | 'invalid-input'
  | 'unauthenticated'
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  | 'payload-too-large'
  | 'unavailable'
  | 'not-implemented';

/** A DomainError subclass of one kind, named as it is exported (`error.name` shows in logs). */
const kindOf = (kind: DomainErrorKind, name: string) =>
  class extends DomainError {
    readonly kind = kind;
    override readonly name = name;
  };

/** The caller's input is malformed or breaks a rule (a bad key, an unknown field, invalid JSON). */
export class InvalidInput extends kindOf('invalid-input', 'InvalidInput') {}
/** No credential, or one that does not prove who the caller is (expired, tampered, revoked). */
export class Unauthenticated extends kindOf('unauthenticated', 'Unauthenticated') {}
/** The caller is known but may not do this (role, tenant, signed URL). */
export class Forbidden extends kindOf('forbidden', 'Forbidden') {}
export class NotFound extends kindOf('not-found', 'NotFound') {}
/** A concurrent writer kept winning: nothing was written. */
export class Conflict extends kindOf('conflict', 'Conflict') {}
/** The input is well-formed but too large to serve or store. */
export class PayloadTooLarge extends kindOf('payload-too-large', 'PayloadTooLarge') {}
/** A dependency (Neo4j, the JWKS, file storage) is down or not configured here; retrying later may work. */
export class Unavailable extends kindOf('unavailable', 'Unavailable') {}
/** The route exists but this process serves no operation for it. */
export class NotImplemented extends kindOf('not-implemented', 'NotImplemented') {}

export const invalidInput = (message: string) => new InvalidInput(message);
export const unauthenticated = (message = 'unauthorized') => new Unauthenticated(message);
export const forbidden = (message = 'forbidden') => new Forbidden(message);
export const notFound = (message = 'not found') => new NotFound(message);
export const conflict = (message: string) => new Conflict(message);
export const payloadTooLarge = (message: string) => new PayloadTooLarge(message);
export const unavailable = (message: string) => new Unavailable(message);
export const notImplemented = (message: string) => new NotImplemented(message);

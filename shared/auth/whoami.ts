/** Roles, weakest first. `admin` > `analyst` > `readonly`; an empty role means `readonly`. */
export const ROLES = ['readonly', 'analyst', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const roleRank = (role: Role): number => ROLES.indexOf(role);
export const roleAtLeast = (role: Role, needed: Role): boolean => roleRank(role) >= roleRank(needed);

/** Who is calling, and in which tenant they act. Every read and write is scoped to `tenant`. */
export interface Whoami {
  /** The authenticated principal: the user's email (or the API key's creator). */
  readonly username: string;
  /** The tenant (partition) this request acts in: the caller's own, or the one named by the `account` header. */
  readonly tenant: string;
  readonly role: Role;
  /** How the caller proved who they are. */
  readonly credential: 'jwt' | 'apikey' | 'webhook';
}

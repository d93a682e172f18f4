import type { Role } from "../storage/storage.ts";

/** Who is asking, as `authenticate` reports it. */
export interface Principal {
  /** A display name, shown to other editors. */
  user: string;
  role: Role;
  /** When set, the principal may only see this issue and its pages. */
  issueId?: string | null;
  /** Set by Galley's own token check: the id of the token (or session) used, so revoking it can close its sockets. */
  tokenId?: string;
}

/**
 * Decides who sent a request: the default reads Galley's own tokens (`Authorization: Bearer`,
 * `?token=`, the `galley_session` cookie); a host CMS passes its own. Returns null for an
 * anonymous or unknown caller. Websocket upgrades arrive here too (headers and URL only).
 */
export type Authenticate = (request: Request) => Principal | null | Promise<Principal | null>;

const rank: Record<Role, number> = { viewer: 0, editor: 1, admin: 2 };

/** Whether `role` includes everything `needed` may do. */
export function roleAllows(role: Role, needed: Role): boolean {
  return rank[role] >= rank[needed];
}

/**
 * The principal's role for an issue, or null when the principal is limited to another issue.
 * `issueId` null asks about the whole installation (creating issues, listing every issue):
 * only an unlimited principal has a role there.
 */
export function roleFor(principal: Principal, issueId: string | null): Role | null {
  if (!principal.issueId) return principal.role;
  return issueId === principal.issueId ? principal.role : null;
}

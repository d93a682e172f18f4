import { createHash, randomBytes } from "node:crypto";
import type { Role, Storage, TokenKind, TokenRecord } from "../storage/storage.ts";

/** The roles, weakest first. */
export const roles = ["viewer", "editor", "admin"] as const satisfies readonly Role[];

/** Whether `value` names a role. */
export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (roles as readonly string[]).includes(value);
}

/** A new token: 32 random bytes, base64url (43 characters). Shown once; only its hash is stored. */
export function generateToken(): string {
  return randomBytes(32).toString("base64url");
}

/** The SHA-256 of a token, hex: the key under which it is stored. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** A token's public id: `t-` and the first 16 hex digits of its hash (what listing shows, what revoking takes). */
export function tokenIdOf(hash: string): string {
  return `t-${hash.slice(0, 16)}`;
}

/** What a new token grants. */
export interface TokenGrant {
  role: Role;
  /** Limits the token to one issue; absent or null for every issue. */
  issueId?: string | null;
  /** The holder's name, shown to other editors; defaults to the role. */
  user?: string;
  /** A label for whoever manages tokens. */
  name?: string | null;
  kind?: TokenKind;
  /** Lifetime in milliseconds; absent for a token that does not expire. */
  ttlMs?: number;
  /** For a session: the id of the token it is started with. */
  parentId?: string | null;
}

/** Lifetime of a one-time login link: one day. */
export const loginTokenTtlMs = 24 * 60 * 60 * 1000;

/** Lifetime of a browser session: thirty days. */
export const sessionTtlMs = 30 * 24 * 60 * 60 * 1000;

/** Creates and stores a token, returning the token itself (the only time it exists in clear). */
export async function issueToken(
  storage: Storage,
  grant: TokenGrant,
): Promise<{ token: string; record: TokenRecord }> {
  const token = generateToken();
  const now = Date.now();
  const hash = hashToken(token);
  const record: TokenRecord = {
    hash,
    id: tokenIdOf(hash),
    kind: grant.kind ?? "access",
    role: grant.role,
    issueId: grant.issueId ?? null,
    user: grant.user ?? grant.name ?? grant.role,
    name: grant.name ?? null,
    createdAt: new Date(now).toISOString(),
    expiresAt: grant.ttlMs === undefined ? null : new Date(now + grant.ttlMs).toISOString(),
    lastUsedAt: null,
    parentId: grant.parentId ?? null,
  };
  await storage.createToken(record);
  return { token, record };
}

/** Whether a stored token is past its expiry at `now` (ms since the epoch). */
export function isExpired(record: TokenRecord, now = Date.now()): boolean {
  return record.expiresAt !== null && Date.parse(record.expiresAt) <= now;
}

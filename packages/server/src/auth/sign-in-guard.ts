import type { Logger } from "../logger.ts";

/** How many failed sign-ins the server checks before it makes callers wait. */
export interface SignInLimits {
  /** Failed sign-ins one client address may make at once (default 10)… */
  perAddressBurst: number;
  /** …and then one more each this many milliseconds (default 6,000: ten a minute). */
  perAddressRefillMs: number;
  /** Failed sign-ins the whole server checks at once, from any address (default 200)… */
  globalBurst: number;
  /** …and then this many a second (default 50). */
  globalPerSecond: number;
  /** Client addresses remembered at most (default 10,000); the longest quiet is forgotten first. */
  maxAddresses: number;
}

/** The default sign-in limits. */
export const defaultSignInLimits: SignInLimits = {
  perAddressBurst: 10,
  perAddressRefillMs: 6_000,
  globalBurst: 200,
  globalPerSecond: 50,
  maxAddresses: 10_000,
};

/** A token bucket: `tokens` left as of `at` (ms). */
interface Bucket {
  tokens: number;
  at: number;
  /** Attempts refused while it was empty, not yet reported. */
  refused: number;
  limited: boolean;
}

/** How many recently accepted credentials pass the server-wide limit without waiting. */
const recentlyAcceptedMax = 10_000;
const recentlyAcceptedMs = 15 * 60_000;

/**
 * Rate-limits failed sign-ins — any request whose credential (Bearer, `?token=`, cookie, a
 * sign-in link, `POST /api/session`, a websocket's token) is refused — and logs them.
 *
 * Each client address has a token bucket of failures (`perAddressBurst`, refilled one per
 * `perAddressRefillMs`); an address whose bucket is empty gets 429 for every credential it sends,
 * before the credential is looked at, until it refills — so its guesses cost the server nothing
 * and tell the guesser nothing. IPv6 addresses count by their /64, which one attacker holds
 * whole. Other addresses are not affected.
 *
 * A second bucket counts failures from everywhere (`globalBurst`, `globalPerSecond`), for an
 * attack spread over many addresses: while it is empty, credentials the server has not accepted
 * recently wait (429, `Retry-After: 1`), but those it accepted in the last 15 minutes — the
 * people already working — go on, so such an attack delays new sign-ins by a second or so
 * while it lasts and locks no one out.
 *
 * Memory is bounded: at most `maxAddresses` address buckets and 10,000 recent credentials.
 */
export class SignInGuard {
  private readonly addresses = new Map<string, Bucket>();
  private readonly global: Bucket;
  private readonly accepted = new Map<string, number>();

  constructor(
    private readonly limits: SignInLimits,
    private readonly logger: Logger,
    private readonly now: () => number = Date.now,
  ) {
    this.global = { tokens: limits.globalBurst, at: now(), refused: 0, limited: false };
  }

  /** How many client addresses it remembers now (bounded by `maxAddresses`). */
  get addressCount(): number {
    return this.addresses.size;
  }

  /**
   * Before a credential from `address` is looked at: null to go ahead, or how many seconds the
   * caller must wait (answer 429). `credential` is the credential's hash.
   */
  admit(address: string, credential: string): number | null {
    const now = this.now();
    const bucket = this.addresses.get(addressKey(address));
    if (bucket) {
      this.refill(bucket, this.limits.perAddressBurst, 1 / this.limits.perAddressRefillMs, now);
      if (bucket.tokens < 1) {
        bucket.refused++;
        return Math.ceil(((1 - bucket.tokens) * this.limits.perAddressRefillMs) / 1000);
      }
    }
    this.refill(this.global, this.limits.globalBurst, this.limits.globalPerSecond / 1000, now);
    if (this.global.tokens < 1 && !this.isRecentlyAccepted(credential, now)) {
      this.global.refused++;
      return 1;
    }
    return null;
  }

  /** A credential from `address` was refused (`where`: what it was for, for the log). */
  failed(address: string, where: string): void {
    const now = this.now();
    const key = addressKey(address);
    let bucket = this.addresses.get(key);
    if (bucket) {
      this.addresses.delete(key);
      this.refill(bucket, this.limits.perAddressBurst, 1 / this.limits.perAddressRefillMs, now);
    } else {
      bucket = { tokens: this.limits.perAddressBurst, at: now, refused: 0, limited: false };
      while (this.addresses.size >= this.limits.maxAddresses) {
        const oldest = this.addresses.keys().next().value;
        if (oldest === undefined) break;
        this.addresses.delete(oldest);
      }
    }
    // Re-inserted: the Map's order is the order of the last failure, oldest first.
    this.addresses.set(key, bucket);
    bucket.tokens = Math.max(0, bucket.tokens - 1);
    this.global.tokens = Math.max(0, this.global.tokens - 1);
    const context = { address, where, ...(bucket.refused ? { refusedWhileLimited: bucket.refused } : {}) };
    bucket.refused = 0;
    if (bucket.tokens < 1) {
      const wait = Math.ceil(this.limits.perAddressRefillMs / 1000);
      this.logger.warn(`failed sign-in; this address must now wait ${wait} s between attempts`, context);
      bucket.limited = true;
    } else {
      this.logger.warn("failed sign-in", context);
      bucket.limited = false;
    }
    if (this.global.tokens < 1 && !this.global.limited) {
      this.global.limited = true;
      this.logger.warn("failed sign-ins over the server-wide limit; new sign-ins wait", {
        perSecond: this.limits.globalPerSecond,
      });
    } else if (this.global.tokens >= 1 && this.global.limited) {
      this.logger.info("failed sign-ins back under the server-wide limit", { refused: this.global.refused });
      this.global.limited = false;
      this.global.refused = 0;
    }
  }

  /** A credential (its hash) was accepted: it passes the server-wide limit for a while. */
  succeeded(credential: string): void {
    this.accepted.delete(credential);
    this.accepted.set(credential, this.now() + recentlyAcceptedMs);
    while (this.accepted.size > recentlyAcceptedMax) {
      const oldest = this.accepted.keys().next().value;
      if (oldest === undefined) break;
      this.accepted.delete(oldest);
    }
  }

  private isRecentlyAccepted(credential: string, now: number): boolean {
    const until = this.accepted.get(credential);
    return until !== undefined && until > now;
  }

  private refill(bucket: Bucket, capacity: number, perMs: number, now: number): void {
    bucket.tokens = Math.min(capacity, bucket.tokens + (now - bucket.at) * perMs);
    bucket.at = now;
  }
}

/**
 * The key an address is counted under: an IPv4 address as it is (also when IPv4-mapped in
 * IPv6), an IPv6 address by its first 64 bits.
 */
export function addressKey(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1]!;
  if (!address.includes(":")) return address;
  const [head = "", tail = ""] = address.split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = address.includes("::")
    ? [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill("0"), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.toLowerCase().replace(/^0+(?=.)/, ""))
    .join(":")}::/64`;
}

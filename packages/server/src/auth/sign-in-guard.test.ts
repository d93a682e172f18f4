import { describe, expect, it } from "vitest";
import { silentLogger } from "../logger.ts";
import { addressKey, defaultSignInLimits, SignInGuard } from "./sign-in-guard.ts";

function guard(limits: Partial<typeof defaultSignInLimits> = {}) {
  const clock = { now: 1_000_000 };
  const lines: string[] = [];
  const logger = { ...silentLogger, warn: (message: string) => lines.push(message) };
  const g = new SignInGuard({ ...defaultSignInLimits, ...limits }, logger, () => clock.now);
  return { g, clock, lines };
}

describe("SignInGuard", () => {
  it("lets an address fail its burst, then makes it wait until one attempt refills", () => {
    const { g, clock } = guard({ perAddressBurst: 3, perAddressRefillMs: 6_000 });
    for (let i = 0; i < 3; i++) {
      expect(g.admit("203.0.113.7", "h")).toBeNull();
      g.failed("203.0.113.7", "test");
    }
    expect(g.admit("203.0.113.7", "h")).toBe(6);
    clock.now += 5_999;
    expect(g.admit("203.0.113.7", "h")).toBe(1);
    clock.now += 1;
    expect(g.admit("203.0.113.7", "h")).toBeNull();
  });

  it("does not hold one address's failures against another", () => {
    const { g } = guard({ perAddressBurst: 2 });
    g.failed("203.0.113.7", "test");
    g.failed("203.0.113.7", "test");
    expect(g.admit("203.0.113.7", "h")).not.toBeNull();
    expect(g.admit("198.51.100.1", "h")).toBeNull();
  });

  it("counts an IPv6 /64 as one address", () => {
    const { g } = guard({ perAddressBurst: 2 });
    g.failed("2001:db8:1:2::1", "test");
    g.failed("2001:db8:1:2:ffff::9", "test");
    expect(g.admit("2001:db8:1:2:abcd::1", "h")).not.toBeNull();
    expect(g.admit("2001:db8:1:3::1", "h")).toBeNull();
  });

  it("makes unknown credentials wait server-wide once failures from everywhere pass the limit, but not ones it accepted lately", () => {
    const { g, clock, lines } = guard({ globalBurst: 3, globalPerSecond: 2 });
    g.succeeded("known");
    for (const address of ["192.0.2.1", "192.0.2.2", "192.0.2.3"]) g.failed(address, "test");
    expect(g.admit("192.0.2.4", "fresh")).toBe(1);
    expect(g.admit("192.0.2.4", "known")).toBeNull();
    expect(lines).toContain("failed sign-ins over the server-wide limit; new sign-ins wait");
    clock.now += 500;
    expect(g.admit("192.0.2.4", "fresh")).toBeNull();
  });

  it("logs every failure it checks and says when an address starts waiting", () => {
    const { g, lines } = guard({ perAddressBurst: 2 });
    g.failed("192.0.2.9", "test");
    g.failed("192.0.2.9", "test");
    expect(lines).toEqual([
      "failed sign-in",
      "failed sign-in; this address must now wait 6 s between attempts",
    ]);
  });

  it("remembers at most maxAddresses addresses", () => {
    const { g } = guard({ maxAddresses: 100 });
    for (let i = 0; i < 1000; i++) g.failed(`10.0.${i >> 8}.${i & 255}`, "test");
    expect(g.addressCount).toBe(100);
  });
});

describe("addressKey", () => {
  it("keeps IPv4, unwraps IPv4-mapped IPv6 and cuts IPv6 to its /64", () => {
    expect(addressKey("203.0.113.7")).toBe("203.0.113.7");
    expect(addressKey("::ffff:203.0.113.7")).toBe("203.0.113.7");
    expect(addressKey("2001:DB8:0001:0002:0:0:0:1")).toBe("2001:db8:1:2::/64");
    expect(addressKey("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(addressKey("::1")).toBe("0:0:0:0::/64");
  });
});

import { createGalleyApp, issueToken, openSqliteStorage, type Storage, silentLogger } from "@galley/server";
import { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedPage, startTestServer, type TestServer } from "../server/helpers/server.ts";

/**
 * Issue 13, item 5: a page on the same site (another port of the same host: its requests carry
 * the SameSite=Lax cookie) auto-submitted a `text/plain` form and a `no-cors` fetch to
 * `POST /api/issues/B/pages` with the admin's cookie, and both pages were created; a cross-site
 * link to `/?token=<attacker's token>` replaced the victim's session. These are the requests a
 * browser sends in those attacks (the browser test in `cross-site-browser.test.ts` sends them
 * from a real page).
 */

describe("cross-site requests riding on the session cookie", () => {
  let server: TestServer;
  let cookie: string;
  let nextNumber = 50;

  beforeAll(async () => {
    server = await startTestServer();
    cookie = await signInCookie(server, server.tokens.admin);
  });
  afterAll(async () => {
    await server.close();
  });

  const upload = (headers: Record<string, string>) =>
    fetch(`${server.url}/api/issues/${server.issueId}/pages?number=${nextNumber++}&format=text`, {
      method: "POST",
      headers: { "content-type": "text/plain", ...headers },
      body: seedPage,
    });
  const pageCount = async () =>
    ((await (await server.api(`/api/issues/${server.issueId}`)).json()) as { pages: unknown[] }).pages.length;

  it("refuses a same-site form post (Sec-Fetch-Site: same-site) and creates nothing", async () => {
    const before = await pageCount();
    const response = await upload({ cookie, origin: "http://127.0.0.1:9", "sec-fetch-site": "same-site" });
    expect(response.status).toBe(403);
    expect(((await response.json()) as { error: string }).error).toMatch(/same-site request/);
    expect(await pageCount()).toBe(before);
  });

  it("refuses a cross-site request from a browser that sends Origin but no Sec-Fetch-Site", async () => {
    const response = await upload({ cookie, origin: "https://evil.example" });
    expect(response.status).toBe(403);
  });

  it("refuses a request from an opaque origin (a sandboxed frame)", async () => {
    expect((await upload({ cookie, origin: "null" })).status).toBe(403);
  });

  it("accepts the same request from Galley's own pages", async () => {
    const own = new URL(server.url).origin;
    expect((await upload({ cookie, origin: own, "sec-fetch-site": "same-origin" })).status).toBe(201);
    expect((await upload({ cookie, origin: own })).status).toBe(201);
  });

  it("does not check API clients that send a bearer token", async () => {
    const response = await upload({
      authorization: `Bearer ${server.tokens.admin}`,
      origin: "https://evil.example",
    });
    expect(response.status).toBe(201);
  });

  it("refuses a cross-site sign-out (DELETE /api/session) and keeps the session", async () => {
    const response = await fetch(`${server.url}/api/session`, {
      method: "DELETE",
      headers: { cookie, origin: "https://evil.example", "sec-fetch-site": "cross-site" },
    });
    expect(response.status).toBe(403);
    expect((await fetch(`${server.url}/api/me`, { headers: { cookie } })).status).toBe(200);
  });

  it("never replaces a signed-in session from a link: the attacker's token is not traded", async () => {
    const attacker = await issueToken(server.storage, { role: "viewer", name: "Mallory" });
    const response = await fetch(`${server.url}/?token=${attacker.token}`, {
      headers: { cookie, "sec-fetch-site": "cross-site" },
      redirect: "manual",
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("set-cookie")).toBeNull();
    const me = (await (await fetch(`${server.url}/api/me`, { headers: { cookie } })).json()) as {
      user: string;
    };
    expect(me.user).toBe("Ada");
  });

  it("still signs in from a link a browser that is not signed in, or signed in as the same person", async () => {
    const login = await issueToken(server.storage, {
      role: "editor",
      name: "Eddie",
      kind: "login",
      ttlMs: 60_000,
    });
    const fresh = await fetch(`${server.url}/pages/x?token=${login.token}`, { redirect: "manual" });
    expect(fresh.status).toBe(302);
    expect(fresh.headers.get("location")).toBe("/pages/x");
    const again = await fetch(`${server.url}/?token=${server.tokens.admin}`, {
      headers: { cookie },
      redirect: "manual",
    });
    expect(again.status).toBe(302);
    expect(again.headers.get("set-cookie")).toMatch(/^galley_session=/);
  });

  it("ends only the caller's own session on DELETE /api/session, never an access token in the cookie", async () => {
    const access = await issueToken(server.storage, { role: "editor", name: "Ann" });
    const response = await fetch(`${server.url}/api/session`, {
      method: "DELETE",
      headers: { cookie: `galley_session=${access.token}` },
    });
    expect(response.status).toBe(204);
    expect((await server.api("/api/me", { token: access.token })).status).toBe(200);
  });
});

describe("the origin check in a host app (mounted under a prefix, behind a proxy)", () => {
  let storage: Storage;
  let host: Hono;
  let cookie: string;

  beforeAll(async () => {
    storage = openSqliteStorage({ file: ":memory:" });
    const session = await issueToken(storage, { role: "admin", name: "Ada", kind: "session", ttlMs: 60_000 });
    cookie = `galley_session=${session.token}`;
    const galley = createGalleyApp({
      storage,
      logger: silentLogger,
      trustedOrigins: ["https://cms.example.org"],
    });
    host = new Hono();
    host.route("/galley", galley.app);
  });
  afterAll(async () => {
    await storage.close();
  });

  /** `POST /galley/api/issues` as the proxy forwards it: to the internal address, with X-Forwarded-Host. */
  const create = (origin: string) =>
    host.request("http://10.0.0.5:8787/galley/api/issues", {
      method: "POST",
      headers: {
        cookie,
        origin,
        host: "10.0.0.5:8787",
        "x-forwarded-host": "galley.example.org",
        "content-type": "application/json",
      },
      body: JSON.stringify({ title: "T", date: "2025-01-01" }),
    });

  it("accepts the public origin the proxy forwarded for", async () => {
    expect((await create("https://galley.example.org")).status).toBe(201);
  });

  it("accepts a configured trusted origin", async () => {
    expect((await create("https://cms.example.org")).status).toBe(201);
  });

  it("refuses any other origin", async () => {
    expect((await create("https://evil.example")).status).toBe(403);
  });
});

/** Signs in with `token` as a browser would and returns the `Cookie` header it then sends. */
async function signInCookie(server: TestServer, token: string): Promise<string> {
  const response = await fetch(`${server.url}/api/session`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ token }),
  });
  return (response.headers.get("set-cookie") ?? "").split(";")[0]!;
}

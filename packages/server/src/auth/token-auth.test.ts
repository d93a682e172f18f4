import { describe, expect, it } from "vitest";
import { openSqliteStorage } from "../storage/sqlite/sqlite-storage.ts";
import { createTokenAuthenticator, readCookie, readCredential } from "./token-auth.ts";
import { issueToken } from "./tokens.ts";

const request = (url: string, headers: Record<string, string> = {}) => new Request(url, { headers });

describe("readCredential", () => {
  it("prefers the Authorization header, then ?token=, then the session cookie", () => {
    const all = { authorization: "Bearer AAA", cookie: "galley_session=CCC" };
    expect(readCredential(request("http://x/api/me?token=BBB", all))).toEqual({
      token: "AAA",
      source: "bearer",
    });
    expect(readCredential(request("http://x/api/me?token=BBB", { cookie: "galley_session=CCC" }))).toEqual({
      token: "BBB",
      source: "query",
    });
    expect(readCredential(request("http://x/api/me", { cookie: "a=1; galley_session=CCC" }))).toEqual({
      token: "CCC",
      source: "cookie",
    });
    expect(readCredential(request("http://x/api/me"))).toBeNull();
  });

  it("does not fall back to another credential when the header is not a bearer token", () => {
    expect(readCredential(request("http://x/?token=BBB", { authorization: "Basic Zm9v" }))).toEqual({
      token: "",
      source: "bearer",
    });
  });
});

describe("readCookie", () => {
  it("finds one cookie among several and decodes it", () => {
    expect(readCookie("a=1; galley_session=x%2By; b=2", "galley_session")).toBe("x+y");
    expect(readCookie("galley_sessionx=1", "galley_session")).toBeNull();
    expect(readCookie(null, "galley_session")).toBeNull();
  });
});

describe("createTokenAuthenticator", () => {
  it("accepts access tokens, refuses login tokens and expired ones", async () => {
    const storage = openSqliteStorage({ file: ":memory:" });
    const authenticate = createTokenAuthenticator(storage);
    const bearer = (token: string) => request("http://x/api/me", { authorization: `Bearer ${token}` });
    const access = await issueToken(storage, { role: "editor", issueId: "i-1", name: "Ann" });
    const login = await issueToken(storage, { role: "admin", kind: "login", ttlMs: 60_000 });
    const expired = await issueToken(storage, { role: "admin", ttlMs: -1 });
    expect(await authenticate(bearer(access.token))).toEqual({
      user: "Ann",
      role: "editor",
      issueId: "i-1",
      tokenId: access.record.id,
    });
    expect(await authenticate(bearer(login.token))).toBeNull();
    expect(await authenticate(bearer(expired.token))).toBeNull();
    expect(await authenticate(bearer("nonsense"))).toBeNull();
    await storage.close();
  });
});

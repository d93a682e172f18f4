import { describe, expect, it } from "vitest";
import { matchRoute, routePath, takeToken } from "./router.ts";

describe("matchRoute", () => {
  it("matches the three views and round-trips their paths", () => {
    for (const route of [
      { name: "issues" },
      { name: "issue", issueId: "i 1" },
      { name: "page", pageId: "p-7" },
    ] as const) {
      expect(matchRoute(routePath(route))).toEqual(route);
    }
  });

  it("ignores a trailing slash and reports unknown paths", () => {
    expect(matchRoute("/pages/p1/")).toEqual({ name: "page", pageId: "p1" });
    expect(matchRoute("/nope/x")).toEqual({ name: "not-found", path: "/nope/x" });
  });
});

describe("takeToken", () => {
  it("takes the token out and keeps everything else", () => {
    expect(takeToken("http://h:1/pages/p1?token=abc&x=1#top")).toEqual({
      token: "abc",
      cleanUrl: "/pages/p1?x=1#top",
    });
  });

  it("is null without a token", () => {
    expect(takeToken("http://h:1/")).toBe(null);
  });
});

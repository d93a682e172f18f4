import { describe, expect, it } from "vitest";
import {
  allowsInlineSpans,
  attrsForRole,
  blockRoles,
  isBlockRole,
  isPageLevelRole,
  roleOf,
} from "./roles.ts";
import { pageSchema } from "./schema.ts";

const block = (attrs: Record<string, unknown>) => pageSchema.node("block", attrs, pageSchema.text("x"));

describe("roleOf", () => {
  it("reads the role attribute of a block", () => {
    for (const role of blockRoles) expect(roleOf(block({ role }))).toBe(role);
  });

  it("is null for the page, an article and text", () => {
    const article = pageSchema.node("article", { id: "a1" }, [block({})]);
    expect(roleOf(article)).toBe(null);
    expect(roleOf(pageSchema.node("page", null, [article]))).toBe(null);
    expect(roleOf(pageSchema.text("x"))).toBe(null);
  });

  it("reads a block without a known role as a paragraph", () => {
    expect(roleOf(block({}))).toBe("paragraph");
    expect(roleOf(block({ role: "title" }))).toBe("paragraph");
  });
});

describe("attrsForRole", () => {
  it("keeps lines, confidence and the attributes the role uses", () => {
    expect(
      attrsForRole("furniture", { role: "paragraph", lines: ["4"], confidence: 0.5, kind: "folio" }),
    ).toEqual({
      role: "furniture",
      lines: ["4"],
      confidence: 0.5,
      inline: null,
      kind: "folio",
      article: null,
      cutBefore: null,
      cutAfter: null,
    });
  });

  it("keeps the cut marks that pair the halves of a cut block", () => {
    const attrs = attrsForRole("headline", { role: "paragraph", cutBefore: "c-1", cutAfter: "c-2" });
    expect([attrs.cutBefore, attrs.cutAfter]).toEqual(["c-1", "c-2"]);
  });

  it("sets the attributes the role has no use for to null", () => {
    const attrs = attrsForRole("headline", { lines: ["1"], inline: "start", kind: "folio", article: "a1" });
    expect(attrs).toEqual({
      role: "headline",
      lines: ["1"],
      confidence: null,
      inline: null,
      kind: null,
      article: null,
      cutBefore: null,
      cutAfter: null,
    });
  });

  it("rejects an unknown role", () => {
    expect(() => attrsForRole("title" as "headline", {})).toThrow(RangeError);
  });
});

describe("role predicates", () => {
  it("knows the eight roles", () => {
    expect(blockRoles.filter(isBlockRole)).toHaveLength(8);
    expect(isBlockRole("title")).toBe(false);
    expect(isBlockRole(3)).toBe(false);
  });

  it("sets only captions and furniture apart at page level", () => {
    expect(blockRoles.filter(isPageLevelRole)).toEqual(["caption", "furniture"]);
  });

  it("gives inline spans to paragraphs only", () => {
    expect(blockRoles.filter(allowsInlineSpans)).toEqual(["paragraph"]);
  });
});

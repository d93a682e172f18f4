import { roleOf } from "@galley/doc";
import { describe, expect, it } from "vitest";
import { article, bylineSpan, caption, datelineSpan, doc, headline, p } from "../builder.ts";
import { setBlockRole } from "./set-block-role.ts";
import { run } from "./test-helpers.ts";

describe("setBlockRole", () => {
  it("promotes a paragraph to headline, keeping lines and confidence", () => {
    const { ok, doc: out } = run(
      doc(article({ id: "a1" }, p({ lines: ["3", "4"], confidence: 0.4 }, "Big <a>news"), p("body"))),
      setBlockRole("headline"),
    );
    expect(ok).toBe(true);
    const block = out.child(0).child(0);
    expect(roleOf(block)).toBe("headline");
    expect(block.attrs.lines).toEqual(["3", "4"]);
    expect(block.attrs.confidence).toBe(0.4);
    expect(block.textContent).toBe("Big news");
  });

  it("changes every block the selection touches", () => {
    const { doc: out } = run(
      doc(article({ id: "a1" }, p("o<a>ne"), p("two"), p("th<b>ree"))),
      setBlockRole("caption"),
    );
    expect([0, 1, 2].map((i) => roleOf(out.child(0).child(i)))).toEqual(["caption", "caption", "caption"]);
  });

  it("drops inline spans the new role does not allow", () => {
    const { doc: out } = run(
      doc(article({ id: "a1" }, p("<a>text ", bylineSpan("By Ann")))),
      setBlockRole("headline"),
    );
    expect(out.child(0).child(0).textContent).toBe("text By Ann");
    expect(out.child(0).child(0).firstChild!.marks).toEqual([]);
  });

  it("keeps attributes only the new role has a use for", () => {
    const { doc: out } = run(
      doc(article({ id: "a1" }, caption({ article: "a1", lines: ["9"] }, "<a>pic"))),
      setBlockRole("furniture"),
    );
    const block = out.child(0).child(0);
    expect(block.attrs.kind).toBe(null);
    expect(block.attrs.lines).toEqual(["9"]);
    expect(block.attrs.article).toBe(null);
  });

  it("changes the role attribute of the same node type, in one step per block", () => {
    const start = doc(article({ id: "a1" }, p({ lines: ["3"] }, "Big <a>news")));
    const { doc: out } = run(start, setBlockRole("kicker"));
    expect(out.child(0).child(0).type).toBe(start.child(0).child(0).type);
    expect(out.child(0).child(0).attrs).toEqual({ ...start.child(0).child(0).attrs, role: "kicker" });
    expect(out.child(0).child(0).content.eq(start.child(0).child(0).content)).toBe(true);
  });

  it("removes inline spans from every selected block leaving the paragraph role", () => {
    const { doc: out } = run(
      doc(article({ id: "a1" }, p("<a>Body ", datelineSpan("LONDON"), " text"), p("more<b>"))),
      setBlockRole("subheadline"),
    );
    out.descendants((node) => {
      expect(node.marks).toEqual([]);
    });
  });

  it("turns a caption set apart into furniture", () => {
    const { ok, doc: out } = run(doc(caption("<a>pic")), setBlockRole("furniture"));
    expect(ok).toBe(true);
    expect(roleOf(out.child(0))).toBe("furniture");
  });

  it("does not make a paragraph of a block set apart at page level", () => {
    expect(run(doc(caption("<a>pic")), setBlockRole("paragraph")).ok).toBe(false);
  });

  it("does not apply when the block already has the role", () => {
    expect(run(doc(article({ id: "a1" }, headline("<a>x"))), setBlockRole("headline")).ok).toBe(false);
  });

  it("rejects an unknown role", () => {
    expect(() => setBlockRole("title" as "headline")).toThrow(RangeError);
  });
});

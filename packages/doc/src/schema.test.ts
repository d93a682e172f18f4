import type { DOMOutputSpec, Node, TagParseRule } from "prosemirror-model";
import { describe, expect, it } from "vitest";
import { attrsForRole, type BlockRole, blockRoles } from "./roles.ts";
import { pageSchema } from "./schema.ts";

/**
 * The DOM contract of the text blocks: one node type renders as the element of its role with
 * `data-role`, `data-lines`, `data-confidence` and the role's own attribute, and the parse rule
 * reads that back. (Checked on the output spec; the browser tests check the rendered page.)
 */

const block = (role: BlockRole, attrs: Record<string, unknown> = {}): Node =>
  pageSchema.node("block", attrsForRole(role, { lines: ["3", "4"], confidence: 0.25, ...attrs }), [
    pageSchema.text("text"),
  ]);

function rendered(node: Node): { tag: string; attrs: Record<string, string> } {
  const spec = node.type.spec.toDOM?.(node) as DOMOutputSpec;
  const [tag, attrs] = spec as [string, Record<string, string>, 0];
  return { tag, attrs };
}

/** Reads DOM attributes back through the schema's parse rule (an element needs only `getAttribute`). */
function parsed(attrs: Record<string, string>): Record<string, unknown> | false | null | undefined {
  const rule = pageSchema.nodes.block!.spec.parseDOM![0] as TagParseRule;
  const element = { getAttribute: (name: string) => attrs[name] ?? null } as unknown as HTMLElement;
  return rule.getAttrs?.(element);
}

describe("block DOM", () => {
  it("renders each role with its element", () => {
    const tags = Object.fromEntries(blockRoles.map((role) => [role, rendered(block(role)).tag]));
    expect(tags).toEqual({
      kicker: "p",
      headline: "h2",
      subheadline: "h3",
      dateline: "p",
      byline: "p",
      paragraph: "p",
      caption: "figcaption",
      furniture: "aside",
    });
  });

  it("writes role, lines and confidence as data attributes", () => {
    expect(rendered(block("headline")).attrs).toEqual({
      "data-role": "headline",
      "data-lines": "3 4",
      "data-confidence": "0.25",
    });
  });

  it("writes only the role's own extra attribute", () => {
    expect(rendered(block("caption", { article: "a1" })).attrs["data-article"]).toBe("a1");
    expect(rendered(block("furniture", { kind: "folio" })).attrs["data-kind"]).toBe("folio");
    expect(rendered(block("byline", { inline: "end" })).attrs["data-inline"]).toBe("end");
    const stray = pageSchema.node("block", { role: "headline", kind: "folio", article: "a1", inline: "end" });
    expect(Object.keys(rendered(stray).attrs)).toEqual(["data-role"]);
  });

  it("parses what it renders", () => {
    for (const role of blockRoles) {
      const node = block(role, { article: "a1", kind: "folio", inline: "start" });
      const attrs = parsed(rendered(node).attrs) as Record<string, unknown>;
      expect(pageSchema.node("block", attrs).attrs).toEqual({ ...node.attrs, confidence: 0.25 });
    }
  });

  it("ignores an element whose data-role is not a block role", () => {
    expect(parsed({ "data-role": "menu" })).toBe(false);
  });
});

describe("page shape", () => {
  it("holds blocks of any role in an article and at page level", () => {
    const article = pageSchema.node(
      "article",
      { id: "a1" },
      blockRoles.map((role) => block(role)),
    );
    const page = pageSchema.node("page", null, [article, block("caption"), block("paragraph")]);
    expect(() => page.check()).not.toThrow();
  });

  it("refuses an empty article", () => {
    expect(() => pageSchema.node("article", { id: "a1" }, []).check()).toThrow(RangeError);
  });
});

import { describe, expect, it } from "vitest";
import { article, caption, doc, p } from "../builder.ts";
import { setArticleStatus } from "./set-article-status.ts";
import { run } from "./test-helpers.ts";

describe("setArticleStatus", () => {
  it("sets the status of the article at the cursor", () => {
    const { ok, doc: out } = run(
      doc(article({ id: "a1" }, p("x")), article({ id: "a2" }, p("<a>y"))),
      setArticleStatus("approved"),
    );
    expect(ok).toBe(true);
    expect(out.child(0).attrs.status).toBe("needs-review");
    expect(out.child(1).attrs.status).toBe("approved");
  });

  it("does not apply when the article already has that status", () => {
    expect(
      run(doc(article({ id: "a1", status: "corrected" }, p("<a>x"))), setArticleStatus("corrected")).ok,
    ).toBe(false);
  });

  it("does not apply outside an article", () => {
    expect(run(doc(caption("<a>x")), setArticleStatus("approved")).ok).toBe(false);
  });

  it("rejects an unknown status", () => {
    expect(() => setArticleStatus("done" as "approved")).toThrow(RangeError);
  });
});

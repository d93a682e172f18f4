import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { editorActions } from "./actions.ts";

describe("editorActions", () => {
  it("gives every shortcut to one action only", () => {
    const keys = editorActions.flatMap((a) => a.keys);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("are all listed in docs/embedding.md", () => {
    const doc = readFileSync(new URL("../../../docs/embedding.md", import.meta.url), "utf8");
    for (const action of editorActions) {
      for (const key of action.keys) {
        const listed = doc.includes(key) || (key.startsWith("Mod-Alt-") && /Mod-Alt-1 … Mod-Alt-8/.test(doc));
        expect(listed, `${action.id}: ${key}`).toBe(true);
      }
    }
  });
});

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { editorActions } from "./actions.ts";

describe("editorActions", () => {
  it("shares a shortcut only between giving a title and moving a block, the title first", () => {
    const owners = new Map<string, string[]>();
    for (const a of editorActions) for (const k of a.keys) owners.set(k, [...(owners.get(k) ?? []), a.id]);
    const shared = [...owners].filter(([, ids]) => ids.length > 1);
    expect(shared).toEqual([
      ["Alt-ArrowUp", ["giveTitlePrevious", "moveBlockPrevious"]],
      ["Alt-ArrowDown", ["giveTitleNext", "moveBlockNext"]],
    ]);
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

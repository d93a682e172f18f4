import { describe, expect, it } from "vitest";
import { ingestText } from "../ingest/text.ts";
import { readTextLayout } from "./text-stream.ts";

describe("readTextLayout", () => {
  it("ends a measure run on a short line that completes the line before it", () => {
    const text = [
      "The storm toppled trees and power lines across the",
      "state overnight and left thousands of homes in the",
      "dark, officials said on Monday, as crews from six",
      "states were called in to help restore power to the",
      "Utility crews from six states help restore",
      "service",
      "Astronomers have found water",
      "vapour in the atmosphere of a",
      "planet orbiting a small star",
      "about 97 light years from the",
      "Earth, a finding they say will",
      "sharpen the search for worlds",
      "where life could take hold and",
      "which the team hopes to study",
      "with a larger telescope in the",
      "years ahead, its leader said.",
    ].join("\n\n");
    const { stream } = readTextLayout(ingestText(text));
    const at = (t: string) => stream.find((l) => l.text === t)!;
    expect(at("service").column).toBe(at("Utility crews from six states help restore").column);
    expect(at("service").gapBefore).not.toBe("block");
    expect(at("Astronomers have found water").gapBefore).toBe("block");
  });
});

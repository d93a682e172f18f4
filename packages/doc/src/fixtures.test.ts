import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { type ReconstructedPage, reconstruct } from "@galley/core";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { fromReconstruction } from "./from-reconstruction.ts";
import { toReconstruction } from "./to-reconstruction.ts";
import { reconstructionToYDoc, yDocToReconstruction } from "./ydoc.ts";

/**
 * `toReconstruction ∘ fromReconstruction` is the identity on the reconstruction of every OCR
 * fixture of the repository (plain text, hOCR, ALTO, PAGE; `tests/fixtures`, sources noted
 * there), directly and through a Y.Doc update as the server stores it.
 */

const fixtures = resolve(dirname(fileURLToPath(import.meta.url)), "../../../tests/fixtures");
const inputName = /(\.txt|\.hocr|alto\.xml|_page\.xml)$/;

function inputs(): string[] {
  const out: string[] = [];
  for (const dir of ["text", "rendered", "realdata", "server"]) {
    for (const name of readdirSync(join(fixtures, dir)).sort()) {
      if (inputName.test(name)) out.push(join(dir, name));
    }
  }
  return out;
}

const withStatus = (page: ReconstructedPage) => ({
  ...page,
  articles: page.articles.map((a) => ({ ...a, status: "needs-review" })),
});

/** Drops keys whose value is undefined, as a JSON round trip would. */
const plain = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

describe("every fixture round-trips", () => {
  const files = inputs();

  it("finds the fixtures of every format", () => {
    expect(files.length).toBeGreaterThanOrEqual(40);
    for (const ending of [".txt", ".hocr", "alto.xml", "_page.xml"])
      expect(files.some((f) => f.endsWith(ending))).toBe(true);
  });

  for (const file of files) {
    it(file, () => {
      const page = reconstruct(readFileSync(join(fixtures, file)));
      const expected = plain(withStatus(page));
      expect(plain(toReconstruction(fromReconstruction(page)))).toEqual(expected);
      const replica = new Y.Doc();
      Y.applyUpdate(replica, reconstructionToYDoc(page).update);
      expect(plain(yDocToReconstruction(replica))).toEqual(expected);
    });
  }
});

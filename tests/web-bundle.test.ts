import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ensureWebBuild } from "./e2e/support/web-build.ts";

/**
 * The browser receives a page's reconstruction, never its OCR file: the web app's bundle must
 * not carry core's OCR readers (ingest, saxes, htmlparser2) nor the reconstruction. Each marker
 * is a string that survives minification and belongs to that code alone.
 */
const markers = [
  ["ALTO ingest", "MeasurementUnit"],
  ["hOCR ingest", "ocrx_word"],
  ["coordinates check", "is not a usable coordinate"],
  ["format detection", "the input is markup but not hOCR"],
  ["saxes", "disallowed character in entity name"],
  ["htmlparser2", "onprocessinginstruction"],
  ["the line rules", "assembleStream"],
] as const;

let scripts: Array<[string, string]> = [];

beforeAll(async () => {
  const assets = join(await ensureWebBuild(), "assets");
  scripts = readdirSync(assets)
    .filter((name) => name.endsWith(".js"))
    .map((name) => [name, readFileSync(join(assets, name), "utf8")]);
}, 120_000);

describe("the web app's bundle", () => {
  it("has scripts to look into", () => {
    expect(scripts.length).toBeGreaterThan(0);
  });

  it.each(markers)("carries no %s", (_what, marker) => {
    expect(scripts.filter(([, code]) => code.includes(marker)).map(([name]) => name)).toEqual([]);
  });
});

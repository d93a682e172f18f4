/**
 * Debug view of the text path: one row per line with its measure run, fill and gap as
 * `readTextLayout` reads them, the role the reconstruction gave it and the role the ground
 * truth (`X.gt.json` beside the file, if any) gives it; `!` marks a disagreement.
 * `npx tsx tests/tools/show-text.ts FILE.txt`.
 */
import { existsSync, readFileSync } from "node:fs";
import { reconstruct } from "@galley/core";
import type { GroundTruth, LineList } from "@galley/training";
import { ingestText } from "../../packages/core/src/ingest/text.ts";
import { readTextLayout } from "../../packages/core/src/layout/text-stream.ts";

const file = process.argv[2]!;
const text = readFileSync(file, "utf8");
const page = reconstruct(text);
const role = new Map<string, string>();
const mark = (ids: readonly string[] | undefined, r: string) => {
  for (const id of ids ?? []) role.set(id, r);
};
page.articles.forEach((a, n) => {
  mark(a.kicker?.lines, `a${n + 1}.kicker`);
  mark(a.headline?.lines, `a${n + 1}.headline`);
  mark(a.subheadline?.lines, `a${n + 1}.sub`);
  mark(a.byline?.lines, `a${n + 1}.byline`);
  for (const p of a.paragraphs) mark(p.lines, `a${n + 1}.body`);
});
for (const c of page.captions) mark(c.lines, "caption");
for (const o of page.other) mark(o.lines, "other");
const truth = new Map<string, string>();
const gtFile = file.replace(/\.txt$/, ".gt.json");
if (existsSync(gtFile)) {
  const gt = JSON.parse(readFileSync(gtFile, "utf8")) as GroundTruth;
  gt.articles.forEach((a, n) => {
    // Ranges ([from, to]) are spelled out; ids are line numbers as strings.
    const put = (ids: LineList | null | undefined, r: string) => {
      for (const id of ids ?? []) {
        if (Array.isArray(id)) for (let k = id[0]; k <= id[1]; k++) truth.set(String(k), `a${n + 1}.${r}`);
        else truth.set(String(id), `a${n + 1}.${r}`);
      }
    };
    put(a.kicker, "kicker");
    put(a.headline, "headline");
    put(a.subheadline, "sub");
    put(a.bylineLines, "byline");
    put(a.body, "body");
  });
}
const { stream } = readTextLayout(ingestText(text));
for (const s of stream) {
  const got = role.get(s.id) ?? "?";
  const want = truth.get(s.id) ?? "";
  const kind = (r: string) => r.replace(/^a\d+\./, "");
  const bad = want && kind(want) !== kind(got) ? "!" : " ";
  console.log(
    `${bad}${s.id.padStart(4)} r${String(s.column).padEnd(3)} m=${String(s.measure).padEnd(5)} f=${(s.fill ?? 0).toFixed(2)} ${String(s.gapBefore).padEnd(9)} ${got.padEnd(12)} ${want.padEnd(12)} ${s.text}`,
  );
}

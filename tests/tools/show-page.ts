import { readFileSync } from "node:fs";
import { reconstruct } from "@galley/core";

const out = reconstruct(readFileSync(process.argv[2]!));
const short = (b: { lines: string[]; text: string } | null) =>
  b ? `[${b.lines.join(",")}] ${b.text.slice(0, 40)}` : "-";
for (const a of out.articles) {
  console.log(
    a.id,
    "K",
    short(a.kicker),
    "| H",
    short(a.headline),
    "| S",
    short(a.subheadline),
    "| BY",
    short(a.byline),
    "| DL",
    short(a.dateline),
  );
  console.log(
    "   paras",
    a.paragraphs.map((p) => `${p.lines[0]}…${p.lines.at(-1)}(${p.lines.length})`).join(" "),
  );
}
console.log("captions", out.captions.map((c) => c.lines.join(",")).join(" | "));
console.log(
  "other",
  out.other.map((c) => `${c.lines.join(",")}:${c.kind}:${c.text.slice(0, 20)}`).join(" | "),
);

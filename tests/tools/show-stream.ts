/**
 * Debug view of the geometry stream: one line per stream line with its evidence fields.
 * `tsx tests/tools/show-stream.ts FILE [FROM-ID] [COUNT]`.
 */
import { readFileSync } from "node:fs";
import { ingest, layoutPage } from "@galley/core";

const [file, from, count] = process.argv.slice(2);
const stream = layoutPage(ingest(readFileSync(file!))).stream;
const start = from
  ? Math.max(
      0,
      stream.findIndex((s) => s.id === from),
    )
  : 0;
for (const s of stream.slice(start, start + Number(count ?? stream.length))) {
  console.log(
    `${s.id.padEnd(14)} a=${String(s.articleHint ?? "-").padEnd(3)} c=${String(s.column ?? "-").padEnd(2)} ${String(s.roleHint ?? "").padEnd(9)} gap=${(s.gapBefore ?? "").padEnd(9)} fill=${s.fill?.toFixed(2)} ind=${s.indent} size=${s.sizeRatio?.toFixed(2)} ${s.text.slice(0, 40)}`,
  );
}

/**
 * Debug view of the geometry layout: prints every block with its role, article, column,
 * extent and first line. `tsx tests/tools/show-blocks.ts FILE`.
 */
import { readFileSync } from "node:fs";
import { ingest } from "@galley/core";
import { groupArticles } from "../../packages/core/src/geometry/articles.ts";
import { buildBlocks } from "../../packages/core/src/geometry/blocks.ts";
import { findColumns, isBodyLike } from "../../packages/core/src/geometry/columns.ts";
import { preparePage } from "../../packages/core/src/geometry/prepare.ts";
import { classifyBlocks } from "../../packages/core/src/geometry/regions.ts";

const f = process.argv[2]!;
const p = preparePage(ingest(readFileSync(f)));
const blocks = buildBlocks(p);
const cols = findColumns(blocks);
const roles = classifyBlocks(p, blocks);
const arts = groupArticles(p, blocks, roles);
console.log(
  "body",
  p.bodySize.toFixed(1),
  "cell",
  p.bodyCell.toFixed(1),
  "cols",
  cols.map((c) => `${c.x0.toFixed(0)}-${c.x1.toFixed(0)}`).join(" "),
);
for (const b of blocks)
  console.log(
    b.id,
    roles.get(b),
    "art",
    arts.get(b),
    "col",
    b.column,
    `x ${b.x0.toFixed(0)}-${b.x1.toFixed(0)} y ${b.y0.toFixed(0)}-${b.y1.toFixed(0)}`,
    "n",
    b.lines.length,
    "r",
    b.ratio.toFixed(2),
    isBodyLike(b) ? "B" : "",
    b.lines[0]!.line.id,
    JSON.stringify(b.lines[0]!.line.text.slice(0, 30)),
  );

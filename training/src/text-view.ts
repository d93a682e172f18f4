import { ingest } from "@galley/core";
import type { GroundTruth, LineList } from "./ground-truth.ts";

/**
 * A page with coordinates read as a plain-text OCR stream: its lines in file order, one per
 * line, with a blank line where the next line does not continue the block above it (it starts
 * higher up, well to the side, or after a gap of more than a line and a half), as an OCR
 * engine's text export sets them. The truth is the same, its ids turned into line numbers.
 */
export function textView(
  input: string,
  format: "text" | "hocr" | "alto" | "page",
  gt: GroundTruth,
  blankLines = true,
): { text: string; gt: GroundTruth } {
  if (format === "text") return { text: input, gt };
  const page = ingest(input, format);
  const out: string[] = [];
  const number = new Map<string, number>();
  let prev: (typeof page.lines)[number] | undefined;
  for (const line of page.lines) {
    if (!line.text.trim()) continue;
    const a = prev?.box;
    const b = line.box;
    if (a && b) {
      const height = Math.max(1, a.h);
      const apart =
        b.y < a.y - height || b.y > a.y + a.h + 1.5 * height || Math.abs(b.x - a.x) > Math.max(a.w, b.w) / 2;
      if (apart && blankLines) out.push("");
    }
    out.push(line.text);
    number.set(line.id, out.length);
    prev = line;
  }
  const map = (list: LineList | null | undefined): LineList | null => {
    if (!list) return null;
    const ids: number[] = [];
    for (const x of list) {
      const n = number.get(String(x));
      if (n !== undefined) ids.push(n);
    }
    return ids;
  };
  const mapped: GroundTruth = {
    ...gt,
    format: "text",
    articles: gt.articles.map((a) => ({
      ...a,
      body: map(a.body) ?? [],
      paragraphStarts: map(a.paragraphStarts) ?? [],
      kicker: map(a.kicker),
      headline: map(a.headline),
      subheadline: map(a.subheadline),
      bylineLines: map(a.bylineLines),
      datelineLines: map(a.datelineLines),
      jump: map(a.jump),
    })),
    captions: gt.captions?.map((c) => ({ lines: map(c.lines) ?? [] })),
    other: gt.other?.map((c) => ({ lines: map(c.lines) ?? [] })),
  };
  delete mapped.columns;
  return { text: `${out.join("\n")}\n`, gt: mapped };
}

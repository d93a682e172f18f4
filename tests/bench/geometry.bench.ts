/**
 * Geometry path benchmark: `pnpm bench geometry`.
 * 1. Reconstruction time per page, parsing included, for hOCR and ALTO pages of about 5,000
 *    words (a rendered fixture's lines repeated down a taller page, written back as hOCR and
 *    ALTO), and for the real 4,743-word ALTO page: median of 30 runs after 5 warm-ups.
 *    Target: ≤ 20 ms per 5,000-word page.
 * 2. A 100-page batch through the CLI (`galley reconstruct --batch DIR --out OUT`), its progress
 *    bar on stderr, OCR files only; plus the OCR time of one page image for scale.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { type GeoLine, ingest, reconstruct } from "@galley/core";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const rendered = join(root, "tests", "fixtures", "rendered");

function esc(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** The page's lines repeated `copies` times down the page, as [lines, page height]. */
function tall(lines: GeoLine[], height: number, copies: number): [GeoLine[], number] {
  const out: GeoLine[] = [];
  for (let c = 0; c < copies; c++) {
    for (const l of lines) {
      const dy = c * height;
      out.push({
        ...l,
        id: `${l.id}_${c}`,
        box: { ...l.box!, y: l.box!.y + dy },
        words: (l.words ?? []).map((w) => ({ ...w, box: { ...w.box, y: w.box.y + dy } })),
      });
    }
  }
  return [out, height * copies];
}

function toHocr(lines: GeoLine[], width: number, height: number): string {
  const b = (x: { x: number; y: number; w: number; h: number }) =>
    `bbox ${x.x} ${x.y} ${x.x + x.w} ${x.y + x.h}`;
  const body = lines
    .map(
      (l) =>
        `<span class='ocr_line' id='${l.id}' title='${b(l.box!)}; x_size ${l.fontSize ?? l.box!.h}'>${(
          l.words ?? []
        )
          .map(
            (w, i) =>
              `<span class='ocrx_word' id='${l.id}w${i}' title='${b(w.box)}; x_wconf ${Math.round((w.conf ?? 0.9) * 100)}'>${esc(w.text)}</span>`,
          )
          .join(" ")}</span>`,
    )
    .join("\n");
  return `<html><body><div class='ocr_page' id='page_1' title='bbox 0 0 ${width} ${height}'>\n${body}\n</div></body></html>`;
}

function toAlto(lines: GeoLine[], width: number, height: number): string {
  const a = (x: { x: number; y: number; w: number; h: number }) =>
    `HPOS="${x.x}" VPOS="${x.y}" WIDTH="${x.w}" HEIGHT="${x.h}"`;
  const body = lines
    .map(
      (l) =>
        `<TextBlock ID="b_${l.id}"><TextLine ID="${l.id}" ${a(l.box!)}>${(l.words ?? [])
          .map((w) => `<String ${a(w.box)} WC="${w.conf ?? 0.9}" CONTENT="${esc(w.text)}"/>`)
          .join("<SP/>")}</TextLine></TextBlock>`,
    )
    .join("\n");
  return `<?xml version="1.0" encoding="UTF-8"?><alto xmlns="http://www.loc.gov/standards/alto/ns-v3#"><Description><MeasurementUnit>pixel</MeasurementUnit></Description><Layout><Page WIDTH="${width}" HEIGHT="${height}"><PrintSpace>\n${body}\n</PrintSpace></Page></Layout></alto>`;
}

function time(run: () => void, runs = 30): number {
  for (let i = 0; i < 5; i++) run();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    run();
    times.push(performance.now() - t0);
  }
  times.sort((x, y) => x - y);
  return times[Math.floor(times.length / 2)]!;
}

const source = ingest(readFileSync(join(rendered, "en-13.hocr")), "hocr");
const words = source.lines.reduce((n, l) => n + (l.words?.length ?? 0), 0);
const copies = Math.ceil(5000 / words);
const [lines, height] = tall(source.lines, source.height!, copies);
const total = lines.reduce((n, l) => n + (l.words?.length ?? 0), 0);
const pages: Array<[string, string]> = [
  [`hOCR, ${total} words, ${lines.length} lines`, toHocr(lines, source.width!, height)],
  [`ALTO, ${total} words, ${lines.length} lines`, toAlto(lines, source.width!, height)],
  [
    "ALTO 1.4, real page (Liverpool Standard), 4743 words",
    readFileSync(
      join(root, "tests", "fixtures", "realdata", "bl_liverpool-standard_1832-11-23_p0001_alto.xml"),
      "utf8",
    ),
  ],
];
console.log(
  "reconstruction time per page, parsing included (median of 30 after 5 warm-ups; target ≤ 20 ms for 5,000 words)",
);
for (const [label, text] of pages) {
  const parse = time(() => ingest(text));
  const full = time(() => reconstruct(text));
  console.log(`  ${label.padEnd(56)} ${full.toFixed(1).padStart(6)} ms  (parse ${parse.toFixed(1)} ms)`);
}

const dir = mkdtempSync(join(tmpdir(), "galley-bench-batch-"));
const out = join(dir, "out");
try {
  const inputs = [
    "en-06.hocr",
    "en-11.alto.xml",
    "en-12.hocr",
    "en-13.alto.xml",
    "zh-06.hocr",
    "zh-12.alto.xml",
    "zh-13.hocr",
  ];
  for (let i = 0; i < 100; i++) {
    const name = inputs[i % inputs.length]!;
    copyFileSync(
      join(rendered, name),
      join(dir, `p${String(i + 1).padStart(3, "0")}${name.slice(name.indexOf("."))}`),
    );
  }
  console.log("\n100-page batch through the CLI (OCR files; progress bar below, on stderr):");
  const t0 = performance.now();
  const run = spawnSync(
    process.execPath,
    [
      "--import",
      "tsx",
      join(root, "apps", "cli", "src", "main.ts"),
      "reconstruct",
      "--batch",
      dir,
      "--out",
      out,
    ],
    {
      stdio: ["ignore", "inherit", "inherit"],
    },
  );
  const seconds = (performance.now() - t0) / 1000;
  console.log(
    `  exit ${run.status}; ${seconds.toFixed(2)} s for 100 pages, ${((seconds * 1000) / 100).toFixed(1)} ms per page (process start included)`,
  );
  const image = join(rendered, "en-11.png");
  writeFileSync(join(dir, "one.txt"), "");
  const t1 = performance.now();
  const ocr = spawnSync(
    process.execPath,
    [
      "--import",
      "tsx",
      join(root, "apps", "cli", "src", "main.ts"),
      "reconstruct",
      image,
      "--lang",
      "eng",
      "--out",
      join(dir, "one.json"),
    ],
    {
      stdio: ["ignore", "ignore", "ignore"],
    },
  );
  console.log(
    `  one page image (en-11.png, 1200 px wide) OCR + reconstruction: ${((performance.now() - t1) / 1000).toFixed(1)} s (exit ${ocr.status})`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}

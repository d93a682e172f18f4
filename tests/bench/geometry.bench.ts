/**
 * Geometry path benchmark: `pnpm bench geometry`. Figures are CPU time of this process
 * (`process.cpuUsage`, user + system), not wall time: other jobs may share the machine. The
 * script runs itself under `node --single-threaded`, so garbage collection and compilation
 * happen on the one thread that is timed: one core, as the target says.
 * 1. Reconstruction per page, parsing included, for hOCR and ALTO pages of about 5,000 words (a
 *    rendered fixture's lines repeated down a taller page) and for the two real pages, each given
 *    as its file's bytes (decoding included): median
 *    of 60 runs after 20 warm-ups (every JIT tier settled), with the median of each stage as the pipeline's `onStage` hook
 *    reports them, and of the geometry's own share (every stage but parsing and the line rules
 *    of `assembleStream`). Target: ≤ 50 ms per 5,000-word page.
 * 2. A 100-page batch through the CLI (`galley reconstruct --batch DIR --out OUT`), its progress
 *    bar on stderr, OCR files only: the CLI process's CPU time, process start included; plus the
 *    wall time of one page image's OCR, for scale.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { reconstruct } from "@galley/core";
import { benchPages, rendered, root } from "./geometry-pages.ts";
import { cpuMs, type Stage, stages, timeStages } from "./geometry-stages.ts";
import { onOneCore } from "./one-core.ts";

onOneCore(import.meta.url);

const runs = 60;
const warmups = 20;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[(sorted.length - 1) >> 1]!;
}

/** CPU milliseconds of each of `runs` runs of `run` after `warmups` warm-ups. */
function times(run: () => void): number[] {
  for (let i = 0; i < warmups; i++) run();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = cpuMs();
    run();
    out.push(cpuMs() - t0);
  }
  return out;
}

const ms = (n: number) => `${n.toFixed(1).padStart(6)} ms`;

const pageArg = process.argv.indexOf("--page");
if (pageArg < 0) {
  console.log(
    `reconstruction CPU time per page, parsing included (median of ${runs} after ${warmups} warm-ups; target ≤ 50 ms for 5,000 words)`,
  );
  // Each page in a process of its own, as a batch of one archive's pages (one format) runs: the
  // compiled code is not shaped by the other formats' pages.
  for (let k = 0; k < benchPages().length; k++) {
    spawnSync(
      process.execPath,
      ["--single-threaded", "--import", "tsx", fileURLToPath(import.meta.url), "--page", String(k)],
      { stdio: "inherit" },
    );
  }
} else {
  timePage(benchPages()[Number(process.argv[pageArg + 1])]!);
  process.exit(0);
}

function timePage({ label, text }: { label: string; text: string }): void {
  // The page as its file's bytes, as the CLI and the server hand them over: decoding is part of
  // the time, and the text is one flat string (a string built by concatenation reads slower).
  const bytes = new TextEncoder().encode(text);
  const totals = times(() => reconstruct(bytes));
  const total = median(totals);
  const perStage = Object.fromEntries(stages.map((s) => [s, [] as number[]])) as Record<Stage, number[]>;
  for (let i = 0; i < warmups; i++) timeStages(bytes);
  for (let i = 0; i < runs; i++) {
    const t = timeStages(bytes);
    for (const s of stages) perStage[s].push(t[s]);
  }
  const sorted = [...totals].sort((a, b) => a - b);
  const mean = totals.reduce((n, t) => n + t, 0) / totals.length;
  console.log(
    `\n  ${label}: ${ms(total).trim()} (fastest tenth ${ms(sorted[Math.floor(sorted.length / 10)]!).trim()}, mean ${ms(mean).trim()})`,
  );
  for (const s of stages) console.log(`    ${s.padEnd(28)} ${ms(median(perStage[s]))}`);
  // The geometry's own share: everything but parsing and the line rules, per run, then the median.
  const own = perStage.parse.map((_, i) =>
    stages.reduce((n, s) => (s === "parse" || s === "assembleStream" ? n : n + perStage[s][i]!), 0),
  );
  console.log(`    ${"geometry (not parse, rules)".padEnd(28)} ${ms(median(own))}`);
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
  // The CLI process reports its own CPU time as it exits.
  const report = join(dir, "cpu.json");
  const preload = join(dir, "cpu-report.mjs");
  writeFileSync(
    preload,
    `import { writeFileSync } from "node:fs";\nprocess.on("exit", () => { const u = process.cpuUsage(); writeFileSync(${JSON.stringify(report)}, JSON.stringify(u)); });\n`,
  );
  console.log("\n100-page batch through the CLI (OCR files; progress bar below, on stderr):");
  const t0 = performance.now();
  const run = spawnSync(
    process.execPath,
    [
      "--single-threaded",
      "--import",
      "tsx",
      "--import",
      preload,
      join(root, "apps", "cli", "src", "main.ts"),
      "reconstruct",
      "--batch",
      dir,
      "--out",
      out,
    ],
    { stdio: ["ignore", "inherit", "inherit"] },
  );
  const wall = (performance.now() - t0) / 1000;
  const cpu = JSON.parse(readFileSync(report, "utf8")) as { user: number; system: number };
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  console.log(
    `  exit ${run.status}; CPU ${cpuSeconds.toFixed(2)} s for 100 pages, ${((cpuSeconds * 1000) / 100).toFixed(1)} ms per page (process start and TypeScript loading included); wall ${wall.toFixed(2)} s`,
  );
  const image = join(rendered, "en-11.png");
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
    { stdio: ["ignore", "ignore", "ignore"] },
  );
  console.log(
    `  one page image (en-11.png, 1200 px wide) OCR + reconstruction: ${((performance.now() - t1) / 1000).toFixed(1)} s wall, nearly all Tesseract (exit ${ocr.status})`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}

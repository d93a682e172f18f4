/**
 * Geometry path benchmark: `pnpm bench geometry`. Figures are CPU time of this process
 * (`process.cpuUsage`, user + system), not wall time: other jobs may share the machine. The
 * script runs itself under `node --single-threaded`, so garbage collection and compilation
 * happen on the one thread that is timed: one core, as the target says.
 * 1. Reconstruction per page, parsing included, for hOCR and ALTO pages of about 5,000 words (a
 *    rendered fixture's lines repeated down a taller page) and for the two real pages: median
 *    of 30 runs after 20 warm-ups (every JIT tier settled), with the median of each stage as the pipeline's `onStage` hook
 *    reports them, and of the geometry's own share (every stage but parsing and the line rules
 *    of `assembleStream`). Target: ≤ 20 ms per 5,000-word page.
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

if (!process.execArgv.includes("--single-threaded")) {
  const self = spawnSync(
    process.execPath,
    ["--single-threaded", "--import", "tsx", fileURLToPath(import.meta.url), ...process.argv.slice(2)],
    { stdio: "inherit" },
  );
  process.exit(self.status ?? 1);
}

const runs = 30;
const warmups = 20;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[(sorted.length - 1) >> 1]!;
}

/** Median CPU milliseconds of `run` over `runs` runs after `warmups` warm-ups. */
function time(run: () => void): number {
  for (let i = 0; i < warmups; i++) run();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = cpuMs();
    run();
    times.push(cpuMs() - t0);
  }
  return median(times);
}

const ms = (n: number) => `${n.toFixed(1).padStart(6)} ms`;

console.log(
  `reconstruction CPU time per page, parsing included (median of ${runs} after ${warmups} warm-ups; target ≤ 20 ms for 5,000 words)`,
);
for (const { label, text } of benchPages()) {
  const total = time(() => reconstruct(text));
  const perStage = Object.fromEntries(stages.map((s) => [s, [] as number[]])) as Record<Stage, number[]>;
  for (let i = 0; i < warmups; i++) timeStages(text);
  for (let i = 0; i < runs; i++) {
    const t = timeStages(text);
    for (const s of stages) perStage[s].push(t[s]);
  }
  console.log(`\n  ${label}: ${ms(total).trim()}`);
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

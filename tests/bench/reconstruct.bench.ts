/**
 * Plain-text reconstruction benchmark. Prints the median time to reconstruct the seed page
 * (target ≤ 2 ms per seed-sized page on one core) and a synthetic archive of 200 composed
 * text pages, with the time per page for 50 and 200 pages and their ratio beside the ratio of
 * the lines they hold (time must grow linearly with input: the two ratios about equal), and the
 * same 200 pages timed as four batches of 50 (the pages differ, so this isolates batch size).
 * Times are CPU time of this process, run under `--single-threaded` (garbage collection and
 * compilation on the timed thread), so a busy machine inflates them less than wall time and the
 * figure is one core's.
 * Run: `pnpm bench reconstruct` or `pnpm exec tsx tests/bench/reconstruct.bench.ts`.
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { reconstruct } from "@galley/core";
import { composeStream, type StreamPool, type StreamSpec } from "../tools/compose-stream.ts";
import { onOneCore } from "./one-core.ts";

onOneCore(import.meta.url);

const here = dirname(fileURLToPath(import.meta.url));
// The seed page as its file's bytes, as the CLI and the server hand a page over (decoding timed too).
const seed = new Uint8Array(readFileSync(join(here, "..", "fixtures", "text", "seed-kexuedaobao.txt")));
const pool = (name: string) =>
  JSON.parse(readFileSync(join(here, "..", "tools", "texts", name), "utf8")) as StreamPool;
const zh = pool("zh-local-news.json");
const zhDoc = pool("zh-rural-2018.json");
const en = pool("en-local-news.json");
const zhPool: StreamPool = {
  source: "",
  articles: [...zh.articles, ...zhDoc.articles],
  captions: zh.captions,
};

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/**
 * Milliseconds of CPU time the run took (user + system). CPU time, unlike wall time, does not
 * count the time other processes on a busy machine hold the core.
 */
function time(run: () => void): number {
  const start = process.cpuUsage();
  run();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

// Warm up the JIT on the seed page (every tier) before measuring anything.
for (let i = 0; i < 300; i++) reconstruct(seed);
const seedTimes = Array.from({ length: 1000 }, () => time(() => reconstruct(seed)));
console.log(
  `seed page (${new TextDecoder().decode(seed).split("\n").length} lines): median ${median(seedTimes).toFixed(3)} ms, p95 ${[...seedTimes].sort((a, b) => a - b)[Math.floor(seedTimes.length * 0.95)]!.toFixed(3)} ms`,
);

const pages: string[] = [];
for (let k = 0; k < 200; k++) {
  const spec: StreamSpec = {
    id: `bench-${k}`,
    lang: k % 2 ? "en" : "zh",
    order: k % 3 ? "first" : "after",
    spacing: k % 5 ? "single" : "double",
    gaps: k % 4 === 0,
    indent: k % 2 ? "lost" : "kept",
    digitSpaces: k % 3 === 0,
    furniture: true,
    jumps: true,
    captions: true,
    hyphenate: true,
    stories: 7,
    seed: 1000 + k,
  };
  pages.push(composeStream(spec, spec.lang === "zh" ? zhPool : en).text);
}
const lines = pages.reduce((s, p) => s + p.split("\n").length, 0);
const run = (from: number, to: number) =>
  time(() => {
    for (const p of pages.slice(from, to)) reconstruct(p);
  });
// Warm up on the archive itself, so neither batch pays for compilation; then the batch sizes
// take turns, so a slow spell of the machine does not fall on one of them only.
for (const p of pages) reconstruct(p);
const times50: number[] = [];
const times200: number[] = [];
const timesChunked: number[] = [];
for (let r = 0; r < 7; r++) {
  times50.push(run(0, 50));
  times200.push(run(0, 200));
  timesChunked.push(run(0, 50) + run(50, 100) + run(100, 150) + run(150, 200));
}
const t50 = median(times50);
const t200 = median(times200);
const tChunked = median(timesChunked);
// The composed pages differ in length, so linearity is judged against the lines each batch holds.
const lines50 = pages.slice(0, 50).reduce((s, p) => s + p.split("\n").length, 0);
const perK = (t: number, n: number) => ((t / n) * 1000).toFixed(2);
console.log(`archive: 200 composed pages, ${lines} lines (${(lines / 200).toFixed(0)} lines per page)`);
console.log(
  `  50 pages, ${lines50} lines: ${t50.toFixed(1)} ms (${(t50 / 50).toFixed(3)} ms per page, ${perK(t50, lines50)} ms per 1,000 lines)`,
);
console.log(
  `  200 pages, ${lines} lines: ${t200.toFixed(1)} ms (${(t200 / 200).toFixed(3)} ms per page, ${perK(t200, lines)} ms per 1,000 lines)`,
);
console.log(
  `  ratio 200/50: time ${(t200 / t50).toFixed(2)} for input ${(lines / lines50).toFixed(2)} (linear: equal)`,
);
// The same 200 pages in four batches of 50: what the batch size alone costs, whatever the pages hold.
console.log(
  `  the same 200 pages as four batches of 50: ${tChunked.toFixed(1)} ms; 200 at once / four 50s = ${(t200 / tChunked).toFixed(2)} (linear: 1)`,
);

/**
 * Export benchmark: a synthetic 48-page issue (about 350 articles, half the pages with line
 * and word geometry) exported to every format. Prints the time per format, the total (target
 * ≤ 3 s for all formats together), the CPU time (a fairer figure on a shared machine) and peak
 * memory (RSS and heap). Run:
 * `pnpm exec tsx tests/bench/export.bench.ts` (add `--repeat N` to take the best of N runs).
 */
import { exportFormats, exportIssue, type IssueInput } from "@galley/export";
import { type ArticleSpec, article, issue, page } from "../export/builder.ts";

const zhSentence =
  "今年以来各地坚持项目为王，聚焦关键核心技术攻关，推动创新链产业链深度融合，交出了一份亮眼的答卷。";
const enSentence =
  "The town council yesterday approved the long-awaited bridge, ending a decade of debate about the crossing. ";

/** A seeded pseudo-random generator (mulberry32), so every run exports the same issue. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function syntheticIssue(pages: number, articles: number): IssueInput {
  const next = random(48);
  const built = [];
  let left = articles;
  for (let n = 1; n <= pages; n++) {
    const chinese = n % 2 === 1;
    const count = Math.round(left / (pages - n + 1));
    left -= count;
    const specs: ArticleSpec[] = [];
    for (let a = 0; a < count; a++) {
      const paragraphs = 3 + Math.floor(next() * 6);
      const body = Array.from({ length: paragraphs }, () =>
        (chinese ? zhSentence : enSentence).repeat(1 + Math.floor(next() * 3)).trim(),
      );
      specs.push(
        article({
          kicker: a % 3 === 0 ? (chinese ? "聚焦高质量发展" : "ELECTION 2024") : undefined,
          headline: chinese
            ? `科技创新引领产业升级 第${n}版 第${a + 1}篇`
            : `Council approves bridge, page ${n} story ${a + 1}`,
          byline: chinese ? "记者 王波" : "By MARY ADAMS",
          body,
          captions: a % 4 === 0 ? [chinese ? "图为项目建设现场。" : "The old ferry landing."] : [],
          status: a % 2 ? "approved" : "corrected",
        }),
      );
    }
    built.push(
      page(n, { language: chinese ? "zh" : "en", geometry: !chinese, section: `Section ${n}` }, ...specs),
    );
  }
  return issue("Benchmark Daily", "2024-05-01", undefined, ...built);
}

const repeatArg = process.argv.indexOf("--repeat");
const repeat = repeatArg > 0 ? Math.max(1, Number(process.argv[repeatArg + 1]) || 1) : 1;
const input = syntheticIssue(48, 350);
const articleCount = input.pages.reduce((n, p) => n + p.page.articles.length, 0);
const lineCount = input.pages.reduce((n, p) => n + (p.lines?.length ?? 0), 0);
console.log(
  `export benchmark: ${input.pages.length} pages, ${articleCount} articles, ${lineCount} source lines`,
);

let peakHeap = process.memoryUsage().heapUsed;
const best = new Map<string, number>();
let firstTotal = 0;
let firstCpu = 0;
for (let r = 0; r < repeat; r++) {
  for (const format of exportFormats) {
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    const result = exportIssue(input, format, { now: new Date("2024-05-02T10:00:00Z") });
    const ms = performance.now() - start;
    const cpu = process.cpuUsage(cpuStart);
    const cpuMs = (cpu.user + cpu.system) / 1000;
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
    best.set(format, Math.min(best.get(format) ?? Number.POSITIVE_INFINITY, ms));
    if (r > 0) continue;
    firstTotal += ms;
    firstCpu += cpuMs;
    console.log(
      `  ${format.padEnd(9)} ${ms.toFixed(0).padStart(6)} ms  (CPU ${cpuMs.toFixed(0).padStart(5)} ms)  ${(result.bytes.length / 1024).toFixed(0).padStart(7)} KiB`,
    );
  }
}
const total = [...best.values()].reduce((a, b) => a + b, 0);
if (repeat > 1)
  for (const [f, ms] of best)
    console.log(`  best of ${repeat}: ${f.padEnd(9)} ${ms.toFixed(0).padStart(6)} ms`);
console.log(
  `  total     ${firstTotal.toFixed(0).padStart(6)} ms  (CPU ${firstCpu.toFixed(0).padStart(5)} ms)  first run, cold (target ≤ 3000 ms)`,
);
if (repeat > 1) console.log(`  total     ${total.toFixed(0).padStart(6)} ms  best of ${repeat} per format`);
const mib = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MiB`;
console.log(`  peak RSS ${mib(process.resourceUsage().maxRSS * 1024)}, peak heap used ${mib(peakHeap)}`);

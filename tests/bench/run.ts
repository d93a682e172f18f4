/**
 * Runs the benchmarks: `pnpm bench` runs every `tests/bench/*.bench.ts` in turn, `pnpm bench
 * NAME` the one named (e.g. `pnpm bench reconstruct`); options after the names (`--compare`,
 * `--rounds 5`) go to each benchmark run. Each benchmark is a script that prints its own
 * figures; they run one after another so they do not compete for the cores.
 */
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const argv = process.argv.slice(2);
const firstOption = argv.findIndex((a) => a.startsWith("--"));
const wanted = firstOption < 0 ? argv : argv.slice(0, firstOption);
const passed = firstOption < 0 ? [] : argv.slice(firstOption);
const all = readdirSync(here)
  .filter((f) => f.endsWith(".bench.ts"))
  .sort();
// A name that is a benchmark's whole name picks that one (`sync`, not `sync-history`); else a prefix.
const picks = (w: string) =>
  all.includes(`${w}.bench.ts`) ? [`${w}.bench.ts`] : all.filter((f) => f.startsWith(w));
const chosen = wanted.length ? all.filter((f) => wanted.some((w) => picks(w).includes(f))) : all;
if (chosen.length === 0) {
  console.error(
    `no benchmark matches ${wanted.join(", ")}; there are: ${all.map((f) => f.replace(".bench.ts", "")).join(", ")}`,
  );
  process.exit(2);
}
let failed = 0;
for (const file of chosen) {
  console.log(`\n== ${file.replace(".bench.ts", "")}`);
  const result = spawnSync(process.execPath, ["--import", "tsx", join(here, file), ...passed], {
    stdio: "inherit",
  });
  if (result.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);

import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

/**
 * Makes the benchmark at `moduleUrl` run on one thread: unless this process already runs under
 * `node --single-threaded`, runs the script again so and exits with its status. On one thread,
 * garbage collection and compilation happen on the timed thread, so the CPU time a benchmark
 * reads is all the work, on one core (the targets are per core).
 */
export function onOneCore(moduleUrl: string): void {
  if (process.execArgv.includes("--single-threaded")) return;
  const self = spawnSync(
    process.execPath,
    ["--single-threaded", "--import", "tsx", fileURLToPath(moduleUrl), ...process.argv.slice(2)],
    { stdio: "inherit" },
  );
  process.exit(self.status ?? 1);
}

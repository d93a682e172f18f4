import { fileURLToPath } from "node:url";

/**
 * The compiled `galley` command (`apps/cli/dist/galley.js`), as `pnpm start` and the `galley`
 * executable run it. Tests spawn it with `node`; the global setup builds it first when stale.
 */
export const galleyBundle = fileURLToPath(new URL("../../apps/cli/dist/galley.js", import.meta.url));

/**
 * The Node options `galley serve` runs with (`pnpm start`, the `galley` executable's first line):
 * each isolate collects its garbage on its own thread, so the worker threads' collections run at
 * their lowered priority instead of on V8's shared helpers (docs/server.md, "Sync under load").
 */
export const galleyNodeFlags = ["--single-threaded-gc"];

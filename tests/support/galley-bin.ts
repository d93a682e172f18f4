import { fileURLToPath } from "node:url";

/**
 * The compiled `galley` command (`apps/cli/dist/galley.js`), as `pnpm start` and the `galley`
 * executable run it. Tests spawn it with `node`; the global setup builds it first when stale.
 */
export const galleyBundle = fileURLToPath(new URL("../../apps/cli/dist/galley.js", import.meta.url));

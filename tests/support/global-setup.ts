import { ensureBuilt } from "../../apps/cli/build.mjs";

/** Vitest global setup: the compiled CLI the process tests spawn is built before any test runs. */
export default async function setup(): Promise<void> {
  await ensureBuilt();
}

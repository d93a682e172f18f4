/** Bundles the CLI into `apps/cli/dist/galley.js`; resolves with the milliseconds it took. */
export function buildCli(): Promise<number>;
/** Whether the bundle is missing or older than a workspace source it was built from. */
export function isStale(): boolean;
/** Builds when `isStale()`; a no-op otherwise. */
export function ensureBuilt(): Promise<void>;

import { existsSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The built web app for browser tests: reused when `apps/web/dist` is newer than every source
 * it is built from, else built once with Vite's API. Parallel test files may race; each builds
 * into its own directory and swaps it in, so a reader never sees a half-written `dist`.
 */

const repo = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");

/** The web app's `dist` directory (what `galley serve` serves). */
export const webDist = join(repo, "apps/web/dist");

const sources = [
  "apps/web/index.html",
  "apps/web/vite.config.ts",
  "apps/web/src",
  "apps/web/embed-example",
  "packages/editor/src",
  "packages/doc/src",
  "packages/core/src",
];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = stats.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** Whether `dist` exists and is newer than every source file. */
export function isWebBuildFresh(): boolean {
  const index = join(webDist, "index.html");
  if (!existsSync(index) || !existsSync(join(webDist, "embed-example/index.html"))) return false;
  const built = statSync(index).mtimeMs;
  return sources.every((s) => newestMtime(join(repo, s)) <= built);
}

/** Builds the web app unless `dist` is fresh; returns the `dist` path. */
export async function ensureWebBuild(): Promise<string> {
  if (isWebBuildFresh()) return webDist;
  const { build } = await import("vite");
  // Inside node_modules: ignored by git and on the same filesystem as dist, so rename works.
  const tmp = mkdtempSync(join(repo, "apps/web/node_modules/.galley-build-"));
  await build({
    configFile: join(repo, "apps/web/vite.config.ts"),
    logLevel: "warn",
    build: { outDir: tmp, emptyOutDir: true },
  });
  const old = `${tmp}-old`;
  try {
    if (existsSync(webDist)) renameSync(webDist, old);
  } catch {
    // Another test file swapped its build in first; ours replaces it below.
  }
  try {
    renameSync(tmp, webDist);
  } catch {
    // Another build landed between the two renames: use that one.
    rmSync(tmp, { recursive: true, force: true });
  }
  rmSync(old, { recursive: true, force: true });
  return webDist;
}

import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The CLI package's own directory (`apps/cli`), found by walking up from this module to the
 * `package.json` named `@galley/cli`: the same answer from the TypeScript sources
 * (`src/…`) and from the compiled bundle (`dist/galley.js`).
 */
export function cliPackageDir(from: string = fileURLToPath(import.meta.url)): string {
  for (let dir = dirname(from); ; dir = dirname(dir)) {
    const manifest = join(dir, "package.json");
    if (
      existsSync(manifest) &&
      (JSON.parse(readFileSync(manifest, "utf8")) as { name?: string }).name === "@galley/cli"
    )
      return dir;
    if (dirname(dir) === dir) throw new RangeError(`no @galley/cli package.json above ${from}`);
  }
}

/** The built web app served by default: `apps/web/dist`. */
export const defaultWebRoot = (): string => join(cliPackageDir(), "..", "web", "dist");

/** The sample page loaded into a fresh data directory. */
export const samplePagePath = (): string => join(cliPackageDir(), "sample", "seed-kexuedaobao.txt");

/**
 * The compiled worker module (`dist/galley-worker.js`, built beside `dist/galley.js`) when the
 * CLI runs from its bundle; null when it runs from the TypeScript sources, where the server
 * finds its own worker.
 */
export const bundledWorkerFile = (): string | null =>
  import.meta.url.endsWith(".ts") ? null : join(cliPackageDir(), "dist", "galley-worker.js");

/**
 * Builds the `galley` command as compiled JavaScript: `apps/cli/dist/galley.js`, one ES module
 * holding the CLI, the workspace packages and their pure-JS dependencies, so `galley serve`
 * starts `node` on plain JavaScript (no TypeScript compiler at run time, one copy of Yjs).
 * Native and optional modules stay outside and are loaded from `node_modules` at run time.
 *
 * `node apps/cli/build.mjs` builds (run by `pnpm build`, so by `pnpm start` and `pnpm test`,
 * and after `pnpm install`); the `galley` executable calls `ensureBuilt()` first, which
 * rebuilds only when a source the last build read is newer than the bundle.
 */
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = fileURLToPath(new URL(".", import.meta.url));
const outdir = join(root, "dist");
const bundle = join(outdir, "galley.js");
const inputsFile = join(outdir, "inputs.json");

/**
 * Loaded at run time: libsql ships its binary as a platform package; pg-native is optional;
 * piscina starts its workers from its own files (`piscina/dist/worker.js`), which must exist.
 */
const external = ["libsql", "pg-native", "piscina"];

/**
 * Bundles `src/main.ts` into `dist/galley.js` and the server's worker thread module into
 * `dist/galley-worker.js` (the code they share goes to chunks); returns the time it took in
 * milliseconds.
 */
export async function buildCli() {
  const { build } = await import("esbuild");
  const started = performance.now();
  rmSync(outdir, { recursive: true, force: true });
  const result = await build({
    entryPoints: {
      galley: join(root, "src", "main.ts"),
      "galley-worker": join(root, "..", "..", "packages", "server", "src", "jobs", "worker.ts"),
    },
    outdir,
    bundle: true,
    // Modules imported with import() (PostgreSQL + Redis, …) become chunks loaded when needed.
    splitting: true,
    chunkNames: "chunks/[name]-[hash]",
    platform: "node",
    format: "esm",
    target: "node20",
    external,
    sourcemap: "linked",
    metafile: true,
    logLevel: "warning",
    absWorkingDir: join(root, "..", ".."),
    // CommonJS dependencies inside an ES module bundle call require() for Node's built-ins.
    banner: {
      js: 'import { createRequire as galleyCreateRequire } from "node:module"; const require = galleyCreateRequire(import.meta.url);',
    },
  });
  // The workspace's own sources the bundle was made from, to tell later when it is stale.
  const inputs = Object.keys(result.metafile.inputs).filter((file) => !file.includes("node_modules"));
  writeFileSync(inputsFile, `${JSON.stringify(inputs)}\n`);
  return performance.now() - started;
}

/** Whether `dist/galley.js` is missing or older than any workspace source it was built from. */
export function isStale() {
  if (!existsSync(bundle) || !existsSync(inputsFile)) return true;
  const built = statSync(bundle).mtimeMs;
  const workspace = join(root, "..", "..");
  const inputs = JSON.parse(readFileSync(inputsFile, "utf8"));
  // A source that no longer exists (a deployed build without sources) does not make it stale.
  return inputs.some((file) => {
    try {
      return statSync(join(workspace, file)).mtimeMs > built;
    } catch {
      return false;
    }
  });
}

/** Builds when `isStale()`, telling stderr; a no-op (a few ms of `stat`) otherwise. */
export async function ensureBuilt() {
  if (!isStale()) return;
  const ms = await buildCli();
  process.stderr.write(
    `galley: rebuilt ${relative(process.cwd(), bundle) || bundle} in ${Math.round(ms)} ms\n`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const ms = await buildCli();
  process.stderr.write(`built apps/cli/dist/galley.js in ${Math.round(ms)} ms\n`);
}

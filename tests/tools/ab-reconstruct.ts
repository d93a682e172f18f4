/**
 * A/B check of a change to the reconstruction: reconstructs every OCR fixture (hOCR, ALTO, PAGE
 * XML under `tests/fixtures`, `shared/fixtures/rendered` and `shared/realdata`) with the code of
 * this checkout and with the code of another checkout of the repository (`--base DIR`, e.g. a
 * `git worktree add --detach DIR main` with its own `pnpm install`), each file handed over as its
 * bytes, and prints every file whose JSON (or error message) differs, with the first differing
 * path. Exit status 1 when any differs.
 *
 * ```
 * pnpm exec tsx tests/tools/ab-reconstruct.ts --base /tmp/galley-main [--ingest] [--ignore warnings]
 * ```
 *
 * `--ingest` compares `ingest` (the source lines) instead of `reconstruct`; `--ignore KEY` leaves
 * a top-level key out of the comparison (repeatable).
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { pathToFileURL } from "node:url";
import { root } from "../bench/geometry-pages.ts";

type Core = {
  reconstruct: (input: Uint8Array) => unknown;
  ingest: (input: Uint8Array) => unknown;
};

const arg = (name: string): string | undefined => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
};
const base = arg("--base");
if (!base) {
  console.error("usage: ab-reconstruct.ts --base DIR [--ingest] [--ignore KEY]…");
  process.exit(2);
}
const useIngest = process.argv.includes("--ingest");
const ignored = new Set(process.argv.flatMap((a, i) => (process.argv[i - 1] === "--ignore" ? [a] : [])));

/** The OCR files to compare: markup with geometry, not truth files or images. */
function ocrFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...ocrFiles(path));
    else if (/\.(hocr|xml|html)$/.test(name) && !name.endsWith(".gt.json")) out.push(path);
  }
  return out;
}

async function load(tree: string): Promise<Core> {
  return (await import(pathToFileURL(join(tree, "packages", "core", "src", "index.ts")).href)) as Core;
}

/** The result of `run` as JSON, or the error's message; top-level keys in `ignored` left out. */
function outcome(run: () => unknown): string {
  try {
    const value = run();
    if (value && typeof value === "object")
      return JSON.stringify(value, (key, v) => (ignored.has(key) ? undefined : v));
    return JSON.stringify(value);
  } catch (error) {
    return `error: ${(error as Error).message}`;
  }
}

/** The first path at which two JSON values differ, with both values there. */
function firstDifference(a: unknown, b: unknown, path = "$"): string {
  if (typeof a !== typeof b || a === null || b === null || typeof a !== "object") {
    return `${path}: ${JSON.stringify(a)?.slice(0, 160)} ≠ ${JSON.stringify(b)?.slice(0, 160)}`;
  }
  const keys = new Set([...Object.keys(a as object), ...Object.keys(b as object)]);
  for (const k of keys) {
    const x = (a as Record<string, unknown>)[k];
    const y = (b as Record<string, unknown>)[k];
    if (JSON.stringify(x) !== JSON.stringify(y)) return firstDifference(x, y, `${path}.${k}`);
  }
  return `${path}: equal`;
}

const dirs = [
  join(root, "tests", "fixtures"),
  join(root, "..", "shared", "fixtures", "rendered"),
  join(root, "..", "shared", "realdata"),
].filter((d) => {
  try {
    return statSync(d).isDirectory();
  } catch {
    return false;
  }
});
const files = dirs.flatMap(ocrFiles).filter((f) => !/catalog\.xml$|_mets\.xml$/.test(f));
const [ours, theirs] = [await load(root), await load(base)];
let differing = 0;
for (const file of files) {
  const bytes = new Uint8Array(readFileSync(file));
  const run = (core: Core) => () => (useIngest ? core.ingest(bytes) : core.reconstruct(bytes));
  const a = outcome(run(theirs));
  const b = outcome(run(ours));
  const name = relative(join(root, ".."), file);
  if (a === b) {
    console.log(`same    ${name}`);
    continue;
  }
  differing++;
  const detail =
    a.startsWith("error") || b.startsWith("error")
      ? `base: ${a.slice(0, 200)}\n          this: ${b.slice(0, 200)}`
      : firstDifference(JSON.parse(a), JSON.parse(b));
  console.log(`DIFFERS ${name}\n          ${detail}`);
}
console.log(
  `\n${files.length} files, ${differing} differ (base ${base}, ${useIngest ? "ingest" : "reconstruct"})`,
);
process.exit(differing > 0 ? 1 : 0);

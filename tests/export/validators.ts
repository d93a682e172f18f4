import { execFile } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { unzipSync } from "fflate";

/** The schemas copied from the shared folder (see tests/fixtures/xsd/README.md). */
export const xsdDir = resolve(dirname(fileURLToPath(import.meta.url)), "../fixtures/xsd");

/** Result of running a validator: exit code and its output. */
export interface RunResult {
  code: number;
  output: string;
}

/** Runs a program and collects its exit code and combined output (never rejects on a non-zero exit). */
export function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<RunResult> {
  return new Promise((done, fail) => {
    execFile(
      cmd,
      args,
      { env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== "number") return fail(error);
        done({ code: error ? Number(error.code) : 0, output: `${stdout}${stderr}` });
      },
    );
  });
}

/** Writes files to a fresh temporary folder; returns its path and a cleanup. */
export async function writeTemp(
  files: Record<string, string | Uint8Array>,
): Promise<{ dir: string; done: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), "galley-export-"));
  for (const [name, data] of Object.entries(files)) {
    await mkdir(dirname(join(dir, name)), { recursive: true });
    await writeFile(join(dir, name), data);
  }
  return { dir, done: () => rm(dir, { recursive: true, force: true }) };
}

/**
 * Validates XML files against one of the schemas with `xmllint --noout --nonet --schema`,
 * offline through the local catalog. All files go to one xmllint run.
 */
export async function xmllintSchema(
  schema: string,
  files: Record<string, string | Uint8Array>,
): Promise<RunResult> {
  const { dir, done } = await writeTemp(files);
  try {
    return await run(
      "xmllint",
      [
        "--noout",
        "--nonet",
        "--schema",
        join(xsdDir, schema),
        ...Object.keys(files).map((f) => join(dir, f)),
      ],
      { XML_CATALOG_FILES: join(xsdDir, "catalog.xml") },
    );
  } finally {
    await done();
  }
}

/** Runs epubcheck (the Debian package's jar) on an EPUB's bytes. */
export async function epubcheck(bytes: Uint8Array): Promise<RunResult> {
  const { dir, done } = await writeTemp({ "book.epub": bytes });
  try {
    return await run("java", ["-jar", "/usr/share/java/epubcheck.jar", join(dir, "book.epub")]);
  } finally {
    await done();
  }
}

/** The entries of a zip, decoded as UTF-8 text. */
export function unzipText(bytes: Uint8Array): Map<string, string> {
  const out = new Map<string, string>();
  for (const [name, data] of Object.entries(unzipSync(bytes))) out.set(name, new TextDecoder().decode(data));
  return out;
}

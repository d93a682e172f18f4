import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runCli } from "../../apps/cli/src/run.ts";
import { galleyBundle } from "../support/galley-bin.ts";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const seed = join(root, "tests", "fixtures", "text", "seed-kexuedaobao.txt");
const work = mkdtempSync(join(tmpdir(), "galley-cli-"));

/** Runs `galley ARGS` in this process, capturing what it prints. */
async function galley(args: string[]) {
  let stdout = "";
  let stderr = "";
  const status = await runCli(args, {
    stdout: (s) => {
      stdout += s;
    },
    stderr: (s) => {
      stderr += s;
    },
  });
  return { status, stdout, stderr };
}

/** Runs `galley ARGS` as a real process (the compiled CLI, like `pnpm exec galley`). */
function galleyProcess(args: string[], input?: Buffer) {
  const result = spawnSync(process.execPath, [galleyBundle, ...args], {
    cwd: root,
    input,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status, stdout: result.stdout.toString(), stderr: result.stderr.toString() };
}

function file(name: string, bytes: Buffer | string): string {
  const path = join(work, name);
  writeFileSync(path, bytes);
  return path;
}

describe("galley reconstruct", () => {
  it("prints the contract's JSON and nothing else on stdout", () => {
    const { status, stdout, stderr } = galleyProcess(["reconstruct", seed]);
    expect(status).toBe(0);
    expect(stderr).toBe("");
    const page = JSON.parse(stdout);
    expect(page.source).toMatchObject({ format: "text", lineCount: 666 });
    expect(page.articles).toHaveLength(7);
  });

  it("writes to --out and reads standard input with -", () => {
    const out = join(work, "out.json");
    expect(galleyProcess(["reconstruct", "-", "--out", out], readFileSync(seed)).status).toBe(0);
    expect(JSON.parse(readFileSync(out, "utf8")).articles).toHaveLength(7);
  });

  it.each([
    ["binary data", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2, 3, 0, 0]), /binary data/],
    ["an empty file", Buffer.alloc(0), /empty/],
    ["invalid UTF-8", Buffer.from([0x61, 0x62, 0xc3, 0x28, 0x0a]), /not valid UTF-8/],
    ["broken XML", Buffer.from("<alto><Layout><Page>"), /broken ALTO/],
    ["unknown markup", Buffer.from("<html><body>hello</body></html>"), /not hOCR, ALTO or PAGE/],
  ])("refuses %s with one line on stderr", async (name, bytes, message) => {
    const { status, stdout, stderr } = await galley([
      "reconstruct",
      file(`${name.replace(/\W/g, "-")}.in`, bytes),
    ]);
    expect(status).toBe(1);
    expect(stdout).toBe("");
    expect(stderr.trim().split("\n")).toHaveLength(1);
    expect(stderr).toMatch(message);
    expect(stderr).not.toMatch(/\bat .*\(.*:\d+:\d+\)/);
  });

  it("refuses a file over the size limit without reading it", async () => {
    const big = join(work, "big.txt");
    writeFileSync(big, Buffer.alloc(51 * 1024 * 1024, 0x61));
    const { status, stderr } = await galley(["reconstruct", big]);
    expect(status).toBe(1);
    expect(stderr).toMatch(/over the limit of 50 MB/);
  });

  it("answers a missing file, an unknown format and a bad option with usage errors", async () => {
    expect(await galley(["reconstruct", join(work, "nope.txt")])).toMatchObject({
      status: 1,
      stderr: expect.stringMatching(/no such file/),
    });
    expect(await galley(["reconstruct", seed, "--format", "pdf"])).toMatchObject({
      status: 2,
      stderr: expect.stringMatching(/unknown format/),
    });
    expect(await galley(["reconstruct", seed, "--frobnicate"])).toMatchObject({
      status: 2,
      stderr: expect.stringMatching(/unknown option/),
    });
  });
});

import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));
const work = mkdtempSync(join(tmpdir(), "galley-bin-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** `pnpm exec galley ARGS` from the workspace root, as the README has it. */
function pnpmExecGalley(args: string[]) {
  const result = spawnSync("pnpm", ["exec", "galley", ...args], { cwd: root, encoding: "utf8" });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("the galley executable", () => {
  it("prints its own one-line error and nothing from the package manager", () => {
    const bad = join(work, "bad.bin");
    writeFileSync(bad, Buffer.from([0, 1, 2, 3, 0xff, 0xfe]));
    const { status, stdout, stderr } = pnpmExecGalley(["reconstruct", bad]);
    expect(status).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toBe(`galley reconstruct: ${bad}: the input is binary data, not OCR text or XML\n`);
  });

  it("writes the command's output alone on stdout", () => {
    const page = join(work, "page.txt");
    writeFileSync(page, "A HEADLINE\n\nThe story begins here and goes on.\n");
    const { status, stdout, stderr } = pnpmExecGalley(["reconstruct", page]);
    expect(status).toBe(0);
    expect(stderr).toBe("");
    expect(JSON.parse(stdout).source.format).toBe("text");
  });
});

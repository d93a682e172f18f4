import { spawn } from "node:child_process";
import { OcrError } from "./ocr-error.ts";

/** What a finished Tesseract process left behind. */
export interface RunResult {
  stdout: string;
  stderr: string;
}

/**
 * Runs the `tesseract` executable with `args`, collecting its output. A missing executable is
 * an `OcrError("missing-tesseract")` naming the Debian package; a non-zero exit is "failed"
 * with Tesseract's last stderr line; running past `timeoutMs` kills it ("timeout").
 */
export function runTesseract(
  args: string[],
  options: { binary?: string; timeoutMs?: number } = {},
): Promise<RunResult> {
  const binary = options.binary ?? "tesseract";
  return new Promise((resolve, reject) => {
    const child = spawn(binary, args, { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    let timedOut = false;
    const timer = options.timeoutMs
      ? setTimeout(() => {
          timedOut = true;
          child.kill("SIGKILL");
        }, options.timeoutMs)
      : null;
    child.stdout.on("data", (d: Buffer) => {
      stdout += d.toString("utf8");
    });
    child.stderr.on("data", (d: Buffer) => {
      stderr += d.toString("utf8");
    });
    child.on("error", (error: NodeJS.ErrnoException) => {
      if (timer) clearTimeout(timer);
      if (error.code === "ENOENT") {
        reject(
          new OcrError(
            "missing-tesseract",
            `Tesseract is not installed (no "${binary}" on PATH): install the Debian package tesseract-ocr, with tesseract-ocr-eng and tesseract-ocr-chi-sim for the languages`,
          ),
        );
      } else reject(new OcrError("failed", `could not start ${binary}: ${error.message}`));
    });
    child.on("close", (code) => {
      if (timer) clearTimeout(timer);
      if (timedOut) {
        reject(
          new OcrError(
            "timeout",
            `Tesseract ran longer than ${Math.round((options.timeoutMs ?? 0) / 1000)} s and was stopped`,
          ),
        );
      } else if (code !== 0) {
        const last = stderr.trim().split("\n").filter(Boolean).pop() ?? `exit code ${code}`;
        reject(new OcrError("failed", `Tesseract failed: ${last}`));
      } else resolve({ stdout, stderr });
    });
  });
}

/** The languages the installed Tesseract has data for (`tesseract --list-langs`). */
export async function listLanguages(binary?: string): Promise<Set<string>> {
  const { stdout, stderr } = await runTesseract(["--list-langs"], {
    ...(binary ? { binary } : {}),
    timeoutMs: 30_000,
  });
  // Tesseract 4 printed the list on stderr, 5 on stdout; the first line is a heading.
  const lines = `${stdout}\n${stderr}`.split("\n").map((l) => l.trim());
  return new Set(lines.filter((l) => l && !l.includes(" ") && !l.endsWith(":")));
}

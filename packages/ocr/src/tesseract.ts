import { spawn } from "node:child_process";
import { setPriority } from "node:os";
import { OcrError } from "./ocr-error.ts";

/** What a finished Tesseract process left behind. */
export interface RunResult {
  stdout: string;
  stderr: string;
}

/** Options of `runTesseract`. */
export interface RunOptions {
  /** The Tesseract executable (default "tesseract" on PATH). */
  binary?: string;
  /** Kill it after this long ("timeout"). */
  timeoutMs?: number;
  /**
   * Cap on the process's address space in bytes (`ulimit -v`, i.e. RLIMIT_AS, set by `/bin/sh`
   * before it execs Tesseract): past it allocations fail and Tesseract stops ("memory").
   * Default: no cap.
   */
  memoryBytes?: number;
  /** OpenMP threads Tesseract may use (`OMP_THREAD_LIMIT`); default: Tesseract's own choice. */
  threads?: number;
  /** Nice value to run it at (0–19), so that it yields the CPU to the server; default 0. */
  nice?: number;
  /** Kills it when aborted ("cancelled"). */
  signal?: AbortSignal;
}

// What a failed allocation looks like on Tesseract's stderr (C++, OpenMP, Leptonica); under a
// tight cap the dynamic loader may fail first ("failed to map segment").
const outOfMemory =
  /bad_alloc|cannot allocate|out of memory|resource temporarily unavailable|memory exhausted|failed to map|cannot map/i;

/**
 * Runs the `tesseract` executable with `args`, collecting its output. A missing executable is
 * an `OcrError("missing-tesseract")` naming the Debian package; a non-zero exit is "failed"
 * with Tesseract's last stderr line ("memory" when a memory cap was set and an allocation
 * failed); running past `timeoutMs` kills it ("timeout"), and so does `signal` ("cancelled").
 */
export function runTesseract(args: string[], options: RunOptions = {}): Promise<RunResult> {
  const binary = options.binary ?? "tesseract";
  if (options.signal?.aborted) return Promise.reject(cancelled(options.signal));
  const env = options.threads ? { ...process.env, OMP_THREAD_LIMIT: String(options.threads) } : process.env;
  // The cap is set by the shell that then becomes Tesseract (exec): Node cannot set a child's
  // rlimits itself, and this needs no cgroup and no privilege.
  const [command, commandArgs] = options.memoryBytes
    ? [
        "/bin/sh",
        [
          "-c",
          'ulimit -v "$1" || exit 126; shift; exec "$@"',
          "sh",
          String(Math.ceil(options.memoryBytes / 1024)),
          binary,
          ...args,
        ],
      ]
    : [binary, args];
  return new Promise((resolve, reject) => {
    const child = spawn(command, commandArgs, { stdio: ["ignore", "pipe", "pipe"], env });
    if (options.nice && child.pid !== undefined) {
      try {
        setPriority(child.pid, options.nice);
      } catch {
        // Already gone, or not permitted: it runs at normal priority.
      }
    }
    let stdout = "";
    let stderr = "";
    let stopped: OcrError | null = null;
    const stop = (why: OcrError) => {
      stopped ??= why;
      child.kill("SIGKILL");
    };
    const timer = options.timeoutMs
      ? setTimeout(
          () =>
            stop(
              new OcrError(
                "timeout",
                `Tesseract ran longer than ${Math.round((options.timeoutMs ?? 0) / 1000)} s and was stopped`,
              ),
            ),
          options.timeoutMs,
        )
      : null;
    const onAbort = () => stop(cancelled(options.signal!));
    options.signal?.addEventListener("abort", onAbort, { once: true });
    const done = () => {
      if (timer) clearTimeout(timer);
      options.signal?.removeEventListener("abort", onAbort);
    };
    child.stdout.on("data", (d: Buffer) => {
      stdout += d.toString("utf8");
    });
    child.stderr.on("data", (d: Buffer) => {
      stderr += d.toString("utf8");
    });
    child.on("error", (error: NodeJS.ErrnoException) => {
      done();
      if (error.code === "ENOENT") reject(missingTesseract(binary));
      else reject(new OcrError("failed", `could not start ${binary}: ${error.message}`));
    });
    child.on("close", (code, signal) => {
      done();
      if (stopped) return reject(stopped);
      // 127 with "not found": the shell found no such command.
      if (options.memoryBytes && code === 127 && /not found/i.test(stderr))
        return reject(missingTesseract(binary));
      if (code === 0) return resolve({ stdout, stderr });
      const last = stderr.trim().split("\n").filter(Boolean).pop() ?? `exit ${code ?? signal}`;
      if (options.memoryBytes && (outOfMemory.test(stderr) || signal === "SIGSEGV" || signal === "SIGABRT")) {
        return reject(
          new OcrError(
            "memory",
            `Tesseract ran out of its memory limit of ${Math.round(options.memoryBytes / 1024 / 1024)} MiB (${last})`,
          ),
        );
      }
      reject(new OcrError("failed", `Tesseract failed: ${last}`));
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

function missingTesseract(binary: string): OcrError {
  return new OcrError(
    "missing-tesseract",
    `Tesseract is not installed (no "${binary}" on PATH): install the Debian package tesseract-ocr, with tesseract-ocr-eng and tesseract-ocr-chi-sim for the languages`,
  );
}

function cancelled(signal: AbortSignal): OcrError {
  const reason = signal.reason;
  return new OcrError("cancelled", reason instanceof Error ? reason.message : "the OCR was cancelled");
}

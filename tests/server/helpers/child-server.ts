import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));

import { galleyBundle, galleyNodeFlags } from "../../support/galley-bin.ts";

/** `galley serve` in a child process: the compiled CLI, as `pnpm start` runs it. */
export interface ChildServer {
  process: ChildProcess;
  url: string;
  collabUrl: string;
  /** Resolves with the exit code and signal when the process ends. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Everything the server wrote to stderr (logs). */
  stderr(): string;
}

/** Starts `galley serve --port 0 --data DIR [extra…]` and resolves once it printed its URL. */
export function spawnServer(dataDir: string, extra: string[] = []): Promise<ChildServer> {
  const child = spawn(
    process.execPath,
    [
      ...(process.env.GALLEY_CHILD_CPU_PROF
        ? ["--cpu-prof", `--cpu-prof-dir=${process.env.GALLEY_CHILD_CPU_PROF}`]
        : []),
      ...galleyNodeFlags,
      galleyBundle,
      "serve",
      "--port",
      "0",
      "--host",
      "127.0.0.1",
      "--data",
      dataDir,
      "--web",
      dataDir,
      ...extra,
    ],
    { cwd: repoRoot, stdio: ["ignore", "pipe", "pipe"] },
  );
  let out = "";
  let err = "";
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );
  child.stderr.on("data", (chunk: Buffer) => {
    err += chunk.toString();
  });
  return new Promise((resolve, reject) => {
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const match = /Galley is serving http:\/\/localhost:(\d+)\//.exec(out);
      if (!match) return;
      const port = match[1];
      resolve({
        process: child,
        url: `http://127.0.0.1:${port}`,
        collabUrl: `ws://127.0.0.1:${port}/collab`,
        exited,
        stderr: () => err,
      });
    });
    exited.then(({ code, signal }) =>
      reject(new Error(`galley serve exited (${code ?? signal}) before listening:\n${err}`)),
    );
  });
}

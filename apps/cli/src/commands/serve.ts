import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { recognizeImage } from "@galley/ocr";
import {
  createConsoleLogger,
  createPageFromUpload,
  defaultLimits,
  issueToken,
  loginTokenTtlMs,
  lowerHelperThreads,
  newId,
  openDataDir,
  type RunningGalleyServer,
  type Storage,
  startGalleyServer,
} from "@galley/server";
import { parseArgs } from "../args.ts";
import { CliError, type CliIo, type Command } from "../io.ts";
import { bundledWorkerFile, defaultWebRoot, samplePagePath } from "../paths.ts";

/** `galley serve [--port P] [--data DIR] [--web DIR] [--host H]`: runs the collaboration server until SIGTERM/SIGINT. */
export const serveCommand: Command = {
  summary: "run the collaboration server (REST API, websocket sync, web app)",
  usage: [
    "galley serve [--port P] [--data DIR] [--web DIR] [--host H] [--sync full|normal] [--postgres URL [--schema S] [--redis URL]]",
    "             [--trusted-origins URL,URL…] [--trust-proxy N]",
    "",
    "  --port   TCP port (default $PORT, else 8787; 0 picks a free one)",
    "  --data   data directory holding galley.db (default ./data)",
    "  --web    the built web app (default apps/web/dist)",
    "  --host   interface to bind (default all)",
    "  --sync   full (default): every SQLite commit is fsynced, it survives a power cut; normal: a commit",
    "           survives a crash of the process, not of the machine, and no commit waits on the disk",
    "  --postgres URL  store in PostgreSQL instead of DIR/galley.db (tables in --schema, default galley)",
    "  --redis URL     relay updates to the other galley serve processes on the same PostgreSQL",
    "  --trusted-origins  other sites whose pages may make changes with the session cookie",
    "  --trust-proxy N    reverse proxies in front that append the client to X-Forwarded-For (default 0)",
    "  Page images (PNG, JPEG, TIFF) uploaded to the API are OCR'd with Tesseract (Debian tesseract-ocr).",
    "  On first start a demo issue with the sample page is created. Prints the URL and a one-time",
    "  admin sign-in link. SIGTERM or SIGINT: stores everything, closes sockets (1001), exits 0.",
  ].join("\n"),
  async run(args: string[], io: CliIo): Promise<number> {
    const { positionals, options } = parseArgs(args, {
      options: [
        "port",
        "data",
        "web",
        "host",
        "sync",
        "postgres",
        "schema",
        "redis",
        "trusted-origins",
        "trust-proxy",
      ],
    });
    if (positionals.length > 0) throw new CliError(`unexpected argument "${positionals[0]}"`, 2);
    // Before any worker thread exists: V8's helper threads, which compile hot code for the
    // worker threads too, run at the workers' priority, not the event loop's (lowerHelperThreads).
    lowerHelperThreads(defaultLimits.workerNice);
    const port = parsePort(options.get("port") ?? process.env.PORT ?? "8787");
    const dataDir = resolve(options.get("data") ?? "data");
    const webRoot = resolve(options.get("web") ?? defaultWebRoot());
    const sync = options.get("sync") ?? "full";
    if (sync !== "full" && sync !== "normal")
      throw new CliError(`--sync must be full or normal, not "${sync}"`, 2);
    const postgres = options.get("postgres");
    const redis = options.get("redis");
    const trustedOrigins = (options.get("trusted-origins") ?? "").split(",").filter(Boolean);
    const trustProxy = Number(options.get("trust-proxy") ?? "0");
    if (!Number.isSafeInteger(trustProxy) || trustProxy < 0)
      throw new CliError("--trust-proxy must be a number of proxies (0 or more)", 2);
    if (redis && !postgres)
      throw new CliError("--redis needs --postgres: the processes must share one storage", 2);
    const scaleOut = postgres ? await import("../scale-out.ts") : null;
    const storage =
      postgres && scaleOut
        ? await scaleOut.openPostgresStorage({
            connectionString: postgres,
            ...(options.get("schema") ? { schema: options.get("schema")! } : {}),
          })
        : openDataDir(dataDir, { synchronous: sync });
    const bus = redis && scaleOut ? await scaleOut.createRedisBus({ url: redis }) : null;
    let running: RunningGalleyServer;
    try {
      await ensureDemoIssue(storage, io);
      // Expired sessions and sign-in links are of no use to anyone: cleared at each start.
      await storage.deleteExpiredTokens(new Date().toISOString());
      running = await startGalleyServer({
        storage,
        port,
        trustedOrigins,
        trustProxy,
        ...(options.get("host") ? { hostname: options.get("host")! } : {}),
        webRoot,
        bus,
        logger: createConsoleLogger(io.stderr),
        ...(bundledWorkerFile() ? { workerFile: bundledWorkerFile()! } : {}),
        ocr: (bytes, { onProgress, ...options }) =>
          recognizeImage(bytes, {
            ...options,
            ...(onProgress ? { onProgress: (progress) => onProgress(progress.fraction) } : {}),
          }),
      });
    } catch (error) {
      await storage.close();
      await bus?.close();
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "EADDRINUSE") throw new CliError(`port ${port} is in use (choose another with --port)`);
      throw error;
    }
    const { token } = await issueToken(storage, {
      kind: "login",
      role: "admin",
      user: "admin",
      name: "sign-in link",
      ttlMs: loginTokenTtlMs,
    });
    io.stdout(
      `Galley is serving ${running.url}/ (data: ${postgres ? `PostgreSQL${redis ? " + Redis" : ""}` : dataDir})\n`,
    );
    io.stdout(`Sign in as admin (one-time link, valid 24 h): ${running.url}/?token=${token}\n`);
    if (!existsSync(join(webRoot, "index.html"))) {
      io.stderr(`note: no web app at ${webRoot}; build it with "pnpm --filter @galley/web build"\n`);
    }
    return new Promise<number>((done) => {
      const stop = (signal: string) => {
        io.stderr(`${signal}: storing and closing…\n`);
        running
          .close()
          .then(() => storage.close())
          .then(() => bus?.close())
          .then(
            () => done(0),
            (error: unknown) => {
              io.stderr(`galley serve: shutdown failed: ${(error as Error).message}\n`);
              done(1);
            },
          );
      };
      process.once("SIGTERM", () => stop("SIGTERM"));
      process.once("SIGINT", () => stop("SIGINT"));
    });
  },
};

function parsePort(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535)
    throw new CliError(`port must be a number from 0 to 65535, not "${value}"`, 2);
  return port;
}

/** On a fresh data directory: one issue holding the sample page, so there is something to open. */
async function ensureDemoIssue(storage: Storage, io: CliIo): Promise<void> {
  if ((await storage.listIssues()).length > 0) return;
  const id = newId("i");
  const date = new Date().toISOString().slice(0, 10);
  await storage.createIssue({
    id,
    publication: "科学导报",
    title: "示例版面",
    date,
    createdAt: new Date().toISOString(),
  });
  const bytes = await readFile(samplePagePath());
  const page = await createPageFromUpload(
    storage,
    { issueId: id, number: 1, bytes },
    null,
    createConsoleLogger(io.stderr),
  );
  io.stderr(`created the demo issue ${id} with page ${page.id} (${page.articleCount} articles)\n`);
}

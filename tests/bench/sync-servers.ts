/**
 * The servers `pnpm bench sync --compare` drives side by side, each started by the benchmark
 * as its own process: Galley compiled (`apps/cli/dist/galley.js serve`) on SQLite, two Galley
 * processes on PostgreSQL + Redis, and the reference server `@y/websocket-server` (the
 * devDependency's own `src/server.js`, in its default setup: documents in memory only).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { pageFragmentName } from "@galley/doc";
import { createPageFromUpload, issueToken, openDataDir, type Storage, silentLogger } from "@galley/server";
import { dropPostgresSchema, openPostgresStorage } from "@galley/server/scale-out";
import * as encoding from "lib0/encoding";
import WebSocket from "ws";
import * as Y from "yjs";
import { spawnServer } from "../server/helpers/child-server.ts";
import { seedPage } from "../server/helpers/server.ts";
import { postgresUrl, redisUrl } from "../server/helpers/services.ts";

/** Which server a run drives. */
export type ServerKind = "galley" | "reference" | "galley-pg";

/** Where a y-websocket client connects for one page: `new WebsocketProvider(serverUrl, room, doc, { params })`. */
export interface Endpoint {
  serverUrl: string;
  room: string;
  params: Record<string, string>;
}

/** One started server (one or two processes) holding `pages` pages with the same content. */
export interface BenchServer {
  kind: ServerKind;
  /** The endpoint of page `page` on process `process` (Galley PG has two; others wrap around). */
  endpoint(page: number, process?: number): Endpoint;
  /** Process ids, for CPU and memory readings. */
  pids(): number[];
  /** SIGKILLs the first process and starts it again on the same data. */
  killAndRestart(): Promise<void>;
  /** Reads page `page`'s content as the server holds it now (process 2 when there is one). */
  readPage(page: number): Promise<string>;
  stop(): Promise<void>;
}

/** The page's first update (the seed page, reconstructed as Galley does on upload). */
let seedUpdate: Uint8Array | null = null;

async function prepareGalleyPages(
  storage: Storage,
  pages: number,
): Promise<{ ids: string[]; token: string }> {
  const now = new Date().toISOString();
  await storage.createIssue({ id: "i-bench", title: "Bench", date: "2025-02-10", createdAt: now });
  const first = await createPageFromUpload(
    storage,
    { issueId: "i-bench", number: 1, bytes: seedPage },
    null,
    silentLogger,
  );
  seedUpdate ??= (await storage.loadDoc(first.id))!.updates[0]!;
  const ids = [first.id];
  for (let n = 2; n <= pages; n++) {
    const id = `p-bench-${n}`;
    await storage.createPage({
      ...first,
      id,
      number: n,
      source: seedPage,
      ocrText: null,
      firstUpdate: seedUpdate,
    });
    ids.push(id);
  }
  const { token } = await issueToken(storage, { role: "editor", name: "bench" });
  return { ids, token };
}

/** Starts Galley on SQLite (a fresh data dir) with `pages` pages. */
export async function startGalley(pages: number): Promise<BenchServer> {
  const dataDir = mkdtempSync(join(tmpdir(), "galley-bench-"));
  const storage = openDataDir(dataDir);
  const { ids, token } = await prepareGalleyPages(storage, pages);
  await storage.close();
  let server = await spawnServer(dataDir);
  return {
    kind: "galley",
    endpoint: (page) => ({ serverUrl: server.collabUrl, room: ids[page]!, params: { token } }),
    pids: () => [server.process.pid!],
    async killAndRestart() {
      server.process.kill("SIGKILL");
      await server.exited;
      server = await spawnServer(dataDir);
    },
    readPage: (page) => readGalleyPage(server.url, ids[page]!, token),
    async stop() {
      server.process.kill("SIGTERM");
      await server.exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Starts two Galley processes on one PostgreSQL schema, relaying over Redis, with `pages` pages. */
export async function startGalleyPostgres(pages: number): Promise<BenchServer> {
  const schema = `bench_${process.pid}_${Date.now().toString(36)}`;
  const storage = await openPostgresStorage({ connectionString: postgresUrl, schema });
  const { ids, token } = await prepareGalleyPages(storage, pages);
  await storage.close();
  const dataDir = mkdtempSync(join(tmpdir(), "galley-bench-pg-"));
  const args = ["--postgres", postgresUrl, "--schema", schema, "--redis", redisUrl];
  const servers = [await spawnServer(dataDir, args), await spawnServer(dataDir, args)];
  return {
    kind: "galley-pg",
    endpoint: (page, process = 0) => ({
      serverUrl: servers[process % 2]!.collabUrl,
      room: ids[page]!,
      params: { token },
    }),
    pids: () => servers.map((s) => s.process.pid!),
    async killAndRestart() {
      servers[0]!.process.kill("SIGKILL");
      await servers[0]!.exited;
      servers[0] = await spawnServer(dataDir, args);
    },
    readPage: (page) => readGalleyPage(servers[1]!.url, ids[page]!, token),
    async stop() {
      for (const s of servers) s.process.kill("SIGTERM");
      await Promise.all(servers.map((s) => s.exited));
      await dropPostgresSchema(postgresUrl, schema);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function readGalleyPage(url: string, pageId: string, token: string): Promise<string> {
  const response = await fetch(`${url}/api/pages/${pageId}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  if (!response.ok) throw new Error(`GET page ${pageId}: ${response.status} ${await response.text()}`);
  return response.text();
}

const referenceScript = join(
  dirname(createRequire(import.meta.url).resolve("@y/websocket-server/package.json")),
  "src",
  "server.js",
);

/** A free TCP port on 127.0.0.1 (the reference server takes `PORT` and does not report a chosen one). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

async function spawnReference(port: number): Promise<{ process: ChildProcess; exited: Promise<void> }> {
  const child = spawn(process.execPath, [referenceScript], {
    env: { ...process.env, HOST: "127.0.0.1", PORT: String(port) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  let err = "";
  child.stderr!.on("data", (chunk: Buffer) => {
    err += chunk.toString();
  });
  await new Promise<void>((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes("running at")) resolve();
    });
    exited.then(() => reject(new Error(`the reference server exited before listening:\n${err}`)));
  });
  return { process: child, exited };
}

/** Starts `@y/websocket-server` and gives `pages` rooms the seed page's content. */
export async function startReference(pages: number): Promise<BenchServer> {
  if (!seedUpdate) {
    const dataDir = mkdtempSync(join(tmpdir(), "galley-bench-seed-"));
    const storage = openDataDir(dataDir);
    await prepareGalleyPages(storage, 1);
    await storage.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
  const port = await freePort();
  let server = await spawnReference(port);
  const serverUrl = `ws://127.0.0.1:${port}`;
  const room = (page: number) => `page-${page}`;
  const seed = async () => {
    for (let start = 0; start < pages; start += 50) {
      const batch = Array.from({ length: Math.min(50, pages - start) }, (_, i) => start + i);
      await Promise.all(batch.map((page) => pushUpdate(`${serverUrl}/${room(page)}`, seedUpdate!)));
    }
  };
  await seed();
  return {
    kind: "reference",
    endpoint: (page) => ({ serverUrl, room: room(page), params: {} }),
    pids: () => [server.process.pid!],
    async killAndRestart() {
      server.process.kill("SIGKILL");
      await server.exited;
      server = await spawnReference(port);
    },
    readPage: (page) => readReferencePage(`${serverUrl}/${room(page)}`),
    async stop() {
      server.process.kill("SIGTERM");
      await server.exited;
    },
  };
}

/**
 * Sends `update` to a room of the reference server, then a sync step 1, and resolves on the
 * answer: messages of one socket are handled in order, so the update is applied by then.
 */
function pushUpdate(url: string, update: Uint8Array): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url);
    socket.binaryType = "arraybuffer";
    socket.once("error", reject);
    socket.once("open", () => {
      socket.send(syncMessage(2, update));
      socket.send(syncMessage(0, Y.encodeStateVector(new Y.Doc())));
    });
    socket.on("message", (data: ArrayBuffer) => {
      const bytes = new Uint8Array(data);
      // sync (0), step 2 (1): the answer to our step 1.
      if (bytes[0] === 0 && bytes[1] === 1) {
        socket.close();
        resolve();
      }
    });
  });
}

/** The content of a reference room as a fresh client receives it. */
function readReferencePage(url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url);
    socket.binaryType = "arraybuffer";
    socket.once("error", reject);
    socket.once("open", () => socket.send(syncMessage(0, Y.encodeStateVector(new Y.Doc()))));
    socket.on("message", (data: ArrayBuffer) => {
      const bytes = new Uint8Array(data);
      if (bytes[0] !== 0 || bytes[1] !== 1) return;
      const doc = new Y.Doc();
      // varUint 0, varUint 1, then the update as varUint8Array.
      const message = new Uint8Array(data);
      const update = readVarUint8Array(message, 2);
      Y.applyUpdate(doc, update);
      socket.close();
      resolve(doc.getXmlFragment(pageFragmentName).toString());
      doc.destroy();
    });
  });
}

function syncMessage(step: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarUint(encoder, step);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

function readVarUint8Array(bytes: Uint8Array, at: number): Uint8Array {
  let length = 0;
  let shift = 0;
  let pos = at;
  for (;;) {
    const byte = bytes[pos++]!;
    length += (byte & 0x7f) * 2 ** shift;
    if (byte < 0x80) break;
    shift += 7;
  }
  return bytes.subarray(pos, pos + length);
}

/** Starts the server of `kind` with `pages` pages. */
export function startServer(kind: ServerKind, pages: number): Promise<BenchServer> {
  if (kind === "galley") return startGalley(pages);
  if (kind === "galley-pg") return startGalleyPostgres(pages);
  return startReference(pages);
}

/** CPU time (user + system, ms) and peak resident memory (MB) of a process, from /proc. */
export function processUsage(pid: number): { cpuMs: number; peakRssMb: number; rssMb: number } {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  // Fields after the command name (which may hold spaces) start at ") ".
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const ticks = Number(fields[11]) + Number(fields[12]);
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (name: string) => Number(new RegExp(`${name}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { cpuMs: ticks * 10, peakRssMb: kb("VmHWM") / 1024, rssMb: kb("VmRSS") / 1024 };
}

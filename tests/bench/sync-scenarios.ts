/**
 * The scenarios of `pnpm bench sync --compare`, each run the same way against any
 * `BenchServer` with the stock `y-websocket` client: join, fan-out, many pages typing, and
 * SIGKILL after a burst of edits. Each returns plain figures; the caller compares.
 */
import { pageFragmentName } from "@galley/doc";
import WebSocket from "ws";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { type LoopDelay, watchLoop } from "../support/loop-delay.ts";
import type { BenchServer, Endpoint } from "./sync-servers.ts";
import { processUsage } from "./sync-servers.ts";

/** A stock y-websocket client on one page. */
interface BenchClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** Resolves with ms from creation to the first sync; rejects on timeout. */
  synced: Promise<number>;
  destroy(): void;
}

function connect(endpoint: Endpoint, timeoutMs = 60_000): BenchClient {
  const doc = new Y.Doc();
  const started = performance.now();
  const provider = new WebsocketProvider(endpoint.serverUrl, endpoint.room, doc, {
    params: endpoint.params,
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  const synced = new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no sync within ${timeoutMs} ms`)), timeoutMs);
    provider.once("sync", () => {
      clearTimeout(timer);
      resolve(performance.now() - started);
    });
  });
  synced.catch(() => {});
  return {
    doc,
    provider,
    synced,
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}

/** The first text node of the page (inside the first article's first block). */
function firstText(doc: Y.Doc): Y.XmlText {
  const stack: (Y.XmlElement | Y.XmlFragment)[] = [doc.getXmlFragment(pageFragmentName)];
  while (stack.length > 0) {
    const node = stack.shift()!;
    for (const child of node.toArray()) {
      if (child instanceof Y.XmlText) return child;
      if (child instanceof Y.XmlElement) stack.push(child);
    }
  }
  throw new RangeError("the page has no text");
}

/** The value at percentile `p` (0–100) of `values` (sorted here). */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? sorted[0]!;
}

/** A page kept loaded on one server, to which groups of clients join one group at a time. */
export interface JoinSession {
  /** `clients` clients join at once; ms from creating each to its first sync (failed ones left out). */
  join(clients: number): Promise<number[]>;
  close(): void;
}

/**
 * Opens page 0 with one idle client per process (so both servers answer from a loaded page,
 * as for any page being edited) for joins to be measured on.
 */
export async function openJoin(server: BenchServer): Promise<JoinSession> {
  const anchors = [connect(server.endpoint(0, 0)), connect(server.endpoint(0, 1))];
  await Promise.all(anchors.map((a) => a.synced));
  return {
    async join(clients) {
      const joining = Array.from({ length: clients }, (_, i) => connect(server.endpoint(0, i)));
      const results = await Promise.allSettled(joining.map((c) => c.synced));
      for (const client of joining) client.destroy();
      return results.flatMap((r) => (r.status === "fulfilled" ? [r.value] : []));
    },
    close() {
      for (const anchor of anchors) anchor.destroy();
    },
  };
}

/** One writer and its readers on page 0 of one server. */
export interface FanOutSession {
  /** The writer makes `edits` edits, each once every reader holds the one before; ms from each edit to each reader holding it. */
  write(edits: number): Promise<number[]>;
  close(): void;
}

/** Connects one writer and `readers` readers to page 0 (spread over the server's processes). */
export async function openFanOut(server: BenchServer, readers: number): Promise<FanOutSession> {
  const writer = connect(server.endpoint(0, 0));
  const audience = Array.from({ length: readers }, (_, i) => connect(server.endpoint(0, i + 1)));
  await Promise.all([writer.synced, ...audience.map((c) => c.synced)]);
  const text = firstText(writer.doc);
  const writerId = writer.doc.clientID;
  return {
    async write(edits) {
      const samples: number[] = [];
      for (let e = 0; e < edits; e++) {
        const sentAt = performance.now();
        text.insert(0, "x");
        const clock = Y.getState(writer.doc.store, writerId);
        await Promise.all(
          audience.map(
            (reader) =>
              new Promise<void>((resolve) => {
                const check = () => {
                  if (Y.getState(reader.doc.store, writerId) < clock) return false;
                  samples.push(performance.now() - sentAt);
                  resolve();
                  return true;
                };
                if (check()) return;
                const onUpdate = () => {
                  if (check()) reader.doc.off("update", onUpdate);
                };
                reader.doc.on("update", onUpdate);
              }),
          ),
        );
      }
      return samples;
    },
    close() {
      writer.destroy();
      for (const reader of audience) reader.destroy();
    },
  };
}

/** The client process's own event-loop delay, measured while resumed. */
export interface ClientLoop {
  resume(): void;
  pause(): void;
  stop(): LoopDelay;
}

/**
 * Measures the client process's own event-loop delay over the spans between `resume` and
 * `pause`: a 10 ms ticker's lateness, recorded only while resumed (a histogram switched on and
 * off would count the pause itself as one long delay).
 */
export function watchClientLoop(): ClientLoop {
  const delays: number[] = [];
  let active = false;
  let last = performance.now();
  const ticker = setInterval(() => {
    const now = performance.now();
    if (active) delays.push(Math.max(0, now - last - 10));
    last = now;
  }, 10);
  return {
    resume() {
      active = true;
      last = performance.now();
    },
    pause() {
      active = false;
    },
    stop() {
      clearInterval(ticker);
      return {
        p50: percentile(delays, 50),
        p99: percentile(delays, 99),
        max: delays.reduce((a, b) => Math.max(a, b), 0),
      };
    },
  };
}

/** What the many-pages run measured. */
export interface TypingResult {
  /** ms from an edit to each other client of its page holding it. */
  samples: number[];
  /** Edits made, and deliveries expected and seen. */
  edits: number;
  expected: number;
  delivered: number;
  /** Server CPU time over the typing (ms, all processes). */
  serverCpuMs: number;
  /** Peak resident memory of the server (MB; the largest process). */
  peakRssMb: number;
  durationMs: number;
  loop: LoopDelay;
}

/**
 * `pages` pages with `perPage` clients each; every client types one character every
 * `intervalMs` (at a random phase) for `durationMs`. Latency is from a keystroke to each other
 * client of the page holding it; the run waits (up to 30 s) for every delivery.
 */
export async function runTyping(
  server: BenchServer,
  pages: number,
  perPage: number,
  intervalMs: number,
  durationMs: number,
): Promise<TypingResult> {
  interface Writer {
    client: BenchClient;
    page: number;
    /** Clock after each edit, and when it was made. */
    sent: { clock: number; at: number }[];
  }
  const writers: Writer[] = [];
  for (let page = 0; page < pages; page++) {
    for (let k = 0; k < perPage; k++)
      writers.push({ client: connect(server.endpoint(page, k)), page, sent: [] });
  }
  for (let start = 0; start < writers.length; start += 100)
    await Promise.all(writers.slice(start, start + 100).map((w) => w.client.synced));
  const samples: number[] = [];
  let delivered = 0;
  // Each reader follows each other writer of its page: how far it has seen.
  for (const reader of writers) {
    const others = writers.filter((w) => w.page === reader.page && w !== reader);
    const seen = others.map(() => 0);
    reader.client.doc.on("update", () => {
      const now = performance.now();
      others.forEach((writer, i) => {
        const state = Y.getState(reader.client.doc.store, writer.client.doc.clientID);
        while (seen[i]! < writer.sent.length && writer.sent[seen[i]!]!.clock <= state) {
          samples.push(now - writer.sent[seen[i]!]!.at);
          seen[i]!++;
          delivered++;
        }
      });
    });
  }
  const before = server.pids().map((pid) => processUsage(pid).cpuMs);
  const loop = watchLoop();
  const started = performance.now();
  let edits = 0;
  await new Promise<void>((resolve) => {
    let running = writers.length;
    for (const writer of writers) {
      const text = firstText(writer.client.doc);
      const type = () => {
        if (performance.now() - started >= durationMs) {
          if (--running === 0) resolve();
          return;
        }
        text.insert(0, "a");
        writer.sent.push({
          clock: Y.getState(writer.client.doc.store, writer.client.doc.clientID),
          at: performance.now(),
        });
        edits++;
        setTimeout(type, intervalMs);
      };
      setTimeout(type, Math.random() * intervalMs);
    }
  });
  const expected = edits * (perPage - 1);
  const deadline = performance.now() + 30_000;
  while (delivered < expected && performance.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  const duration = performance.now() - started;
  const delay = loop.stop();
  const after = server.pids().map((pid) => processUsage(pid));
  const serverCpuMs = after.reduce((sum, usage, i) => sum + usage.cpuMs - before[i]!, 0);
  const peakRssMb = Math.max(...after.map((u) => u.peakRssMb));
  for (const writer of writers) writer.client.destroy();
  return { samples, edits, expected, delivered, serverCpuMs, peakRssMb, durationMs: duration, loop: delay };
}

/**
 * One client makes `edits` separate edits on page 0; the server is SIGKILLed `afterMs` after
 * the last one and started again; returns how many of the edits the restarted server holds.
 */
export async function runKill(server: BenchServer, edits: number, afterMs: number): Promise<number> {
  const client = connect(server.endpoint(0, 0));
  await client.synced;
  const text = firstText(client.doc);
  for (let i = 0; i < edits; i++) text.insert(0, `‹${i}›`);
  await new Promise((resolve) => setTimeout(resolve, afterMs));
  const restarted = server.killAndRestart();
  client.destroy();
  await restarted;
  const content = await server.readPage(0);
  return new Set(content.match(/‹\d+›/g) ?? []).size;
}

/**
 * `pnpm bench sync --compare [--rounds N] [--only join,fanout,typing,kill] [--servers galley,reference,galley-pg]
 * [--pages N] [--interval MS] [--duration MS]`
 *
 * Galley (compiled, SQLite; and two processes on PostgreSQL + Redis) against the reference
 * server `@y/websocket-server` (the devDependency, started here, default setup), driven by the
 * stock `y-websocket` client with the same scenarios. Each round starts every server afresh and
 * runs them one after another in a rotating order, so the machine's drift falls on all of them;
 * figures are printed per round with the ratio Galley / reference, and the client process's own
 * event-loop delay (a saturated client measures itself, not the server).
 */
import { cpus, loadavg } from "node:os";
import { ensureBuilt } from "../../apps/cli/build.mjs";
import type { LoopDelay } from "../support/loop-delay.ts";
import {
  type ClientLoop,
  type JoinSession,
  openFanOut,
  openJoin,
  percentile,
  runKill,
  runTyping,
  type TypingResult,
  watchClientLoop,
} from "./sync-scenarios.ts";
import { type BenchServer, type ServerKind, startServer } from "./sync-servers.ts";

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 && args[at + 1] !== undefined ? args[at + 1]! : fallback;
};
const rounds = Number(option("rounds", "3"));
const only = option("only", "join,fanout,typing,kill").split(",");
const kinds = option("servers", "galley,reference,galley-pg").split(",") as ServerKind[];
const typingPages = Number(option("pages", "200"));
const typingInterval = Number(option("interval", "500"));
const typingDuration = Number(option("duration", "8000"));

const label: Record<ServerKind, string> = {
  galley: "Galley SQLite",
  reference: "reference",
  "galley-pg": "Galley PG×2",
};

/** One figure per server for one round. */
type Figures = Map<ServerKind, number>;

const ms = (v: number) => (Number.isFinite(v) ? `${v.toFixed(v < 10 ? 2 : 1)} ms` : "—");
const loopText = (l: LoopDelay) => `client loop p99 ${ms(l.p99)}`;

function printRow(
  name: string,
  figures: Figures,
  format: (v: number) => string,
  extra: Map<ServerKind, string>,
) {
  const reference = figures.get("reference");
  const cells = kinds.map((kind) => {
    const value = figures.get(kind);
    if (value === undefined) return `${label[kind]} —`;
    const ratio =
      kind !== "reference" && reference !== undefined && reference > 0
        ? ` (${(value / reference).toFixed(2)}×)`
        : "";
    const more = extra.get(kind) ? ` [${extra.get(kind)}]` : "";
    return `${label[kind]} ${format(value)}${ratio}${more}`;
  });
  console.log(`  ${name}: ${cells.join(" | ")}`);
}

/** Every round's ratios Galley / reference per figure, for the summary. */
const ratios = new Map<string, Map<ServerKind, number[]>>();
function noteRatios(name: string, figures: Figures) {
  const reference = figures.get("reference");
  if (!reference) return;
  const byKind = ratios.get(name) ?? new Map<ServerKind, number[]>();
  for (const [kind, value] of figures) {
    if (kind === "reference") continue;
    byKind.set(kind, [...(byKind.get(kind) ?? []), value / reference]);
  }
  ratios.set(name, byKind);
}

function report(
  name: string,
  figures: Figures,
  format: (v: number) => string,
  extra = new Map<ServerKind, string>(),
) {
  printRow(name, figures, format, extra);
  noteRatios(name, figures);
}

function order(round: number): ServerKind[] {
  const shift = round % kinds.length;
  return [...kinds.slice(shift), ...kinds.slice(0, shift)];
}

/**
 * Starts every server (idle ones cost the others nothing), opens a session on each, and runs
 * `steps` steps, each on every server in turn (the order rotating), so samples of the servers
 * are taken minutes apart at most and the machine's drift falls on all of them alike.
 */
async function interleaved<S, R>(
  round: number,
  open: (server: BenchServer) => Promise<S>,
  step: (session: S, index: number) => Promise<R>,
  steps: number,
  close: (session: S) => void,
): Promise<{ results: Map<ServerKind, R[]>; loops: Map<ServerKind, string> }> {
  const servers = new Map<ServerKind, BenchServer>();
  const sessions = new Map<ServerKind, S>();
  const results = new Map<ServerKind, R[]>();
  const loops = new Map<ServerKind, ClientLoop>();
  try {
    for (const kind of order(round)) servers.set(kind, await startServer(kind, 1));
    for (const [kind, server] of servers) sessions.set(kind, await open(server));
    for (const kind of servers.keys()) loops.set(kind, watchClientLoop());
    for (let i = 0; i < steps; i++) {
      for (const kind of order(round + i)) {
        const loop = loops.get(kind)!;
        loop.resume();
        const result = await step(sessions.get(kind)!, i);
        loop.pause();
        results.set(kind, [...(results.get(kind) ?? []), result]);
      }
    }
    return { results, loops: new Map([...loops].map(([kind, loop]) => [kind, loopText(loop.stop())])) };
  } finally {
    for (const session of sessions.values()) close(session);
    for (const server of servers.values()) await server.stop();
  }
}

async function joinRound(round: number): Promise<void> {
  // Per step: five single joins, then one group of 20 and (every other step) one of 100.
  const { results, loops } = await interleaved(
    round,
    openJoin,
    async (session, i) => ({
      one: await joinEach(session, 5),
      twenty: await session.join(20),
      hundred: i % 2 === 0 ? await session.join(100) : [],
    }),
    6,
    (session) => session.close(),
  );
  const pool = (pick: (r: { one: number[]; twenty: number[]; hundred: number[] }) => number[]) =>
    new Map([...results].map(([kind, rs]) => [kind, rs.flatMap(pick)]));
  for (const [name, clients, samples] of [
    ["join 1", 30, pool((r) => r.one)],
    ["join 20", 120, pool((r) => r.twenty)],
    ["join 100", 300, pool((r) => r.hundred)],
  ] as const) {
    const extra = new Map(
      [...samples].map(([k, v]) => [k, `${v.length}/${clients} synced, ${loops.get(k)}`]),
    );
    report(`${name} p50`, new Map([...samples].map(([k, v]) => [k, percentile(v, 50)])), ms);
    report(`${name} p99`, new Map([...samples].map(([k, v]) => [k, percentile(v, 99)])), ms, extra);
  }
}

/** `times` single clients joining one after another. */
async function joinEach(session: JoinSession, times: number): Promise<number[]> {
  const all: number[] = [];
  for (let i = 0; i < times; i++) all.push(...(await session.join(1)));
  return all;
}

async function fanOutRound(round: number): Promise<void> {
  const { results, loops } = await interleaved(
    round,
    (server) => openFanOut(server, 50),
    (session) => session.write(20),
    10,
    (session) => session.close(),
  );
  const samples = new Map([...results].map(([kind, rs]) => [kind, rs.flat()]));
  report("fan-out 1→50 p50", new Map([...samples].map(([k, v]) => [k, percentile(v, 50)])), ms);
  report("fan-out 1→50 p99", new Map([...samples].map(([k, v]) => [k, percentile(v, 99)])), ms, loops);
}

async function typingRound(round: number): Promise<void> {
  const results = new Map<ServerKind, TypingResult>();
  for (const kind of order(round)) {
    const server = await startServer(kind, typingPages);
    try {
      results.set(kind, await runTyping(server, typingPages, 3, typingInterval, typingDuration));
    } finally {
      await server.stop();
    }
  }
  const pick = (f: (r: TypingResult) => number) => new Map([...results].map(([k, r]) => [k, f(r)]));
  const name = `${typingPages} pages × 3`;
  const extra = new Map(
    [...results].map(([k, r]) => [
      k,
      `${r.delivered}/${r.expected} delivered of ${r.edits} edits, ${loopText(r.loop)}`,
    ]),
  );
  report(
    `${name} p50`,
    pick((r) => percentile(r.samples, 50)),
    ms,
  );
  report(
    `${name} p99`,
    pick((r) => percentile(r.samples, 99)),
    ms,
    extra,
  );
  report(
    `${name} server CPU`,
    pick((r) => r.serverCpuMs),
    (v) => `${(v / 1000).toFixed(2)} s`,
  );
  report(
    `${name} server peak RSS`,
    pick((r) => r.peakRssMb),
    (v) => `${v.toFixed(0)} MB`,
  );
}

async function killRound(round: number): Promise<void> {
  const kept: Figures = new Map();
  for (const kind of order(round)) {
    const server = await startServer(kind, 1);
    try {
      kept.set(kind, await runKill(server, 1000, 50));
    } finally {
      await server.stop();
    }
  }
  // Kept edits: the reference keeps none by design (memory only), so no ratio.
  console.log(
    `  SIGKILL 50 ms after 1,000 edits, kept: ${kinds.map((k) => `${label[k]} ${kept.get(k)}/1000`).join(" | ")}`,
  );
}

// Every stock provider adds a process "exit" listener; hundreds of clients are expected here.
process.setMaxListeners(0);
await ensureBuilt();
const scenarios: [string, (round: number) => Promise<void>][] = [
  ["join", joinRound],
  ["fanout", fanOutRound],
  ["typing", typingRound],
  ["kill", killRound],
];
console.log(
  `side by side: ${kinds.map((k) => label[k]).join(", ")}; ${rounds} rounds; typing ${typingPages} pages × 3 clients, a keystroke every ${typingInterval} ms each for ${typingDuration} ms`,
);
for (let round = 0; round < rounds; round++) {
  console.log(`round ${round + 1} (load ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores)`);
  for (const [name, run] of scenarios) if (only.includes(name)) await run(round);
}
console.log("ratios Galley / reference over the rounds (min – median – max):");
for (const [name, byKind] of ratios) {
  const cells = [...byKind].map(([kind, values]) => {
    const sorted = [...values].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)]!;
    return `${label[kind]} ${sorted[0]!.toFixed(2)} – ${median.toFixed(2)} – ${sorted.at(-1)!.toFixed(2)}×`;
  });
  console.log(`  ${name}: ${cells.join(" | ")}`);
}
console.log(
  `load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(" ")}`,
);
process.exit(0);

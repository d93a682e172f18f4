/**
 * History benchmark: `pnpm bench sync-history [--updates N] [--repeat N]`
 *
 * A page with 10,000 stored updates (single keystrokes and deletions by three editors, with a
 * named version after the first half), served by `galley serve` (compiled, SQLite) as a child
 * process. Prints the time to open its history (`GET /history`: every update read and measured,
 * grouped into sessions), and to diff it against the reconstruction and against the version.
 * Figures only; the target (history ≤ 500 ms) lives in the docs.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { createPageFromUpload, issueToken, openDataDir, saveVersion, silentLogger } from "@galley/server";
import * as Y from "yjs";
import { ensureBuilt } from "../../apps/cli/build.mjs";
import { spawnServer } from "../server/helpers/child-server.ts";
import { firstText } from "../server/helpers/clients.ts";
import { seedPage } from "../server/helpers/server.ts";

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? Number(args[at + 1]) : fallback;
};
const updates = option("updates", 10_000);
const repeat = option("repeat", 7);

await ensureBuilt();
const dataDir = mkdtempSync(join(tmpdir(), "galley-bench-history-"));
const storage = openDataDir(dataDir);
await storage.createIssue({
  id: "i-bench",
  title: "Bench",
  date: "2025-02-10",
  createdAt: new Date().toISOString(),
});
const page = await createPageFromUpload(
  storage,
  { issueId: "i-bench", number: 1, bytes: seedPage },
  null,
  silentLogger,
);
const { token } = await issueToken(storage, { role: "editor", name: "bench" });
const editors = ["Ann", "Bob", "Cy"].map((author) => {
  const doc = new Y.Doc();
  return { author, doc };
});
const stored = await storage.loadDoc(page.id);
for (const { doc } of editors) Y.applyUpdate(doc, stored!.updates[0]!);
let versionId = "";
for (let i = 0; i < updates - 1; i++) {
  const editor = editors[Math.floor(i / 50) % editors.length]!;
  const text = firstText(editor.doc);
  // The update of one keystroke, as a client's provider sends it (its transaction's own).
  let update: Uint8Array = new Uint8Array();
  const capture = (u: Uint8Array) => {
    update = u;
  };
  editor.doc.on("update", capture);
  if (i % 7 === 6 && text.length > 0) text.delete(0, 1);
  else text.insert(0, String.fromCharCode(97 + (i % 26)));
  editor.doc.off("update", capture);
  for (const other of editors) if (other !== editor) Y.applyUpdate(other.doc, update);
  await storage.appendLog([{ pageId: page.id, update, author: editor.author }]);
  if (i === Math.floor(updates / 2)) {
    const version = await saveVersion(storage, {
      id: "v-half",
      pageId: page.id,
      name: "half way",
      kind: "named",
      author: "Ann",
      at: new Date().toISOString(),
    });
    versionId = version!.id;
  }
}
await storage.close();

const server = await spawnServer(dataDir);
const time = async (path: string) => {
  const samples: number[] = [];
  let bytes = 0;
  for (let r = 0; r < repeat; r++) {
    const started = performance.now();
    const response = await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
    const body = await response.text();
    if (!response.ok) throw new Error(`${path}: ${response.status} ${body}`);
    samples.push(performance.now() - started);
    bytes = body.length;
  }
  samples.sort((a, b) => a - b);
  const median = samples[Math.floor(samples.length / 2)]!;
  return `median ${median.toFixed(0)} ms (min ${samples[0]!.toFixed(0)}, max ${samples.at(-1)!.toFixed(0)}; ${(bytes / 1024).toFixed(0)} KB)`;
};
console.log(`page with ${updates} stored updates by 3 editors, ${repeat} requests each:`);
console.log(
  `  open the history (GET /history):               ${await time(`/api/pages/${page.id}/history`)}`,
);
console.log(
  `  changes since the reconstruction (GET /changes): ${await time(`/api/pages/${page.id}/changes?since=reconstruction`)}`,
);
console.log(
  `  changes since the version half way:             ${await time(`/api/pages/${page.id}/versions/${versionId}/changes`)}`,
);
server.process.kill("SIGTERM");
await server.exited;
rmSync(dataDir, { recursive: true, force: true });
console.log(
  `load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(" ")} on ${cpus().length} cores`,
);

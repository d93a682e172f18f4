import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CloseCode, createPageFromUpload, issueToken, openDataDir, silentLogger } from "@galley/server";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type ChildServer, spawnServer } from "./helpers/child-server.ts";
import {
  type Client,
  connectClient,
  firstText,
  nextClose,
  pageText,
  typeAtStart,
  waitForDoc,
} from "./helpers/clients.ts";
import { seedPage } from "./helpers/server.ts";

describe("durability (galley serve in a child process)", () => {
  let dataDir: string;
  let pageId: string;
  let token: string;
  const children: ChildServer[] = [];
  const clients: Client[] = [];

  beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), "galley-durable-"));
    const storage = openDataDir(dataDir);
    await storage.createIssue({
      id: "i-d",
      title: "Durable",
      date: "2025-02-10",
      createdAt: new Date().toISOString(),
    });
    pageId = (
      await createPageFromUpload(storage, { issueId: "i-d", number: 1, bytes: seedPage }, null, silentLogger)
    ).id;
    token = (await issueToken(storage, { role: "editor", name: "Eddie" })).token;
    await storage.close();
  });
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    for (const child of children.splice(0)) {
      if (child.process.exitCode === null && child.process.signalCode === null) child.process.kill("SIGKILL");
      await child.exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  const start = async () => {
    const child = await spawnServer(dataDir);
    children.push(child);
    return child;
  };
  const connect = (child: ChildServer) => {
    const client = connectClient(child.collabUrl, pageId, token);
    clients.push(client);
    return client;
  };
  const storedText = async (child: ChildServer) =>
    JSON.stringify(
      await (
        await fetch(`${child.url}/api/pages/${pageId}`, { headers: { authorization: `Bearer ${token}` } })
      ).json(),
    );

  it("on SIGTERM stores everything, closes sockets with 1001 and exits 0; a restart serves it all", async () => {
    const first = await start();
    const a = connect(first);
    const b = connect(first);
    await Promise.all([a.synced, b.synced]);
    typeAtStart(a.doc, "[kept-on-sigterm]");
    await waitForDoc(
      b.doc,
      (d) => pageText(d).includes("[kept-on-sigterm]"),
      "the edit at the second client",
    );
    const closed = nextClose(a.provider);
    first.process.kill("SIGTERM");
    expect((await closed).code).toBe(CloseCode.GoingAway);
    expect(await first.exited).toEqual({ code: 0, signal: null });
    a.destroy();
    b.destroy();
    const second = await start();
    expect(await storedText(second)).toContain("[kept-on-sigterm]");
  });

  it("keeps 1000 of 1000 separate edits through a SIGKILL: every edit another client received was stored", async () => {
    const first = await start();
    const writer = connect(first);
    const observer = connect(first);
    await Promise.all([writer.synced, observer.synced]);
    for (let i = 0; i < 1000; i++) typeAtStart(writer.doc, `‹${i}›`);
    const observed = firstText(observer.doc);
    await waitForDoc(
      observer.doc,
      () => observed.toString().startsWith("‹999›"),
      "the last edit at the observer",
    );
    // Killed the moment the last edit was broadcast: the server appends before it broadcasts.
    // (The issue's "killed 50 ms after the client's last edit" figure depends on the CPU the
    // server gets in those 50 ms; tests/bench/sync.bench.ts measures it.)
    first.process.kill("SIGKILL");
    writer.destroy();
    observer.destroy();
    expect((await first.exited).signal).toBe("SIGKILL");
    const second = await start();
    const kept = new Set((await storedText(second)).match(/‹\d+›/g) ?? []);
    expect(kept.size).toBe(1000);
  });
});

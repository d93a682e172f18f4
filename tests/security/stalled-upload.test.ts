import { connect, type Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedPage, startTestServer, type TestServer } from "../server/helpers/server.ts";

/**
 * A client that starts an upload and stops sending holds nothing for long: the body is given up
 * after `bodyIdleMs` without bytes (408, the connection closed), and the bodies coming in at
 * once are bounded (`uploadsAtOnce`; one more is refused with 503 before a byte is read), so
 * stalled uploads cannot pile up memory or take every slot for good.
 */

/** Sends a request's head and the first bytes of a body that claims more, then nothing. */
function stallingRequest(
  url: string,
  path: string,
  token: string,
  headers: Record<string, string>,
  sent: string,
  claimed: number,
): { socket: Socket; answer: Promise<string> } {
  const { hostname, port } = new URL(url);
  const socket = connect(Number(port), hostname === "localhost" ? "127.0.0.1" : hostname);
  const head = [
    `POST ${path} HTTP/1.1`,
    `Host: ${hostname}:${port}`,
    `Authorization: Bearer ${token}`,
    `Content-Length: ${claimed}`,
    ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
    "",
    "",
  ].join("\r\n");
  socket.write(head + sent);
  const answer = new Promise<string>((resolve, reject) => {
    let text = "";
    socket.on("data", (chunk: Buffer) => {
      text += chunk.toString("utf8");
    });
    socket.on("close", () => resolve(text));
    socket.on("error", reject);
  });
  return { socket, answer };
}

describe("stalled uploads", () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ limits: { bodyIdleMs: 400, uploadsAtOnce: 1 } });
  });
  afterAll(async () => {
    await server.close();
  });

  it("answers 408 and closes the connection when an upload stops sending, and keeps nothing", async () => {
    const started = Date.now();
    const { answer } = stallingRequest(
      server.url,
      `/api/issues/${server.issueId}/pages?number=20`,
      server.tokens.admin,
      { "Content-Type": "text/plain" },
      "科学导报讯 the first line of a page",
      10_000,
    );
    const text = await answer;
    expect(text).toMatch(/^HTTP\/1\.1 408 /);
    expect(text).toMatch(/no bytes of the body came for 0\.4 s/);
    expect(text.toLowerCase()).toMatch(/connection: close/);
    expect(Date.now() - started).toBeLessThan(5_000);
    const issue = (await (await server.api(`/api/issues/${server.issueId}`)).json()) as {
      pages: { number: number }[];
    };
    expect(issue.pages.length).toBeGreaterThan(0);
    expect(issue.pages.map((p) => p.number)).not.toContain(20);
  });

  it("gives a JSON body that stalls the same answer", async () => {
    const { answer } = stallingRequest(
      server.url,
      "/api/issues",
      server.tokens.admin,
      { "Content-Type": "application/json", Origin: server.url },
      '{"title":',
      200,
    );
    expect(await answer).toMatch(/^HTTP\/1\.1 408 /);
  });

  it("refuses an upload with 503 while the only slot is taken, and takes one once it is free", async () => {
    const stalled = stallingRequest(
      server.url,
      `/api/issues/${server.issueId}/pages?number=21`,
      server.tokens.admin,
      { "Content-Type": "text/plain" },
      "a few bytes",
      10_000,
    );
    // The stalled upload holds the slot from its first bytes until its 408.
    await new Promise((resolve) => setTimeout(resolve, 100));
    const refused = await server.api(`/api/issues/${server.issueId}/pages?number=22`, {
      method: "POST",
      body: seedPage,
    });
    expect(refused.status).toBe(503);
    expect(refused.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(((await refused.json()) as { error: string }).error).toMatch(/uploads coming in at once/);
    expect(await stalled.answer).toMatch(/^HTTP\/1\.1 408 /);
    const taken = await server.api(`/api/issues/${server.issueId}/pages?number=22`, {
      method: "POST",
      body: seedPage,
    });
    expect(taken.status).toBe(201);
  });
});

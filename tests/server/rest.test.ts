import { issueToken } from "@galley/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedPage, startTestServer, type TestServer } from "./helpers/server.ts";

const json = (body: unknown): RequestInit => ({
  method: "POST",
  headers: { "content-type": "application/json" },
  body: JSON.stringify(body),
});

async function errorOf(response: Response): Promise<{ status: number; error: string }> {
  const body = (await response.json()) as { error?: unknown };
  expect(typeof body.error).toBe("string");
  return { status: response.status, error: body.error as string };
}

describe("REST API", () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ limits: { uploadBytes: 256 * 1024, jsonBytes: 1024 } });
  });
  afterAll(async () => {
    await server.close();
  });

  const upload = (number: number | string, body: BodyInit, query = "", token?: string) =>
    server.api(`/api/issues/${server.issueId}/pages?number=${number}${query}`, {
      method: "POST",
      body,
      token,
    });

  describe("auth", () => {
    it("answers /healthz without a token", async () => {
      const response = await server.api("/healthz", { token: null });
      expect(response.status).toBe(200);
    });

    it("answers 401 without a token or with an unknown one", async () => {
      expect((await errorOf(await server.api("/api/me", { token: null }))).status).toBe(401);
      expect((await errorOf(await server.api("/api/me", { token: "nope" }))).status).toBe(401);
    });

    it("accepts the token as Bearer and as ?token=", async () => {
      expect(await (await server.api("/api/me", { token: server.tokens.editor })).json()).toEqual({
        user: "Eddie",
        role: "editor",
        issueId: null,
      });
      const byQuery = await fetch(`${server.url}/api/me?token=${server.tokens.viewer}`);
      expect(((await byQuery.json()) as { role: string }).role).toBe("viewer");
    });

    it("trades a one-time login token for an HttpOnly session cookie, once", async () => {
      const login = await loginToken(server);
      const response = await fetch(`${server.url}/api/session`, json({ token: login }));
      expect(response.status).toBe(200);
      const cookie = response.headers.get("set-cookie") ?? "";
      expect(cookie).toMatch(/^galley_session=[^;]+;/);
      expect(cookie).toMatch(/HttpOnly/);
      expect(cookie).toMatch(/SameSite=Lax/);
      const session = cookie.split(";")[0]!;
      const me = await fetch(`${server.url}/api/me`, { headers: { cookie: session } });
      expect(((await me.json()) as { role: string }).role).toBe("admin");
      const again = await fetch(`${server.url}/api/session`, json({ token: login }));
      expect((await errorOf(again)).status).toBe(401);
      const out = await fetch(`${server.url}/api/session`, {
        method: "DELETE",
        headers: { cookie: session },
      });
      expect(out.status).toBe(204);
      expect((await fetch(`${server.url}/api/me`, { headers: { cookie: session } })).status).toBe(401);
    });

    it("signs a browser in at /?token= and drops the token from the URL", async () => {
      const login = await loginToken(server);
      const response = await fetch(`${server.url}/pages/p-x?token=${login}&a=1`, { redirect: "manual" });
      expect(response.status).toBe(302);
      expect(response.headers.get("location")).toBe("/pages/p-x?a=1");
      expect(response.headers.get("set-cookie")).toMatch(/^galley_session=/);
    });

    it("refuses a login token used directly as an API token", async () => {
      expect((await server.api("/api/me", { token: await loginToken(server) })).status).toBe(401);
    });

    it("answers 400 for a session request without a token", async () => {
      expect((await errorOf(await fetch(`${server.url}/api/session`, json({})))).status).toBe(400);
    });
  });

  describe("tokens", () => {
    it("lets an admin create a token that works", async () => {
      const response = await server.api("/api/tokens", json({ role: "viewer", name: "Reader" }));
      expect(response.status).toBe(201);
      const { token } = (await response.json()) as { token: string };
      expect(await (await server.api("/api/me", { token })).json()).toMatchObject({
        user: "Reader",
        role: "viewer",
      });
    });

    it("answers 403 to an editor, 400 for a bad role, 404 for an unknown issue, 415 without JSON", async () => {
      expect(
        (
          await errorOf(
            await server.api("/api/tokens", { ...json({ role: "viewer" }), token: server.tokens.editor }),
          )
        ).status,
      ).toBe(403);
      expect((await errorOf(await server.api("/api/tokens", json({ role: "owner" })))).status).toBe(400);
      expect(
        (await errorOf(await server.api("/api/tokens", json({ role: "viewer", issueId: "i-none" })))).status,
      ).toBe(404);
      const plain = await server.api("/api/tokens", { method: "POST", body: '{"role":"viewer"}' });
      expect((await errorOf(plain)).status).toBe(415);
    });

    it("answers 400 for a body that is not JSON and 413 for one over the limit", async () => {
      const broken = await server.api("/api/tokens", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: "{",
      });
      expect((await errorOf(broken)).status).toBe(400);
      const big = await server.api("/api/tokens", json({ role: "viewer", name: "x".repeat(2000) }));
      expect((await errorOf(big)).status).toBe(413);
    });
  });

  describe("issues", () => {
    it("creates an issue (201) and lists it", async () => {
      const response = await server.api("/api/issues", json({ title: "Morning", date: "2025-03-04" }));
      expect(response.status).toBe(201);
      const created = (await response.json()) as { id: string; pages: unknown[] };
      expect(created).toMatchObject({ title: "Morning", date: "2025-03-04", pages: [] });
      const list = (await (await server.api("/api/issues")).json()) as { id: string }[];
      expect(list.map((i) => i.id)).toContain(created.id);
    });

    it("keeps an issue's publication, and answers null without one", async () => {
      const response = await server.api(
        "/api/issues",
        json({ title: "Evening", date: "2025-03-05", publication: "  科学导报 " }),
      );
      const created = (await response.json()) as { id: string; publication: string | null };
      expect(created.publication).toBe("科学导报");
      const list = (await (await server.api("/api/issues")).json()) as {
        id: string;
        publication: string | null;
      }[];
      expect(list.find((i) => i.id === created.id)?.publication).toBe("科学导报");
      const one = (await (await server.api(`/api/issues/${created.id}`)).json()) as {
        publication: string | null;
      };
      expect(one.publication).toBe("科学导报");
      const test = (await (await server.api(`/api/issues/${server.issueId}`)).json()) as {
        publication: unknown;
      };
      expect(test.publication).toBeNull();
    });

    it("answers 400 for a publication that is not a string of at most 200 characters", async () => {
      for (const publication of [42, "x".repeat(201)]) {
        const response = await server.api(
          "/api/issues",
          json({ title: "T", date: "2025-03-04", publication }),
        );
        expect(await errorOf(response)).toMatchObject({
          status: 400,
          error: "publication must be a string of at most 200 characters",
        });
      }
    });

    it("answers 400 for a bad title or date and 403 for a non-admin", async () => {
      expect(
        (await errorOf(await server.api("/api/issues", json({ title: "", date: "2025-03-04" })))).status,
      ).toBe(400);
      expect(
        (await errorOf(await server.api("/api/issues", json({ title: "T", date: "2025-02-30" })))).status,
      ).toBe(400);
      const asEditor = await server.api("/api/issues", {
        ...json({ title: "T", date: "2025-03-04" }),
        token: server.tokens.editor,
      });
      expect((await errorOf(asEditor)).status).toBe(403);
    });

    it("shows an issue with its pages, and 404 for an unknown one", async () => {
      const issue = (await (await server.api(`/api/issues/${server.issueId}`)).json()) as {
        pages: { id: string; number: number; status: string; articleCount: number }[];
      };
      expect(issue.pages[0]).toMatchObject({ id: server.pageId, number: 1, status: "needs-review" });
      expect(issue.pages[0]!.articleCount).toBeGreaterThan(0);
      expect((await errorOf(await server.api("/api/issues/i-none"))).status).toBe(404);
    });

    it("limits an issue token to its issue", async () => {
      const other = (await (
        await server.api("/api/issues", json({ title: "Other", date: "2025-01-02" }))
      ).json()) as { id: string };
      const { token } = (await (
        await server.api("/api/tokens", json({ role: "admin", issueId: other.id }))
      ).json()) as { token: string };
      const visible = (await (await server.api("/api/issues", { token })).json()) as { id: string }[];
      expect(visible.map((i) => i.id)).toEqual([other.id]);
      expect((await errorOf(await server.api(`/api/issues/${server.issueId}`, { token }))).status).toBe(403);
      expect((await errorOf(await server.api(`/api/pages/${server.pageId}`, { token }))).status).toBe(403);
      expect(
        (await errorOf(await server.api("/api/tokens", { ...json({ role: "viewer" }), token }))).status,
      ).toBe(403);
    });
  });

  describe("page upload", () => {
    it("stores a text page (201) and keeps the source byte for byte", async () => {
      const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...seedPage]);
      const response = await upload(2, bytes);
      expect(response.status).toBe(201);
      const page = (await response.json()) as {
        id: string;
        number: number;
        articleCount: number;
        format: string;
      };
      expect(page).toMatchObject({ number: 2, format: "text" });
      expect(page.articleCount).toBeGreaterThan(0);
      const source = await server.api(`/api/pages/${page.id}/source`);
      expect(source.headers.get("content-type")).toMatch(/^text\/plain/);
      expect(Buffer.from(await source.arrayBuffer()).equals(Buffer.from(bytes))).toBe(true);
    });

    it("answers an upload with the reconstruction's warnings", async () => {
      const alto = `<?xml version="1.0"?><alto><Layout><Page WIDTH="2000" HEIGHT="3000"><PrintSpace><TextBlock ID="b">
<TextLine ID="l1" HPOS="100" VPOS="100" WIDTH="800" HEIGHT="40"><String CONTENT="Hello" HPOS="1e308" VPOS="100" WIDTH="100" HEIGHT="40"/></TextLine>
</TextBlock></PrintSpace></Page></Layout></alto>`;
      const response = await upload(30, alto);
      expect(response.status).toBe(201);
      const { warnings } = (await response.json()) as { warnings: string[] };
      expect(warnings).toEqual([expect.stringMatching(/^a word box that is not a usable coordinate/)]);
    });

    it("answers 409 for a page number that is taken", async () => {
      expect((await errorOf(await upload(1, seedPage))).status).toBe(409);
    });

    it("answers 400 for a missing or bad page number, an empty body, binary data", async () => {
      expect((await errorOf(await upload("", seedPage))).status).toBe(400);
      expect((await errorOf(await upload("0", seedPage))).status).toBe(400);
      expect((await errorOf(await upload(3, new Uint8Array(0)))).status).toBe(400);
      expect((await errorOf(await upload(3, new Uint8Array([1, 0, 2, 0, 3])))).status).toBe(400);
    });

    it("answers 413 for an upload over the limit", async () => {
      const { status, error } = await errorOf(await upload(4, new Uint8Array(256 * 1024 + 1).fill(0x41)));
      expect(status).toBe(413);
      expect(error).toMatch(/256 KiB/);
    });

    it("reads a body sent in chunks without a length, and refuses one that runs over the limit", async () => {
      // Chunked transfer: no Content-Length, so the limit is checked while Node's stream is read.
      const streamed = (bytes: Uint8Array, pieces: number) =>
        new ReadableStream<Uint8Array>({
          start(controller) {
            const size = Math.ceil(bytes.byteLength / pieces);
            for (let at = 0; at < bytes.byteLength; at += size)
              controller.enqueue(bytes.slice(at, at + size));
            controller.close();
          },
        });
      const send = (number: number, bytes: Uint8Array, pieces: number) =>
        server.api(`/api/issues/${server.issueId}/pages?number=${number}`, {
          method: "POST",
          body: streamed(bytes, pieces),
          duplex: "half",
        } as RequestInit);
      const stored = await send(7, seedPage, 5);
      expect(stored.status).toBe(201);
      const { id } = (await stored.json()) as { id: string };
      const source = await server.api(`/api/pages/${id}/source`);
      expect(new Uint8Array(await source.arrayBuffer())).toEqual(new Uint8Array(seedPage));
      const { status, error } = await errorOf(await send(8, new Uint8Array(300 * 1024).fill(0x41), 6));
      expect(status).toBe(413);
      expect(error).toMatch(/256 KiB/);
    });

    it("answers 415 for an unknown format, unknown markup, and an image without OCR", async () => {
      expect((await errorOf(await upload(5, seedPage, "&format=docx"))).status).toBe(415);
      expect((await errorOf(await upload(5, "<?xml version='1.0'?><report><p>x</p></report>"))).status).toBe(
        415,
      );
      const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
      const { status, error } = await errorOf(await upload(5, png));
      expect(status).toBe(415);
      expect(error).toMatch(/no OCR engine/);
    });

    it("answers 404 for an unknown issue and 403 for an editor", async () => {
      const unknown = await server.api("/api/issues/i-none/pages?number=1", {
        method: "POST",
        body: seedPage,
      });
      expect((await errorOf(unknown)).status).toBe(404);
      expect((await errorOf(await upload(6, seedPage, "", server.tokens.editor))).status).toBe(403);
    });
  });

  describe("pages", () => {
    it("serves the page as edited in the reconstruction contract", async () => {
      const page = (await (
        await server.api(`/api/pages/${server.pageId}`, { token: server.tokens.viewer })
      ).json()) as {
        source: { format: string; lineCount: number };
        articles: { id: string; status: string; paragraphs: { lines: string[] }[] }[];
        captions: unknown[];
        other: unknown[];
        columns: unknown[];
      };
      expect(page.source).toMatchObject({ format: "text", lineCount: 666 });
      expect(page.articles[0]).toMatchObject({ id: "a1", status: "needs-review" });
      expect(page.articles[0]!.paragraphs[0]!.lines.length).toBeGreaterThan(0);
    });

    it("serves the source lines with their ids", async () => {
      const lines = (await (await server.api(`/api/pages/${server.pageId}/lines`)).json()) as {
        format: string;
        lines: { id: string; text: string }[];
      };
      expect(lines.format).toBe("text");
      expect(lines.lines[0]).toMatchObject({ id: "1" });
      expect(lines.lines.length).toBeGreaterThan(300);
    });

    it("answers 404 for the image of a text page and for an unknown page", async () => {
      expect((await errorOf(await server.api(`/api/pages/${server.pageId}/image`))).status).toBe(404);
      expect((await errorOf(await server.api("/api/pages/p-none"))).status).toBe(404);
      expect((await errorOf(await server.api("/api/pages/p-none/source"))).status).toBe(404);
    });

    it("shows page info with the caller's role", async () => {
      const info = await (
        await server.api(`/api/pages/${server.pageId}/info`, { token: server.tokens.viewer })
      ).json();
      expect(info).toMatchObject({
        id: server.pageId,
        issueId: server.issueId,
        number: 1,
        hasImage: false,
        role: "viewer",
      });
    });

    it("lets an editor set the page status, not a viewer, and only to a known status", async () => {
      const patch = (status: unknown, token: string) =>
        server.api(`/api/pages/${server.pageId}`, {
          method: "PATCH",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ status }),
          token,
        });
      const done = await patch("corrected", server.tokens.editor);
      expect(done.status).toBe(200);
      expect(((await done.json()) as { status: string }).status).toBe("corrected");
      expect((await errorOf(await patch("approved", server.tokens.viewer))).status).toBe(403);
      expect((await errorOf(await patch("finished", server.tokens.editor))).status).toBe(400);
    });

    it("lets an admin delete a page", async () => {
      const created = (await (await upload(20, seedPage)).json()) as { id: string };
      expect(
        (await server.api(`/api/pages/${created.id}`, { method: "DELETE", token: server.tokens.editor }))
          .status,
      ).toBe(403);
      expect((await server.api(`/api/pages/${created.id}`, { method: "DELETE" })).status).toBe(204);
      expect((await server.api(`/api/pages/${created.id}`)).status).toBe(404);
    });
  });

  describe("export", () => {
    it("exports the issue as JSON for download", async () => {
      const response = await server.api(`/api/issues/${server.issueId}/export?format=json`, {
        token: server.tokens.viewer,
      });
      expect(response.status).toBe(200);
      expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename=".+"/);
      const body = (await response.json()) as { pages: unknown[] };
      expect(body.pages.length).toBeGreaterThan(0);
    });

    it("answers 400 for an unknown format and 422 for an issue with nothing to export", async () => {
      expect(
        (await errorOf(await server.api(`/api/issues/${server.issueId}/export?format=pdf`))).status,
      ).toBe(400);
      const empty = (await (
        await server.api("/api/issues", json({ title: "Empty", date: "2025-05-05" }))
      ).json()) as { id: string };
      expect((await errorOf(await server.api(`/api/issues/${empty.id}/export?format=json`))).status).toBe(
        422,
      );
    });
  });

  it("answers JSON 404 for an unknown API route and a note at / without a built web app", async () => {
    expect((await errorOf(await server.api("/api/nothing"))).status).toBe(404);
    const home = await fetch(`${server.url}/`);
    expect(home.status).toBe(200);
    expect(await home.text()).toMatch(/Galley is running/);
  });
});

async function loginToken(server: TestServer): Promise<string> {
  return (await issueToken(server.storage, { kind: "login", role: "admin", user: "admin", ttlMs: 60_000 }))
    .token;
}

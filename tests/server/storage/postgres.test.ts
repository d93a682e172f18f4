import { randomBytes } from "node:crypto";
import { dropPostgresSchema, openPostgresStorage } from "@galley/server/scale-out";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { postgresMigrations, postgresSchema } from "../../../packages/server/src/storage/postgres/schema.ts";
import { postgresUrl } from "../helpers/services.ts";
import { describeStorageConformance } from "./conformance.ts";

describeStorageConformance("PostgreSQL", () => {
  // A schema of its own per test, dropped afterwards: runs never see each other's rows.
  const schema = `galley_test_${randomBytes(6).toString("hex")}`;
  return {
    open: () => openPostgresStorage({ connectionString: postgresUrl, schema }),
    reopen: () => openPostgresStorage({ connectionString: postgresUrl, schema }),
    cleanup: () => dropPostgresSchema(postgresUrl, schema),
  };
});

describe("openPostgresStorage on a schema of version 1", () => {
  const schema = `galley_test_${randomBytes(6).toString("hex")}`;
  afterEach(() => dropPostgresSchema(postgresUrl, schema));

  it("migrates it to token ids, tokens kept", async () => {
    const client = new pg.Client({ connectionString: postgresUrl });
    await client.connect();
    await client.query(postgresSchema(schema));
    await client.query(
      `INSERT INTO ${schema}.tokens (hash, kind, role, issue_id, "user", name, created_at, expires_at) VALUES ($1, 'access', 'editor', NULL, 'Ann', 'Ann', '2024-01-01T00:00:00.000Z', NULL)`,
      ["cd".repeat(32)],
    );
    await client.end();
    const storage = await openPostgresStorage({ connectionString: postgresUrl, schema });
    expect((await storage.listTokens()).map((t) => t.id)).toEqual([`t-${"cd".repeat(8)}`]);
    await storage.close();
    await (await openPostgresStorage({ connectionString: postgresUrl, schema })).close();
  });

  it("starts the history of a page stored before version 3 with its snapshot, then its log", async () => {
    const client = new pg.Client({ connectionString: postgresUrl });
    await client.connect();
    await client.query(postgresSchema(schema));
    await client.query(postgresMigrations(schema).find((m) => m.to === "2")!.sql);
    await client.query(`UPDATE ${schema}.meta SET value = '2' WHERE key = 'schema';
      INSERT INTO ${schema}.issues VALUES ('i1', 'T', '2025-01-01', '2025-01-01T00:00:00.000Z');
      INSERT INTO ${schema}.pages (id, issue_id, number, format, status, article_count, source_type, source, created_at)
        VALUES ('p1', 'i1', 1, 'text', 'needs-review', 0, 'text/plain', '\\x01', '2025-01-01T00:00:00.000Z');
      INSERT INTO ${schema}.snapshots VALUES ('p1', '\\x0a0b', '2025-01-02T00:00:00.000Z');
      INSERT INTO ${schema}.updates (page_id, data) VALUES ('p1', '\\x0c'), ('p1', '\\x0d');`);
    await client.end();
    const storage = await openPostgresStorage({ connectionString: postgresUrl, schema });
    const history = (await storage.readHistory("p1"))!;
    await storage.close();
    expect(history.map((h) => [[...h.update], h.author, h.at])).toEqual([
      [[10, 11], null, "2025-01-02T00:00:00.000Z"],
      [[12], null, "2025-01-01T00:00:00.000Z"],
      [[13], null, "2025-01-01T00:00:00.000Z"],
    ]);
  });
});

import { randomBytes } from "node:crypto";
import { dropPostgresSchema, openPostgresStorage } from "@galley/server/scale-out";
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

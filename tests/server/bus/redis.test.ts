import { randomBytes } from "node:crypto";
import { createRedisBus } from "@galley/server/scale-out";
import { redisUrl } from "../helpers/services.ts";
import { describeBusConformance } from "./conformance.ts";

describeBusConformance("Redis", () => {
  // A channel prefix per test, so concurrent runs never hear each other.
  const prefix = `galley-test-${randomBytes(6).toString("hex")}:`;
  return {
    open: async () => [
      await createRedisBus({ url: redisUrl, prefix }),
      await createRedisBus({ url: redisUrl, prefix }),
    ],
    cleanup: async ([a, b]) => {
      await a.close();
      await b.close();
    },
  };
});

import { createLocalBus } from "@galley/server";
import { describeBusConformance } from "./conformance.ts";

describeBusConformance("in-process", () => {
  // In one process "two handles on one medium" is one bus object shared by both.
  const bus = createLocalBus();
  return { open: async () => [bus, bus], cleanup: () => bus.close() };
});

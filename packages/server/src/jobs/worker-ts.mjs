// The worker module when the server runs from its TypeScript sources (tests, `tsx`): a worker
// thread does not inherit the parent's TypeScript loader, so this registers tsx's and loads
// worker.ts through it. The compiled server uses the bundled worker instead (apps/cli/build.mjs).
import { register } from "tsx/esm/api";

register();
const { default: handleTask } = await import("./worker.ts");

export default handleTask;

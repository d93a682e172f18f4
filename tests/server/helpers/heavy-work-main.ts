/**
 * Runs `runHeavyWork` in a process of its own and prints its outcome as JSON on stdout:
 * `node --import tsx heavy-work-main.ts URL SETUP_JSON`. The load test and benchmark measure
 * round trips in their own process; sending 100 MB of uploads from that same event loop would
 * delay the clients and count against the server.
 */
import type { ChildServer } from "./child-server.ts";
import { type LoadSetup, runHeavyWork } from "./load.ts";

const [url, setupJson] = process.argv.slice(2);
if (!url || !setupJson) throw new RangeError("usage: heavy-work-main.ts URL SETUP_JSON");
const outcome = await runHeavyWork({ url } as ChildServer, JSON.parse(setupJson) as LoadSetup);
process.stdout.write(`${JSON.stringify(outcome)}\n`);

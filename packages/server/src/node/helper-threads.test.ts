import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

const module = new URL("./helper-threads.ts", import.meta.url).pathname;

// In a process of its own: lowering the threads of the test runner would slow every other test.
const script = `
import { readdirSync, readFileSync } from "node:fs";
const { lowerHelperThreads } = await import(${JSON.stringify(module)});
const nice = (tid) => Number(readFileSync("/proc/self/task/" + tid + "/stat", "utf8").split(") ")[1].split(" ")[16]);
const lowered = lowerHelperThreads(10);
const others = readdirSync("/proc/self/task").filter((tid) => Number(tid) !== process.pid);
console.log(JSON.stringify({ lowered, main: nice(process.pid), others: others.map(nice) }));
`;

describe("lowerHelperThreads", () => {
  it.runIf(process.platform === "linux")("lowers every thread but the event loop's", () => {
    const run = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
      encoding: "utf8",
    });
    expect(run.stderr).toBe("");
    const { lowered, main, others } = JSON.parse(run.stdout) as {
      lowered: number;
      main: number;
      others: number[];
    };
    expect(main).toBe(0);
    expect(others.length).toBeGreaterThan(0);
    expect(lowered).toBe(others.length);
    expect(others.every((value) => value === 10)).toBe(true);
  });

  it("changes nothing when asked for no lowering", async () => {
    const { lowerHelperThreads } = await import("./helper-threads.ts");
    expect(lowerHelperThreads(0)).toBe(0);
  });
});

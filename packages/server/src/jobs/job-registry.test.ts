import { describe, expect, it } from "vitest";
import { type Job, JobRegistry } from "./job-registry.ts";

function registry(now: { t: number }, expired: string[] = []) {
  return new JobRegistry(
    60_000,
    (result) => expired.push(result.path),
    () => now.t,
  );
}

describe("JobRegistry", () => {
  it("reports changes in order and never lets the fraction go down", () => {
    const jobs = registry({ t: 0 });
    const job = jobs.create("upload", "i1", "a.txt", "ann");
    const seen: Job[] = [];
    jobs.subscribe(job.id, (j) => seen.push(j));
    job.progress("reconstruct", 0.5);
    job.progress("reconstruct", 0.3);
    job.progress("store", 0.95);
    job.succeed({ pageId: "p1" });
    expect(seen.map((j) => [j.state, j.phase, j.fraction])).toEqual([
      ["running", "reconstruct", 0.5],
      ["running", "reconstruct", 0.5],
      ["running", "store", 0.95],
      ["done", null, 1],
    ]);
    expect(jobs.get(job.id)).toMatchObject({ pageId: "p1", label: "a.txt", error: null });
    jobs.close();
  });

  it("cancels an unfinished job through its signal, but not one that is storing or finished", () => {
    const jobs = registry({ t: 0 });
    const running = jobs.create("upload", "i1", null, "ann");
    running.progress("reconstruct", 0.1);
    expect(jobs.cancel(running.id, "bob")).toBe(true);
    expect(running.signal.aborted).toBe(true);
    expect(jobs.get(running.id)).toMatchObject({ state: "cancelled", error: "cancelled by bob" });
    running.succeed({ pageId: "late" });
    expect(jobs.get(running.id)?.pageId).toBeNull();
    const storing = jobs.create("upload", "i1", null, "ann");
    storing.progress("store", 0.95);
    expect(jobs.cancel(storing.id, "bob")).toBe(false);
    expect(jobs.cancel(running.id, "bob")).toBe(false);
    jobs.close();
  });

  it("lists an issue's jobs newest first and forgets finished ones after the retention", () => {
    const now = { t: Date.parse("2025-01-01T00:00:00Z") };
    const expired: string[] = [];
    const jobs = registry(now, expired);
    const old = jobs.create("export", "i1", null, "ann");
    now.t += 1000;
    const recent = jobs.create("upload", "i1", null, "ann");
    jobs.create("upload", "i2", null, "ann");
    expect(jobs.listForIssue("i1").map((j) => j.id)).toEqual([recent.id, old.id]);
    old.succeed({
      result: { path: "/tmp/x.export", contentType: "application/json", filename: "x.json", size: 1 },
    });
    now.t += 59_000;
    jobs.sweep();
    expect(jobs.get(old.id)).not.toBeNull();
    now.t += 2000;
    jobs.sweep();
    expect(jobs.get(old.id)).toBeNull();
    expect(expired).toEqual(["/tmp/x.export"]);
    expect(jobs.get(recent.id)).not.toBeNull();
    expect(jobs.unfinished).toBe(2);
    jobs.close();
  });
});

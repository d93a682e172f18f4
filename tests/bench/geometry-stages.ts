/**
 * The geometry path stage by stage, for the benchmark: `reconstruct`'s steps for an OCR file
 * with geometry, parsing and then `assembleGeometryPage`, each stage timed in CPU time through
 * the pipeline's own `onStage` hook, so the stages timed are the steps the pipeline runs.
 */
import {
  assembleGeometryPage,
  type GeometryStage,
  geometryStages,
} from "../../packages/core/src/geometry/geometry-page.ts";
import { ingestDecoded } from "../../packages/core/src/ingest/ingest.ts";
import { decodeInput } from "../../packages/core/src/input/decode.ts";
import { detectFormat } from "../../packages/core/src/input/detect.ts";

/** The stages in pipeline order: parsing, then the geometry path's. */
export const stages = ["parse", ...geometryStages] as const;

/** A stage's name. */
export type Stage = (typeof stages)[number];

/** CPU time used by this process so far, in milliseconds. */
export function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** Runs the geometry path on an OCR file's bytes (or text) once; the CPU milliseconds each stage took. */
export function timeStages(text: string | Uint8Array): Record<Stage, number> {
  const times = Object.fromEntries(stages.map((s) => [s, 0])) as Record<Stage, number>;
  let t0 = cpuMs();
  const lap = (stage: Stage) => {
    const t1 = cpuMs();
    times[stage] += t1 - t0;
    t0 = t1;
  };
  // As `reconstruct` reads it: decoded, its format detected, then parsed.
  const page = ingestText(text);
  lap("parse");
  assembleGeometryPage(page, { onStage: (stage: GeometryStage) => lap(stage) });
  return times;
}

/** `reconstruct`'s reading: decoded, its format detected, then parsed. */
function ingestText(text: string | Uint8Array) {
  const decoded = decodeInput(text);
  const format = detectFormat(decoded);
  if (!format || format === "text") throw new TypeError(`not an OCR file with geometry: ${format}`);
  return ingestDecoded(decoded, format);
}

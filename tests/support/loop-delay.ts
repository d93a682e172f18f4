import { type IntervalHistogram, monitorEventLoopDelay } from "node:perf_hooks";

/** A process's own event-loop delay over a stretch of a measurement (ms). */
export interface LoopDelay {
  p50: number;
  p99: number;
  max: number;
}

/**
 * Watches this process's event-loop delay until `stop()`: printed beside a latency a client
 * measured, it tells how much of that latency was the client's own (a saturated client measures
 * itself). Resolution 10 ms by default, like Node's own default.
 */
export function watchLoop(resolution = 10): { stop(): LoopDelay } {
  const histogram: IntervalHistogram = monitorEventLoopDelay({ resolution });
  histogram.enable();
  return {
    stop() {
      histogram.disable();
      const ms = (ns: number) => ns / 1e6;
      return { p50: ms(histogram.percentile(50)), p99: ms(histogram.percentile(99)), max: ms(histogram.max) };
    },
  };
}

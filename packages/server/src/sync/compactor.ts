/** When a loaded page's update log is folded into a snapshot. */
export interface CompactionPolicy {
  /** Compact once this many updates were stored since the last compaction (default 500). */
  afterUpdates: number;
  /**
   * …and the page has been quiet for this long (default 1000 ms), so compaction never competes
   * with a burst of typing. At ten times `afterUpdates` it runs anyway, between messages.
   */
  quietMs: number;
}

/** The default policy: 500 updates, then 1 s of quiet. */
export const defaultCompactionPolicy: CompactionPolicy = { afterUpdates: 500, quietMs: 1000 };

/**
 * Schedules a room's background compactions by its policy; at most one runs at a time. `run`
 * does the work and reports its own errors.
 */
export class Compactor {
  private stored = 0;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;

  constructor(
    private readonly policy: CompactionPolicy,
    private readonly run: () => Promise<void>,
  ) {}

  /** Counts `count` newly stored updates and (re)schedules a compaction when due. */
  noteStored(count: number): void {
    this.stored += count;
    if (this.stopped || this.stored < this.policy.afterUpdates) return;
    if (this.timer) clearTimeout(this.timer);
    const delay = this.stored >= this.policy.afterUpdates * 10 ? 0 : this.policy.quietMs;
    this.timer = setTimeout(() => this.start(), delay);
    this.timer.unref();
  }

  /** Stops scheduling and waits for a compaction in progress. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  private start(): void {
    this.timer = null;
    if (this.stopped || this.running) return;
    this.stored = 0;
    this.running = this.run().finally(() => {
      this.running = null;
    });
  }
}

import type { Logger } from "../logger.ts";
import type { LogEntry, Storage } from "../storage/storage.ts";

/** A page with updates waiting to be stored: what `GroupCommit` asks of a room. */
export interface CommitParticipant {
  /** For logs. */
  readonly pageId: string;
  /**
   * Takes what is waiting, checked and ready to store, in order (empty: nothing to store now).
   * Called once per commit the participant was scheduled for.
   */
  takeBatch(): LogEntry[];
  /** The batch taken last is committed: apply and relay it. */
  committed(batch: LogEntry[]): void;
  /** The batch taken last could not be stored; nothing of it was. */
  failed(batch: LogEntry[], error: unknown): void;
}

/**
 * Group commit across pages: every page that has updates waiting in one turn of the event loop
 * is stored in one transaction (one fsync), then each page applies and relays its own. A page
 * scheduled while a commit is in flight (PostgreSQL answers asynchronously) goes into the next
 * one, so under load a commit takes everything that arrived during the one before.
 *
 * When the shared transaction fails, each page is stored on its own, so one page's problem (it
 * was deleted meanwhile) never costs another page its updates.
 */
export class GroupCommit {
  private readonly waiting = new Set<CommitParticipant>();
  private running: Promise<void> | null = null;

  constructor(
    private readonly storage: Storage,
    private readonly logger: Logger,
  ) {}

  /** Schedules `participant` for the next commit. */
  schedule(participant: CommitParticipant): void {
    this.waiting.add(participant);
    this.running ??= this.run();
  }

  /** Settles when no commit is running or scheduled. */
  async drained(): Promise<void> {
    while (this.running) await this.running;
  }

  private async run(): Promise<void> {
    // Wait for the end of this event-loop turn, so every message read from the sockets in it
    // (on any page) goes into one transaction instead of one each.
    await new Promise((resolve) => setImmediate(resolve));
    try {
      while (this.waiting.size > 0) {
        const participants = [...this.waiting];
        this.waiting.clear();
        const batches = participants
          .map((participant) => ({ participant, batch: participant.takeBatch() }))
          .filter(({ batch }) => batch.length > 0);
        if (batches.length === 0) continue;
        const errors = await this.store(batches.map(({ batch }) => batch));
        batches.forEach(({ participant, batch }, i) => {
          const error = errors[i];
          try {
            if (error === undefined) participant.committed(batch);
            else participant.failed(batch, error);
          } catch (thrown) {
            this.logger.error("applying stored updates failed", { page: participant.pageId, error: thrown });
          }
        });
      }
    } finally {
      this.running = null;
    }
  }

  /** Stores the batches, together when it can; per batch, the error that kept it out (or undefined). */
  private async store(batches: LogEntry[][]): Promise<unknown[]> {
    try {
      await this.storage.appendLog(batches.flat());
      return batches.map(() => undefined);
    } catch (error) {
      if (batches.length === 1) return [error];
    }
    const errors: unknown[] = [];
    for (const batch of batches) {
      try {
        await this.storage.appendLog(batch);
        errors.push(undefined);
      } catch (error) {
        errors.push(error ?? new Error("storage failed"));
      }
    }
    return errors;
  }
}

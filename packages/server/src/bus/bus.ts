/**
 * Fan-out between server processes that share one storage: every process publishes the
 * updates it stored and relays what the others publish to its own clients. Messages are
 * opaque bytes; delivery is at most once and in publish order per publisher, and a process
 * also receives its own messages (the sync engine skips those by sender id).
 *
 * Implementations (`createLocalBus`, `createRedisBus`) pass the bus conformance suite in
 * `tests/server/bus/`.
 */
export interface Bus {
  /** Delivers every later message on `topic` to `handler`; resolves once the subscription is live. Returns the unsubscribe function. */
  subscribe(topic: string, handler: (message: Uint8Array) => void): Promise<() => Promise<void>>;
  /** Sends `message` to every subscriber of `topic`. */
  publish(topic: string, message: Uint8Array): Promise<void>;
  /** Ends all subscriptions and releases connections. */
  close(): Promise<void>;
}

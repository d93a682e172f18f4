import { Redis } from "ioredis";
import type { Bus } from "./bus.ts";

/** Options for `createRedisBus`. */
export interface RedisBusOptions {
  /** e.g. `redis://127.0.0.1:6379` */
  url: string;
  /** Prefix of every channel (default `galley:`), to share one Redis between installations. */
  prefix?: string;
}

/**
 * A bus over Redis pub/sub for several server processes on one PostgreSQL: one connection
 * publishes, one subscribes (Redis requires a dedicated connection for subscriptions).
 * Messages are binary. Redis pub/sub is at most once: a process that loses its connection
 * misses what was published meanwhile, which the y-websocket clients repair on their own
 * (every reconnect runs sync step 1/2 against the storage-backed doc).
 */
export async function createRedisBus(options: RedisBusOptions): Promise<Bus> {
  const prefix = options.prefix ?? "galley:";
  // Auto-pipelining sends every publish of one event-loop turn (the relays of one group commit,
  // across pages) in one write instead of one syscall each; their order is kept.
  const publisher = new Redis(options.url, {
    lazyConnect: true,
    maxRetriesPerRequest: 3,
    enableAutoPipelining: true,
  });
  const subscriber = new Redis(options.url, { lazyConnect: true, maxRetriesPerRequest: 3 });
  await Promise.all([publisher.connect(), subscriber.connect()]);
  const handlers = new Map<string, Set<(message: Uint8Array) => void>>();
  // The SUBSCRIBE of a topic, so a second subscriber also waits until it is live.
  const live = new Map<string, Promise<unknown>>();
  subscriber.on("messageBuffer", (channel: Buffer, message: Buffer) => {
    const topic = channel.toString("utf8").slice(prefix.length);
    const bytes = new Uint8Array(message.buffer, message.byteOffset, message.byteLength);
    for (const handler of handlers.get(topic) ?? []) handler(bytes);
  });
  return {
    async subscribe(topic, handler) {
      let set = handlers.get(topic);
      if (!set) {
        set = new Set();
        handlers.set(topic, set);
        live.set(topic, subscriber.subscribe(prefix + topic));
      }
      const entry = (message: Uint8Array) => handler(message);
      set.add(entry);
      await live.get(topic);
      return async () => {
        const current = handlers.get(topic);
        if (!current?.delete(entry) || current.size > 0) return;
        handlers.delete(topic);
        live.delete(topic);
        await subscriber.unsubscribe(prefix + topic);
      };
    },
    async publish(topic, message) {
      await publisher.publish(
        prefix + topic,
        Buffer.from(message.buffer, message.byteOffset, message.byteLength),
      );
    },
    async close() {
      handlers.clear();
      await Promise.all([publisher.quit(), subscriber.quit()]);
    },
  };
}

import type { Bus } from "./bus.ts";

/**
 * An in-process bus: several Galley apps in one process (tests, a host running two mounts)
 * share updates through it. Handlers run in a microtask, never inside `publish`, so a
 * publisher sees the same asynchrony as with Redis.
 */
export function createLocalBus(): Bus {
  const topics = new Map<string, Set<(message: Uint8Array) => void>>();
  let closed = false;
  return {
    async subscribe(topic, handler) {
      if (closed) throw new RangeError("the bus is closed");
      const handlers = topics.get(topic) ?? new Set();
      topics.set(topic, handlers);
      // A wrapper per subscription, so subscribing one function twice gives two deliveries.
      const entry = (message: Uint8Array) => handler(message);
      handlers.add(entry);
      return async () => {
        handlers.delete(entry);
        if (handlers.size === 0 && topics.get(topic) === handlers) topics.delete(topic);
      };
    },
    async publish(topic, message) {
      if (closed) throw new RangeError("the bus is closed");
      const handlers = [...(topics.get(topic) ?? [])];
      const copy = message.slice();
      queueMicrotask(() => {
        for (const handler of handlers) handler(copy);
      });
    },
    async close() {
      closed = true;
      topics.clear();
    },
  };
}

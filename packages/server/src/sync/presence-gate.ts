import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import type { Awareness } from "y-protocols/awareness";
import type { Connection } from "./connection.ts";
import { MalformedMessageError } from "./protocol.ts";

/** What one connection may do with presence (y-protocols awareness). */
export interface PresenceLimits {
  /** Awareness client ids one connection may speak for (default 4; a browser tab uses one). */
  presenceClients: number;
  /** Largest presence state, as JSON, in bytes (default 8 KiB; a cursor and a name are ~300). */
  presenceStateBytes: number;
  /** Presence bytes a connection may have relayed per second, with a burst of twice that (default 32 KiB). */
  presenceBytesPerSecond: number;
}

/** The default presence limits. */
export const defaultPresenceLimits: PresenceLimits = {
  presenceClients: 4,
  presenceStateBytes: 8 * 1024,
  presenceBytesPerSecond: 32 * 1024,
};

/** Owner of client ids announced by another server process (over the bus). */
const remote = Symbol("remote");

/** One entry of an awareness update. */
interface Entry {
  clientID: number;
  clock: number;
  json: string;
}

/**
 * Decides which entries of a connection's awareness update the room takes. A client id belongs
 * to the first connection that announces it (or to another process, when the bus brought it
 * first) until that connection leaves; a connection may announce at most `presenceClients` ids,
 * each state at most `presenceStateBytes`, and have at most `presenceBytesPerSecond` relayed.
 * Anything else is dropped — entries that would change nothing (y-websocket echoes every state
 * it hears back to the server) silently, the rest with one log line per connection and reason.
 */
export class PresenceGate {
  private readonly owners = new Map<number, Connection | typeof remote>();
  private readonly owned = new WeakMap<Connection, number>();
  private readonly budgets = new WeakMap<Connection, { bytes: number; at: number }>();
  private readonly reported = new WeakMap<Connection, Set<string>>();

  constructor(
    private readonly limits: PresenceLimits,
    private readonly onDrop: (connection: Connection, reason: string) => void,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * The part of `update` (an encoded awareness update from `connection`) to apply, or null when
   * nothing is left. Throws `MalformedMessageError` when it does not decode.
   */
  filter(connection: Connection, update: Uint8Array, awareness: Awareness): Uint8Array | null {
    const entries = decodeEntries(update);
    const kept: Entry[] = [];
    for (const entry of entries) {
      const reason = this.check(connection, entry, awareness);
      if (reason === null) kept.push(entry);
      else if (reason) this.drop(connection, reason);
    }
    if (kept.length === entries.length) return update;
    return kept.length === 0 ? null : encodeEntries(kept);
  }

  /** A client id announced by another process (relayed by the bus), or its removal. */
  noteRemote(added: readonly number[], removed: readonly number[]): void {
    for (const id of added) if (!this.owners.has(id)) this.owners.set(id, remote);
    for (const id of removed) if (this.owners.get(id) === remote) this.owners.delete(id);
  }

  /** Releases the client ids of a connection that left. */
  release(connection: Connection): void {
    for (const [id, owner] of this.owners) if (owner === connection) this.owners.delete(id);
    this.owned.delete(connection);
  }

  /** Why `entry` is dropped: a reason to log, "" to drop it silently, null to keep it. */
  private check(connection: Connection, entry: Entry, awareness: Awareness): string | null {
    const { clientID, clock, json } = entry;
    const current = awareness.meta.get(clientID)?.clock ?? 0;
    const isRemoval = json === "null";
    const changes = current < clock || (current === clock && isRemoval && awareness.states.has(clientID));
    if (!changes) return "";
    const owner = this.owners.get(clientID);
    if (owner !== undefined && owner !== connection)
      return "presence for a client id another connection owns";
    if (isRemoval) return null;
    const owns = this.owned.get(connection) ?? 0;
    if (owner === undefined && owns >= this.limits.presenceClients)
      return `presence for more than ${this.limits.presenceClients} client ids`;
    const bytes = Buffer.byteLength(json);
    if (bytes > this.limits.presenceStateBytes)
      return `a presence state of ${bytes} bytes (the limit is ${this.limits.presenceStateBytes})`;
    if (!this.spend(connection, bytes)) return "presence faster than the limit of bytes per second";
    if (owner === undefined) {
      this.owners.set(clientID, connection);
      this.owned.set(connection, owns + 1);
    }
    return null;
  }

  /** Takes `bytes` from the connection's token bucket; false when it does not hold that many. */
  private spend(connection: Connection, bytes: number): boolean {
    const rate = this.limits.presenceBytesPerSecond;
    const now = this.now();
    const budget = this.budgets.get(connection) ?? { bytes: 2 * rate, at: now };
    budget.bytes = Math.min(2 * rate, budget.bytes + ((now - budget.at) * rate) / 1000);
    budget.at = now;
    this.budgets.set(connection, budget);
    if (budget.bytes < bytes) return false;
    budget.bytes -= bytes;
    return true;
  }

  private drop(connection: Connection, reason: string): void {
    const seen = this.reported.get(connection) ?? new Set<string>();
    this.reported.set(connection, seen);
    if (seen.has(reason)) return;
    seen.add(reason);
    this.onDrop(connection, reason);
  }
}

function decodeEntries(update: Uint8Array): Entry[] {
  try {
    const decoder = decoding.createDecoder(update);
    const count = decoding.readVarUint(decoder);
    const entries: Entry[] = [];
    for (let i = 0; i < count; i++) {
      const clientID = decoding.readVarUint(decoder);
      const clock = decoding.readVarUint(decoder);
      const json = decoding.readVarString(decoder);
      JSON.parse(json);
      entries.push({ clientID, clock, json });
    }
    return entries;
  } catch (error) {
    throw new MalformedMessageError(`not an awareness update (${(error as Error).message})`);
  }
}

function encodeEntries(entries: readonly Entry[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const { clientID, clock, json } of entries) {
    encoding.writeVarUint(encoder, clientID);
    encoding.writeVarUint(encoder, clock);
    encoding.writeVarString(encoder, json);
  }
  return encoding.toUint8Array(encoder);
}

import * as Y from "yjs";

/** A Yjs update decoded into its structs and delete set (`Y.decodeUpdate`). */
export type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>;

/**
 * What `decoded` needs that a document whose state vector is `state` does not have, or null when
 * it can be applied in full: a gap before a client's first struct, an item whose left or right
 * neighbour or parent is unknown, a deletion of something unknown. Yjs would hold such structs
 * back ("pending") until the rest arrives; the server does not store or apply an update before
 * it can be applied in full.
 */
export function missingDependency(decoded: DecodedUpdate, state: Map<number, number>): string | null {
  // How far each client's known history reaches: the document's, extended by the update's
  // own structs where they continue it without a gap.
  const reach = new Map(state);
  const ranges = new Map<number, [number, number][]>();
  for (const struct of decoded.structs) {
    if (struct instanceof Y.Skip) continue;
    const { client, clock } = struct.id;
    const list = ranges.get(client) ?? [];
    list.push([clock, clock + struct.length]);
    ranges.set(client, list);
  }
  for (const [client, list] of ranges) {
    list.sort((a, b) => a[0] - b[0]);
    let known = state.get(client) ?? 0;
    for (const [from, to] of list) {
      if (from > known) return `client ${client}'s changes from clock ${known} to ${from}`;
      known = Math.max(known, to);
    }
    reach.set(client, known);
  }
  const isKnown = (id: Y.ID) => id.clock < (reach.get(id.client) ?? 0);
  for (const struct of decoded.structs) {
    if (!(struct instanceof Y.Item)) continue;
    for (const ref of [struct.origin, struct.rightOrigin, struct.parent]) {
      if (ref instanceof Y.ID && !isKnown(ref)) return `item ${ref.client}:${ref.clock}`;
    }
  }
  for (const [client, deletions] of decoded.ds.clients) {
    for (const { clock, len } of deletions) {
      if (clock + len > (reach.get(client) ?? 0)) return `a deletion of ${client}:${clock}`;
    }
  }
  return null;
}

import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";

/** What a bus message carries between server processes. */
export type BusMessageKind = "update" | "awareness" | "query-awareness";

const kinds: BusMessageKind[] = ["update", "awareness", "query-awareness"];

/** One bus message: who sent it (a server instance id), what it is, and its payload. */
export interface BusMessage {
  sender: string;
  kind: BusMessageKind;
  payload: Uint8Array;
}

/** The bus topic of a page. */
export function pageTopic(pageId: string): string {
  return `galley:page:${pageId}`;
}

/** Encodes a bus message: varString sender, varUint kind, varUint8Array payload (lib0). */
export function encodeBusMessage(message: BusMessage): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, message.sender);
  encoding.writeVarUint(encoder, kinds.indexOf(message.kind));
  encoding.writeVarUint8Array(encoder, message.payload);
  return encoding.toUint8Array(encoder);
}

/** Decodes a bus message; null when it is not one (another program on the same channel). */
export function decodeBusMessage(data: Uint8Array): BusMessage | null {
  try {
    const decoder = decoding.createDecoder(data);
    const sender = decoding.readVarString(decoder);
    const kind = kinds[decoding.readVarUint(decoder)];
    const payload = decoding.readVarUint8Array(decoder);
    return kind ? { sender, kind, payload } : null;
  } catch {
    return null;
  }
}

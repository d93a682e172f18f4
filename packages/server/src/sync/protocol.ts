import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import * as authProtocol from "y-protocols/auth";
import * as syncProtocol from "y-protocols/sync";

/** Top-level message types of the y-websocket protocol. */
export const MessageType = { Sync: 0, Awareness: 1, Auth: 2, QueryAwareness: 3 } as const;

/** One decoded client message. */
export type ClientMessage =
  | { kind: "sync-step1"; stateVector: Uint8Array }
  | { kind: "sync-step2"; update: Uint8Array }
  | { kind: "update"; update: Uint8Array }
  | { kind: "awareness"; update: Uint8Array }
  | { kind: "query-awareness" };

/** A message that is not the y-websocket protocol. `message` says what was wrong. */
export class MalformedMessageError extends Error {
  override name = "MalformedMessageError";
}

/**
 * Decodes one binary client message (lib0 varUint type, then the payload). Throws
 * `MalformedMessageError` for an unknown type, a truncated payload or trailing bytes.
 */
export function decodeClientMessage(data: Uint8Array): ClientMessage {
  try {
    const decoder = decoding.createDecoder(data);
    const message = readMessage(decoder);
    if (decoding.hasContent(decoder)) throw new MalformedMessageError("trailing bytes after the message");
    return message;
  } catch (error) {
    if (error instanceof MalformedMessageError) throw error;
    throw new MalformedMessageError(`cannot decode the message (${(error as Error).message})`);
  }
}

function readMessage(decoder: decoding.Decoder): ClientMessage {
  const type = decoding.readVarUint(decoder);
  switch (type) {
    case MessageType.Sync: {
      const step = decoding.readVarUint(decoder);
      const payload = decoding.readVarUint8Array(decoder);
      if (step === syncProtocol.messageYjsSyncStep1) return { kind: "sync-step1", stateVector: payload };
      if (step === syncProtocol.messageYjsSyncStep2) return { kind: "sync-step2", update: payload };
      if (step === syncProtocol.messageYjsUpdate) return { kind: "update", update: payload };
      throw new MalformedMessageError(`unknown sync message type ${step}`);
    }
    case MessageType.Awareness:
      return { kind: "awareness", update: decoding.readVarUint8Array(decoder) };
    case MessageType.QueryAwareness:
      return { kind: "query-awareness" };
    default:
      throw new MalformedMessageError(`unknown message type ${type}`);
  }
}

/** A sync step 1 message: the sender's state vector, asking for what it lacks. */
export function encodeSyncStep1(stateVector: Uint8Array): Uint8Array {
  return encodeSync(syncProtocol.messageYjsSyncStep1, stateVector);
}

/** A sync step 2 message: the update the receiver lacks. */
export function encodeSyncStep2(update: Uint8Array): Uint8Array {
  return encodeSync(syncProtocol.messageYjsSyncStep2, update);
}

/** A sync update message, broadcast after an update has been stored. */
export function encodeUpdate(update: Uint8Array): Uint8Array {
  return encodeSync(syncProtocol.messageYjsUpdate, update);
}

/** An awareness message carrying an encoded awareness update. */
export function encodeAwareness(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Awareness);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

/**
 * A y-protocols auth "permission denied" message: how a read-only client is told that its
 * document update was dropped. y-websocket's provider logs `reason` as a warning.
 */
export function encodePermissionDenied(reason: string): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Auth);
  authProtocol.writePermissionDenied(encoder, reason);
  return encoding.toUint8Array(encoder);
}

function encodeSync(step: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Sync);
  encoding.writeVarUint(encoder, step);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

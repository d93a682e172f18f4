import * as encoding from "lib0/encoding";
import { describe, expect, it } from "vitest";
import {
  decodeClientMessage,
  encodeAwareness,
  encodePermissionDenied,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
  MalformedMessageError,
} from "./protocol.ts";

const bytes = (...values: number[]) => new Uint8Array(values);

describe("decodeClientMessage", () => {
  it("reads the three sync messages and awareness as the server encodes them", () => {
    expect(decodeClientMessage(encodeSyncStep1(bytes(1, 2)))).toEqual({
      kind: "sync-step1",
      stateVector: bytes(1, 2),
    });
    expect(decodeClientMessage(encodeSyncStep2(bytes(0, 0)))).toEqual({
      kind: "sync-step2",
      update: bytes(0, 0),
    });
    expect(decodeClientMessage(encodeUpdate(bytes(7)))).toEqual({ kind: "update", update: bytes(7) });
    expect(decodeClientMessage(encodeAwareness(bytes(9, 9)))).toEqual({
      kind: "awareness",
      update: bytes(9, 9),
    });
    expect(decodeClientMessage(bytes(3))).toEqual({ kind: "query-awareness" });
  });

  it.each([
    ["an unknown type", bytes(5)],
    ["an unknown sync step", bytes(0, 4, 0)],
    ["a truncated payload", bytes(0, 1, 10, 1)],
    ["an empty message", bytes()],
    ["trailing bytes", bytes(3, 3)],
  ])("refuses %s with MalformedMessageError", (_what, data) => {
    expect(() => decodeClientMessage(data)).toThrow(MalformedMessageError);
  });
});

describe("encodePermissionDenied", () => {
  it("writes a y-protocols auth message: type 2, permission denied 0, the reason", () => {
    const expected = encoding.createEncoder();
    encoding.writeVarUint(expected, 2);
    encoding.writeVarUint(expected, 0);
    encoding.writeVarString(expected, "read-only");
    expect(encodePermissionDenied("read-only")).toEqual(encoding.toUint8Array(expected));
  });
});

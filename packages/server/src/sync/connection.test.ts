import { describe, expect, it } from "vitest";
import { CloseCode } from "./close-codes.ts";
import { Connection, type SyncSocket } from "./connection.ts";

/** A socket that keeps what was sent and whether it was closed; `backlogBytes` is set by the test. */
function fakeSocket(): SyncSocket & { sent: number[]; closedWith: number | null; backlogBytes: number } {
  return {
    sent: [],
    closedWith: null,
    backlogBytes: 0,
    isOpen: true,
    send(data) {
      this.sent.push(data.byteLength);
    },
    close(code) {
      this.closedWith = code;
    },
  };
}

const editor = { user: "Ann", role: "editor" as const };

describe("Connection", () => {
  it("sends a large first message, and closes a client whose unread bytes pass the limit beyond it", () => {
    const socket = fakeSocket();
    const connection = new Connection(socket, "p-1", editor, true, 1000);
    connection.send(new Uint8Array(5000)); // a whole page on joining
    socket.backlogBytes = 5000;
    connection.send(new Uint8Array(10)); // still draining the page: within limit + largest
    socket.backlogBytes = 6001;
    connection.send(new Uint8Array(10));
    expect(socket.sent).toEqual([5000, 10]);
    expect(socket.closedWith).toBe(CloseCode.Backlog);
    expect(connection.isClosed).toBe(true);
  });

  it("never closes a client that keeps up", () => {
    const socket = fakeSocket();
    const connection = new Connection(socket, "p-1", editor, true, 1000);
    for (let k = 0; k < 100; k++) connection.send(new Uint8Array(900));
    expect(socket.sent.length).toBe(100);
    expect(socket.closedWith).toBeNull();
  });
});

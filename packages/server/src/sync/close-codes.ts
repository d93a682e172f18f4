/**
 * Websocket close codes the sync endpoint uses. 4400–4499 mirror HTTP 4xx: reconnecting cannot
 * help, and y-websocket's `WebsocketProvider` (3.x) stops retrying and emits `closed`. 4500–4599
 * and the 1xxx codes are transient: the provider reconnects and resends what the server lacks.
 */
export const CloseCode = {
  /** The server is shutting down (SIGTERM); everything received was stored. Reconnect later. */
  GoingAway: 1001,
  /** A frame larger than the transport accepts at all (twice `maxMessageBytes`), cut off by `ws`. */
  TransportTooLarge: 1009,
  /** An unexpected server error; nothing received was lost. */
  InternalError: 1011,
  /** A message that is not the y-websocket protocol (bad encoding, unknown type, text frame, broken update). */
  Malformed: 4400,
  /** No valid token: unknown, expired, or missing. */
  Unauthorized: 4401,
  /** A valid token that does not reach this page's issue. */
  Forbidden: 4403,
  /** No such page (or it was deleted while open). */
  NotFound: 4404,
  /** A message larger than `maxMessageBytes`. */
  TooLarge: 4413,
  /**
   * A document update the page schema does not allow (an unknown element, text outside a block,
   * a status out of range, a write to anything but the page content …); nothing of it was
   * stored or relayed.
   */
  InvalidContent: 4422,
  /** Too many failed sign-ins from the client's address; try again later. */
  TooManyRequests: 4429,
  /** The page's stored state could not be loaded; nothing was overwritten. Retry later. */
  LoadFailed: 4500,
  /** An update could not be stored; the connection is closed so the client resends it on reconnect. */
  StoreFailed: 4503,
  /**
   * The client did not read what was sent: more than `maxBacklogBytes` waited for it. It is
   * dropped rather than buffered for without bound; on reconnecting it syncs what it missed.
   */
  Backlog: 4508,
} as const;

/** One of the `CloseCode` values. */
export type CloseCodeValue = (typeof CloseCode)[keyof typeof CloseCode];
